"""Every page carries the Kantelwerk mark and a favicon a browser tab can show."""

from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders


def test_pages_have_the_logo_and_a_favicon(client, db):
    soup = BeautifulSoup(client.get("/account/login/").content, "html.parser")
    icon = soup.find("link", rel="icon")
    assert icon is not None and icon["href"].endswith(".svg")
    assert finders.find(icon["href"].removeprefix("/static/")) is not None
    brand = soup.select_one("a.brand")
    assert brand.find("svg", attrs={"aria-hidden": "true"}) is not None
    assert brand.get_text(strip=True) == "Kantelwerk"  # the mark is decoration, the name is read
