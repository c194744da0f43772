"""Sign-up, login and password pages say "je" throughout, errors and help texts included."""

import re

import pytest
from django.urls import reverse

FORMAL = re.compile(r"\b(u|uw|Uw|U|a\.u\.b\.|Gelieve|gelieve)\b")
BAD_SIGNUPS = [
    {"email": "x@example.nl", "password1": "123", "password2": "1234"},
    {
        "email": "fatima@example.nl",
        "password1": "fatima@example.nl",
        "password2": "fatima@example.nl",
        "display_name": "Fatima",
    },
    {"email": "geen-adres", "password1": "12345678901", "password2": "12345678901"},
    {"email": "x@example.nl", "password1": "wachtwoord", "password2": "wachtwoord"},
]


def formal_words(response) -> list[str]:
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return [match.group(0) for match in re.finditer(r".{0,40}" + FORMAL.pattern + ".{0,40}", text)]


@pytest.mark.parametrize(
    "name",
    [
        "account_login",
        "account_signup",
        "account_reset_password",
        "account_reset_password_done",
        "account_email_verification_sent",
    ],
)
def test_an_account_page_says_je(client, db, name):
    assert formal_words(client.get(reverse(name))) == []


def test_the_errors_of_sign_up_login_and_password_change_say_je(client, learner):
    for data in BAD_SIGNUPS:
        response = client.post(reverse("account_signup"), data)
        assert response.status_code == 200
        assert formal_words(response) == []
    assert formal_words(client.post(reverse("account_login"), {"login": "x"})) == []
    assert formal_words(client.post(reverse("account_reset_password"), {"email": "x"})) == []
    client.force_login(learner)
    for name in ("account_change_password", "account_email"):
        assert formal_words(client.get(reverse(name))) == []
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": "fout", "password1": "1", "password2": "2"},
    )
    assert formal_words(response) == []


def test_the_page_after_sign_up_says_the_link_logs_you_in(client, db):
    page = client.get(reverse("account_email_verification_sent")).content.decode()
    assert "meteen ingelogd" in page
    assert "a.u.b." not in page
