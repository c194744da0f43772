"""Sign-up and password reset resist guessing: rate limits hold, and no answer tells whether an
email address has an account."""

from django.core import mail
from django.urls import reverse

from people.models import Role


def signup_data(email, organisation):
    return {
        "email": email,
        "password1": "Een-sterk-wachtwoord-2026",
        "password2": "Een-sterk-wachtwoord-2026",
        "display_name": "Nieuw",
        "role": Role.VOLUNTEER,
        "organisation": organisation.pk,
    }


def test_signing_up_with_a_known_email_looks_the_same_as_with_a_new_one(
    client, learner, organisation
):
    known = client.post(reverse("account_signup"), signup_data("alice@example.nl", organisation))
    client.logout()
    new = client.post(reverse("account_signup"), signup_data("nieuw@example.nl", organisation))
    assert known.status_code == new.status_code == 302
    assert known["Location"] == new["Location"]
    # The owner of the known address is told by mail instead of the visitor on screen.
    assert any("alice@example.nl" in message.to for message in mail.outbox)


def test_sign_ups_from_one_address_are_rate_limited(client, organisation):
    statuses = [
        client.post(
            reverse("account_signup"), signup_data(f"persoon{n}@example.nl", organisation)
        ).status_code
        for n in range(25)
    ]
    assert 429 in statuses
    assert statuses.index(429) >= 20


def test_password_reset_requests_are_rate_limited_per_address(client, learner):
    statuses = [
        client.post(reverse("account_reset_password"), {"email": "alice@example.nl"}).status_code
        for _ in range(8)
    ]
    assert 429 in statuses
    assert len(mail.outbox) <= 5
