import re

from allauth.mfa.totp.internal.auth import (
    format_hotp_value,
    hotp_value,
    yield_hotp_counters_from_time,
)
from django.core import mail
from django.urls import reverse

from tests.conftest import PASSWORD


def login(client, email, password):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_a_user_logs_in_with_email_and_password(client, learner):
    response = login(client, "alice@example.nl", PASSWORD)
    assert response.status_code == 302
    page = client.get(reverse("home"))
    assert "Welkom, Alice." in page.content.decode()  # her first login, nothing learnt yet


def test_the_login_form_asks_for_email_not_username(client, db):
    page = client.get(reverse("account_login")).content.decode()
    assert 'type="email"' in page
    assert "username" not in page.lower()


def test_a_wrong_password_is_refused_in_dutch(client, learner):
    response = login(client, "alice@example.nl", "fout")
    assert response.status_code == 200
    assert "wachtwoord is niet correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_logging_out_ends_the_session(client, learner):
    client.force_login(learner)
    response = client.post(reverse("account_logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_failed_logins_are_rate_limited_even_with_the_right_password(client, learner):
    for _ in range(5):
        login(client, "alice@example.nl", "fout")
    response = login(client, "alice@example.nl", PASSWORD)
    assert "_auth_user_id" not in client.session
    assert "Te veel inlogpogingen" in response.content.decode()


def test_password_reset_mails_a_link_that_sets_a_new_password(client, learner):
    client.post(reverse("account_reset_password"), {"email": "alice@example.nl"})
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    action = form_page.redirect_chain[-1][0] if form_page.redirect_chain else link
    response = client.post(
        action, {"password1": "nieuw-sterk-wachtwoord-7", "password2": "nieuw-sterk-wachtwoord-7"}
    )
    assert response.status_code == 302
    assert login(client, "alice@example.nl", "nieuw-sterk-wachtwoord-7").status_code == 302


def test_password_reset_does_not_reveal_whether_an_email_exists(client, learner):
    known = client.post(reverse("account_reset_password"), {"email": "alice@example.nl"})
    unknown = client.post(reverse("account_reset_password"), {"email": "niemand@example.nl"})
    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_a_user_turns_on_two_factor_and_then_needs_a_code_to_log_in(client, learner):
    login(client, "alice@example.nl", PASSWORD)
    client.post(reverse("account_reauthenticate"), {"password": PASSWORD})
    page = client.get(reverse("mfa_activate_totp"))
    assert page.status_code == 200
    secret = client.session["mfa.totp.secret"]
    code = format_hotp_value(hotp_value(secret, next(yield_hotp_counters_from_time())))
    response = client.post(reverse("mfa_activate_totp"), {"code": code})
    assert response.status_code == 302
    client.post(reverse("account_logout"))

    response = login(client, "alice@example.nl", PASSWORD)
    assert response["Location"] == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session


def test_the_admin_login_goes_through_the_site_login(client, db):
    response = client.get("/admin/login/?next=/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_an_outsider_cannot_reach_the_admin(client, outsider):
    client.force_login(outsider)
    response = client.get("/admin/")
    assert response.status_code in (302, 403)
    assert "/admin/pages/" not in response.content.decode()


def test_a_trainer_reaches_the_admin(client, trainer):
    client.force_login(trainer)
    assert client.get("/admin/").status_code == 200


def test_an_administrator_manages_organisations_with_search(client, admin_user, organisation):
    client.force_login(admin_user)
    response = client.get("/admin/organisations/?q=Testdorp")
    assert response.status_code == 200
    assert "Welzijn Testdorp" in response.content.decode()
    assert client.get("/admin/organisations/?q=Nergens").content.decode().count("Testdorp") == 0
