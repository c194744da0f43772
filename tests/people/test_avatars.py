"""Staff avatars in the admin are initials drawn here; nothing asks Gravatar."""

import pytest
from django.urls import reverse

from people.avatars import initials


@pytest.mark.parametrize(
    ("first", "last", "login", "expected"),
    [
        ("Karin", "de Vries", "karin", "KV"),
        ("Fatima", "", "fatima", "F"),
        ("", "", "nieuw.lid", "N"),
        ("Jan", "van der Berg", "jan", "JB"),
        ("<b>", "&", "xander", "X"),
        ("Élise", "", "élise", "E"),
        ("", "", "ñ", "?"),
    ],
)
def test_initials(first, last, login, expected):
    assert initials(first, last, login) == expected


def test_the_avatar_is_served_from_our_own_address_and_refuses_anything_else(client, db):
    response = client.get(reverse("initials-avatar", args=["KV"]))
    assert response["Content-Type"] == "image/svg+xml"
    assert ">KV</text>" in response.content.decode()
    assert client.get("/avatar/%3Cscript%3E.svg").status_code == 404
    assert client.get("/avatar/abc.svg").status_code == 404


def test_the_admin_shows_initials_and_never_gravatar(client, trainer):
    trainer.first_name, trainer.last_name = "Karin", "de Vries"
    trainer.save()
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert reverse("initials-avatar", args=["KV"]) in html
