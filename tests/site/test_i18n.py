import gettext
from pathlib import Path

import polib
from django.urls import reverse

LOCALE = Path(__file__).resolve().parents[2] / "locale" / "nl" / "LC_MESSAGES"


def test_the_home_page_is_dutch_by_default_whatever_the_browser_asks(client, db):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "Samen leren voor de kanteling" in page
    assert "Inloggen" in page


def test_the_language_switch_shows_the_same_page_in_english(client, db):
    dutch = client.get("/").content.decode()
    assert 'href="/en/"' in dutch
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english
    assert "Learning together for the shift" in english
    assert 'href="/"' in english


def test_the_login_page_exists_in_both_languages(client, db):
    assert "Inloggen" in client.get(reverse("account_login")).content.decode()
    assert client.get("/en/account/login/").status_code == 200


def test_the_dutch_catalogue_is_complete_and_compiled():
    catalogue = polib.pofile(str(LOCALE / "django.po"))
    missing = [entry.msgid for entry in catalogue if not entry.msgstr and not entry.msgstr_plural]
    fuzzy = [entry.msgid for entry in catalogue if "fuzzy" in entry.flags]
    assert missing == []
    assert fuzzy == []
    with open(LOCALE / "django.mo", "rb") as compiled:
        translations = gettext.GNUTranslations(compiled)
    stale = [
        entry.msgid
        for entry in catalogue
        if entry.msgstr
        and not entry.msgid_plural
        and translations.gettext(entry.msgid) != entry.msgstr
    ]
    assert stale == [], "run `make messages` to recompile the catalogue"
