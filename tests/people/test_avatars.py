"""Staff avatars in the admin are initials drawn here; nothing asks Gravatar."""

from urllib.parse import unquote

import pytest

from people.avatars import avatar_data_url, initials


@pytest.mark.parametrize(
    ("first", "last", "login", "expected"),
    [
        ("Karin", "de Vries", "karin", "KV"),
        ("Fatima", "", "fatima", "F"),
        ("", "", "nieuw.lid", "N"),
        ("Jan", "van der Berg", "jan", "JB"),
    ],
)
def test_initials(first, last, login, expected):
    assert initials(first, last, login) == expected


def test_a_name_of_symbols_falls_back_to_the_login_and_cannot_break_the_image():
    svg = unquote(avatar_data_url("<b>", "&", "xander"))
    assert "<b>" not in svg
    assert ">X</text>" in svg


def test_the_admin_shows_initials_and_never_gravatar(client, trainer):
    trainer.first_name, trainer.last_name = "Karin", "de Vries"
    trainer.save()
    client.force_login(trainer)
    html = client.get("/admin/").content.decode()
    assert "gravatar" not in html
    assert "data:image/svg+xml," in html
