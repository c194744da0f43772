"""Passwords: common Dutch words are refused, and every rule speaks plain Dutch."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import (
    password_validators_help_texts,
    validate_password,
)
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from people.models import Role


def problems(password, user=None) -> list[str]:
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize(
    "password",
    ["welkom123", "kantelwerk", "Kantelwerk2026!", "wachtwoord1", "Welkom!!", "2024zomer"],
)
def test_common_dutch_passwords_are_refused(password):
    assert "Dit wachtwoord is een bekend woord en daardoor makkelijk te raden, ook met " in (
        " ".join(problems(password))
    )


@pytest.mark.parametrize("password", ["fiets-koffie-regen-7", "Mijn tante fietst in Zwolle"])
def test_a_passphrase_with_common_words_in_it_is_fine(password):
    assert problems(password) == []


def test_every_password_rule_says_what_is_wrong_in_dutch(db):
    user = get_user_model()(username="annabel", email="annabel.jansen@example.nl")
    with translation.override("nl"):
        messages = {
            "short": problems("Zq1!", user),
            "common": problems("password"),
            "numeric": problems("80238645"),
            "similar": problems("annabel.jansen", user),
        }
        help_texts = password_validators_help_texts()
    assert "Dit wachtwoord is te kort. Het moet minstens 8 tekens hebben." in messages["short"]
    assert messages["common"] == [
        "Dit wachtwoord wordt te vaak gebruikt en is daardoor makkelijk te raden."
    ]
    assert messages["numeric"] == ["Dit wachtwoord bestaat alleen uit cijfers."]
    assert "Het wachtwoord lijkt te veel op je e-mailadres." in messages["similar"]
    assert all(text.startswith("Je wachtwoord") for text in help_texts), help_texts


def test_sign_up_refuses_a_common_dutch_password_in_dutch(client, organisation):
    response = client.post(
        reverse("account_signup"),
        {
            "email": "nieuw@example.nl",
            "password1": "welkom123",
            "password2": "welkom123",
            "display_name": "Nieuw",
            "role": Role.VOLUNTEER,
            "organisation": organisation.pk,
        },
    )
    assert response.status_code == 200
    assert "makkelijk te raden" in response.content.decode()
    assert not get_user_model().objects.filter(email="nieuw@example.nl").exists()
