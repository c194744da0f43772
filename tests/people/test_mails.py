"""Every mail the site can send: from the site's name, in Dutch and the house voice, with a
plain-text and an HTML part, and no trace of a development host.

The mails are triggered through the real flows, so a mail allauth sends with another
template, or a new kind of mail, shows up here.
"""

import re
from pathlib import Path

import allauth
import pytest
from allauth.account import app_settings as account_settings
from django.conf import settings
from django.core import mail
from django.urls import reverse

from people.models import Role
from tests.conftest import PASSWORD

HOST = "leren.gemeente-testdorp.nl"
TEMPLATES = Path(settings.BASE_DIR) / "templates" / "account" / "email"
NEW = {
    "email": "fatima@example.nl",
    "password1": "Een-sterk-wachtwoord-2026",
    "password2": "Een-sterk-wachtwoord-2026",
    "display_name": "Fatima el Amrani",
    "role": Role.VOLUNTEER,
}
# Words that give away an English text in a Dutch mail.
ENGLISH = re.compile(
    r"\b(the|you|your|please|hello|thank|thanks|click|password|received|ignore|sign up)\b",
    re.IGNORECASE,
)
FORMAL = re.compile(r"\b(u|uw|U|Uw)\b")
DEVELOPMENT = ("127.0.0.1", "localhost", "example.com", "webmaster", "testserver")


def sent(client, method, name, data=None, **kwargs):
    before = len(mail.outbox)
    getattr(client, method)(reverse(name, **kwargs), data or {}, HTTP_HOST=HOST)
    assert len(mail.outbox) == before + 1, f"{name} sent no mail"
    return mail.outbox[-1]


@pytest.fixture
def every_mail(client, learner):
    """Each mail a visitor or user can cause, by the template allauth renders it from."""
    mails = {
        "email_confirmation_signup": sent(client, "post", "account_signup", NEW),
        "account_already_exists": sent(
            client, "post", "account_signup", NEW | {"email": "alice@example.nl"}
        ),
        "password_reset_key": sent(
            client, "post", "account_reset_password", {"email": "alice@example.nl"}
        ),
        "unknown_account": sent(
            client, "post", "account_reset_password", {"email": "niemand@example.nl"}
        ),
    }
    client.force_login(learner)
    mails["email_confirmation"] = sent(
        client, "post", "account_email", {"email": "alice.thuis@example.nl", "action_add": ""}
    )
    return mails


def test_the_site_sends_only_the_mails_it_has_written_itself():
    """allauth's other mails are off by setting; turning one on needs a template here."""
    assert not account_settings.EMAIL_NOTIFICATIONS  # password and address change notices
    assert not account_settings.LOGIN_BY_CODE_ENABLED
    assert not account_settings.PASSWORD_RESET_BY_CODE_ENABLED
    assert not account_settings.EMAIL_VERIFICATION_BY_CODE_ENABLED
    allauth_mails = {
        path.name.removesuffix("_subject.txt")
        for path in (Path(allauth.__file__).parent / "templates" / "account" / "email").glob(
            "*_subject.txt"
        )
    }
    notices = {
        "email_changed",
        "email_confirm",
        "email_deleted",
        "password_changed",
        "password_reset",
        "password_set",
    }
    by_code = {"login_code", "password_reset_code"}
    ours = {path.name.removesuffix("_subject.txt") for path in TEMPLATES.glob("*_subject.txt")}
    assert allauth_mails - notices - by_code == ours
    for name in ours:
        assert (TEMPLATES / f"{name}_message.txt").is_file()
        assert (TEMPLATES / f"{name}_message.html").is_file()


def test_every_mail_comes_from_the_site_in_dutch_with_both_parts(every_mail):
    assert set(every_mail) == {
        path.name.removesuffix("_subject.txt") for path in TEMPLATES.glob("*_subject.txt")
    }
    for name, message in every_mail.items():
        assert message.from_email == settings.DEFAULT_FROM_EMAIL
        assert message.from_email.startswith(settings.SITE_NAME), name
        assert message.subject.startswith(f"[{settings.SITE_NAME}] "), name
        (html, kind), *others = message.alternatives
        assert kind == "text/html" and not others, name
        assert html.lstrip().startswith("<!DOCTYPE html>"), name
        for part in (message.subject, message.body, html):
            for host in DEVELOPMENT:
                assert host not in part, (name, host)
            words = re.sub(r"https?://\S+?(?=[\s\"<]|$)", "", part)
            assert not ENGLISH.search(words), (name, ENGLISH.search(words))
            assert not FORMAL.search(words), (name, FORMAL.search(words))
        links = re.findall(r"https?://[^/\s\"<]+", message.body)
        assert links and set(links) == {f"http://{HOST}"}, name
        assert "Hartelijke groet," in message.body and settings.SITE_NAME in message.body


def test_a_mail_greets_the_person_by_first_name(every_mail):
    assert every_mail["email_confirmation_signup"].body.startswith("Hoi Fatima,\n")
    assert "Hoi Fatima," in every_mail["email_confirmation_signup"].alternatives[0][0]
    assert every_mail["password_reset_key"].body.startswith("Hoi Alice,\n")
    assert every_mail["email_confirmation"].body.startswith("Hoi Alice,\n")
    # Nobody to name: the address may not even belong to an account.
    assert every_mail["unknown_account"].body.startswith("Hoi,\n")
    assert every_mail["account_already_exists"].body.startswith("Hoi,\n")


def test_the_html_part_escapes_what_a_visitor_typed(client, db):
    client.post(
        reverse("account_signup"),
        NEW | {"email": "nieuw@example.nl", "display_name": "<b>Fatima</b> el Amrani"},
        HTTP_HOST=HOST,
    )
    message = mail.outbox[-1]
    html = message.alternatives[0][0]
    assert "<b>Fatima</b>" not in html and "&lt;b&gt;Fatima&lt;/b&gt;" in html


def test_confirming_the_address_logs_the_new_person_in_and_welcomes_them(client, db):
    client.post(reverse("account_signup"), NEW)
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    assert "_auth_user_id" not in client.session
    confirm = client.get(link).content.decode()
    assert "jouw e-mailadres, Fatima el Amrani?" in confirm and "gebruiker" not in confirm
    response = client.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("my-learning")
    assert "_auth_user_id" in client.session
    page = response.content.decode()
    assert "Welkom, Fatima." in page and "Welkom terug" not in page
    assert "Je bent nu ingelogd als Fatima el Amrani." in page

    client.post(reverse("account_logout"))
    client.post(reverse("account_login"), {"login": NEW["email"], "password": NEW["password1"]})
    page = client.get(reverse("my-learning")).content.decode()
    assert "Welkom terug, Fatima." in page


def test_logging_in_names_the_person_not_the_username(client, learner):
    response = client.post(
        reverse("account_login"), {"login": "alice@example.nl", "password": PASSWORD}, follow=True
    )
    page = response.content.decode()
    assert "Je bent nu ingelogd als Alice." in page
    assert "ingelogd als alice" not in page


def test_confirming_in_another_browser_leads_to_the_login_page(client, db):
    from django.test import Client

    client.post(reverse("account_signup"), NEW)
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    phone = Client()
    response = phone.post(link, follow=True)
    assert response.redirect_chain[-1][0] == reverse("account_login")
    assert "bevestigd" in response.content.decode()
    assert "_auth_user_id" not in phone.session
    phone.post(reverse("account_login"), {"login": NEW["email"], "password": NEW["password1"]})
    assert "Welkom, Fatima." in phone.get(reverse("my-learning")).content.decode()
