"""The per-process snapshot of Wagtail's site lookup (home/site_cache.py): a change to the
sites shows at once, in every process, and no request sees what another set on its site."""

from django.test import RequestFactory
from wagtail.models import Page, Site

from home import site_cache
from home.models import HomePage


def test_a_site_pointed_at_another_home_page_shows_it_at_once(
    client, db, django_capture_on_commit_callbacks, monkeypatch
):
    assert "Samen leren voor de kanteling" in client.get("/").content.decode()
    other_worker = site_cache._snapshot
    root = Page.get_first_root_node()
    other = root.add_child(
        instance=HomePage(
            title="Maaswijk", slug="maaswijk", heading="Welkom in Maaswijk", intro="."
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = other
    with django_capture_on_commit_callbacks(execute=True):
        site.save()
    assert "<h1>Welkom in Maaswijk</h1>" in client.get("/").content.decode()

    # A worker that still holds the old site:
    monkeypatch.setattr(site_cache, "_snapshot", other_worker)
    assert "<h1>Welkom in Maaswijk</h1>" in client.get("/").content.decode()


def test_each_request_gets_its_own_copy_of_the_site(db):
    factory = RequestFactory()
    first = Site.find_for_request(factory.get("/"))
    first.site_name = "Gewijzigd in één verzoek"
    first.root_page.title = "Gewijzigd in één verzoek"
    second = Site.find_for_request(factory.get("/"))
    assert second.site_name != "Gewijzigd in één verzoek"
    assert second.root_page.title != "Gewijzigd in één verzoek"
    assert isinstance(second.root_page, HomePage)
