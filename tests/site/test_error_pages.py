"""Refusals and failures answer in the site's own layout and language, with a way back."""

import pytest
from django.conf.urls.i18n import i18n_patterns
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.urls import path, reverse
from django.utils import translation
from django.views import defaults
from kantelwerk import urls as site_urls

from home.models import HomePage


def refuse(request):
    raise PermissionDenied


# The site's own URLs plus one page that refuses everyone (nothing on the site raises 403
# on an address a user would type).
urlpatterns = [
    *i18n_patterns(path("verboden/", refuse), prefix_default_language=False),
    *site_urls.urlpatterns,
]


def test_an_unknown_address_gets_the_dutch_not_found_page_with_a_way_back(client, db):
    response = client.get("/bestaat-niet/")
    assert response.status_code == 404
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert 'class="site-header"' in page
    assert 'href="/">Naar de startpagina</a>' in page
    assert 'href="/account/login/?next=/bestaat-niet/">Inloggen</a>' in page
    assert "Not Found" not in page


def test_under_en_the_not_found_page_is_english(client, db):
    page = client.get("/en/does-not-exist/").content.decode()
    assert '<html lang="en">' in page
    assert "<h1>Page not found</h1>" in page
    assert 'href="/en/">To the home page</a>' in page


def test_a_refused_object_shows_the_not_found_page_and_leads_back_to_my_learning(client, learner):
    client.force_login(learner)
    response = client.get(reverse("attempt-result", args=[999999]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "<h1>Pagina niet gevonden</h1>" in page
    assert f'href="{reverse("my-learning")}">Naar Mijn leren</a>' in page


@pytest.mark.urls(__name__)
def test_a_forbidden_page_says_so_in_dutch_and_in_english(client, learner):
    client.force_login(learner)
    response = client.get("/verboden/")
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Geen toegang</h1>" in page
    assert "Vraag het aan je trainer" in page
    english = client.get("/en/verboden/").content.decode()
    assert "<h1>No access</h1>" in english


def test_a_server_error_shows_a_dutch_page_in_the_sites_layout(db, monkeypatch):
    def fail(*args, **kwargs):
        raise RuntimeError("stuk")

    monkeypatch.setattr(HomePage, "get_context", fail)
    client = Client(raise_request_exception=False)
    response = client.get("/")
    assert response.status_code == 500
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Er ging iets mis</h1>" in page
    assert 'class="site-header"' in page
    assert 'href="/">Naar de startpagina</a>' in page
    assert "<h1>Something went wrong</h1>" in client.get("/en/").content.decode()


def test_the_server_error_page_renders_without_database_or_request_context():
    # No `db` fixture: any query here fails the test.
    with translation.override("en"):
        response = defaults.server_error(RequestFactory().get("/en/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="en">' in page
    assert 'href="/en/">To the home page</a>' in page
    assert 'href="/static/css/kantelwerk.css"' in page


def test_a_form_sent_without_its_security_token_gets_a_dutch_explanation(db):
    client = Client(enforce_csrf_checks=True)
    response = client.post(reverse("account_login"), {"login": "a@example.nl", "password": "x"})
    assert response.status_code == 403
    page = response.content.decode()
    assert '<html lang="nl">' in page
    assert "<h1>Het formulier is verlopen</h1>" in page
    assert "CSRF" not in page
