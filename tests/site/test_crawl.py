"""Walk the whole demo site as every kind of user, in Dutch and in English.

The walk starts from the home page, every live page of Wagtail's tree (so every page type)
and every URL that takes no arguments, each in both languages, and follows every same-site
link breadth first. It fails on a server error, a redirect that leads back to where it
started, and an HTML page whose <html> has no `lang` (or, on the site, not the language of
its URL). A page added later is in the tree or linked from it, so it cannot escape.
"""

import re
from collections import Counter, deque
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urljoin, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, path, reverse
from django.utils import translation
from wagtail.models import Page

from people.models import Role

LANGUAGES = ("nl", "en")
# The demo's accounts (load_demo prints them); the test checks each is what its name says.
PERSONAS = {
    "anonymous": None,
    "professional": "jeroen@demo.kantelwerk.nl",
    "volunteer": "fatima@demo.kantelwerk.nl",
    "civil servant": "mirjam@demo.kantelwerk.nl",
    "trainer": "karin@demo.kantelwerk.nl",
    "manager": "ahmed@demo.kantelwerk.nl",
    "administrator": "beheer@demo.kantelwerk.nl",
}
LEARNER_ROLES = {
    "professional": Role.PROFESSIONAL,
    "volunteer": Role.VOLUNTEER,
    "civil servant": Role.CIVIL_SERVANT,
}

# Bounds. A "shape" is a path with its numbers and query values left out: /poging/12/ and
# /poging/13/ are one shape, and so are ?sort=name and ?sort=progress. Seeds are always
# visited; links of a shape already seen this often are not. Wagtail's admin is heavy and
# its screens repeat per object, so there a shape ignores the query too and is seen once;
# the seeds open the editor of every page type.
VISITS_PER_SHAPE = 3
VISITS_PER_ADMIN_SHAPE = 1
MAX_VISITS = 600
# Not followed: signing out ends the walk, and these serve files rather than pages.
SKIPPED_PATHS = ("/account/logout/", "/en/account/logout/", "/admin/logout/")
SKIPPED_PREFIXES = ("/static/", "/media/", "/documents/")
REDIRECTS = {301, 302, 303, 307, 308}


class PageParser(HTMLParser):
    """Collect the `lang` of <html> and the targets of the page's links."""

    def __init__(self):
        super().__init__()
        self.html_lang = None
        self.links = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "html" and self.html_lang is None:
            self.html_lang = attributes.get("lang") or ""
        elif tag == "a" and attributes.get("href") and "download" not in attributes:
            self.links.append(attributes["href"])


def same_site(base: str, href: str) -> str | None:
    """Return the link as path and query if it stays on this site and leads to a page."""
    parts = urlsplit(urljoin(f"http://testserver{base}", href.strip()))
    if parts.scheme not in ("http", "https") or parts.netloc != "testserver":
        return None
    if parts.path in SKIPPED_PATHS or parts.path.startswith(SKIPPED_PREFIXES):
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def shape(url: str) -> str:
    parts = urlsplit(url)
    path = re.sub(r"(?<=/)\d+(?=/|$|\.)", "#", parts.path)
    if path.startswith("/admin/"):
        return path
    keys = sorted({key for key, _value in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{path}?{'&'.join(keys)}"


def visits_allowed(shape: str) -> int:
    return VISITS_PER_ADMIN_SHAPE if shape.startswith("/admin/") else VISITS_PER_SHAPE


def language_of(path: str) -> str | None:
    """The language a site URL promises; None where the URL does not say (the admin)."""
    if path.startswith("/admin/"):
        return None
    return "en" if path == "/en/" or path.startswith("/en/") else "nl"


def argument_free_urls() -> list[str]:
    """Every named URL of the site (not the admin) that takes no arguments, in each language."""

    def walk(patterns, namespace=""):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                if entry.namespace and entry.namespace.startswith("wagtail"):
                    continue
                inner = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                if not entry.pattern.regex.groups:
                    yield from walk(entry.url_patterns, inner)
            elif isinstance(entry, URLPattern) and entry.name and not entry.pattern.regex.groups:
                yield f"{namespace}{entry.name}"

    names = sorted(set(walk(get_resolver().url_patterns)))
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            for name in names:
                url = reverse(name)
                if not url.startswith("/admin/") and same_site("/", url):
                    urls.append(url)
    return urls


def page_tree_urls() -> list[str]:
    """Every live page of Wagtail's tree, in each language."""
    pages = list(Page.objects.live().filter(depth__gt=1).specific())
    urls = []
    for language in LANGUAGES:
        with translation.override(language):
            urls.extend(page.get_url() for page in pages)
    assert None not in urls, "a live page is outside every site, so nobody can reach it"
    return urls


def page_editor_urls() -> list[str]:
    """The admin's editor for one page of each page type."""
    one_per_type = {}
    for page in Page.objects.filter(depth__gt=1).order_by("path"):
        one_per_type.setdefault(page.content_type_id, page.pk)
    return [reverse("wagtailadmin_pages:edit", args=[pk]) for pk in one_per_type.values()]


def crawl(client: Client, seeds: list[str]) -> list[str]:
    """Visit the seeds and every same-site link from them, breadth first; return the problems."""
    queue = deque(dict.fromkeys(seeds))
    seeded, queued = set(queue), set(queue)
    shapes = Counter()
    redirects = {}
    problems = []
    while queue:
        url = queue.popleft()
        if url not in seeded and shapes[shape(url)] >= visits_allowed(shape(url)):
            continue
        shapes[shape(url)] += 1
        assert shapes.total() <= MAX_VISITS, f"the walk passed {MAX_VISITS} pages; raise it?"
        found, links, redirect = visit(client, url)
        problems += found
        if redirect is not None:
            redirects[url] = redirect
        for link in links:
            if link not in queued:
                queued.add(link)
                queue.append(link)
    return problems + redirect_loops(redirects)


def visit(client: Client, url: str) -> tuple[list[str], list[str], str | None]:
    """Get one URL; return its problems, the links to follow and where it redirects to."""
    try:
        # A savepoint per request: a failed query must not break the requests after it.
        with transaction.atomic():
            response = client.get(url)
    except Exception as error:  # noqa: BLE001 — report every failure and walk on
        return [f"{url}: raised {type(error).__name__}: {error}"], [], None
    if response.status_code >= 500:
        return [f"{url}: status {response.status_code}"], [], None
    if response.status_code in REDIRECTS:
        target = same_site(url, response["Location"])
        return [], [target] if target else [], target
    html = response.get("Content-Type", "").startswith("text/html")
    # A 405 is a form's address opened without its form: there is no page to check.
    if not html or response.streaming or response.status_code == 405:
        return [], [], None
    parser = PageParser()
    parser.feed(response.content.decode())
    problems = []
    expected = language_of(urlsplit(url).path)
    if not parser.html_lang:
        problems.append(f"{url}: <html> has no lang")
    elif expected and parser.html_lang != expected:
        problems.append(f"{url}: <html lang={parser.html_lang!r}>, not {expected!r}")
    return problems, [link for href in parser.links if (link := same_site(url, href))], None


def redirect_loops(redirects: dict[str, str]) -> list[str]:
    """Each cycle in the redirects seen, once, as its chain of URLs."""
    loops = set()
    for start in redirects:
        chain = [start]
        while chain[-1] in redirects:
            following = redirects[chain[-1]]
            if following in chain:
                cycle = chain[chain.index(following) :]
                first = cycle.index(min(cycle))
                cycle = cycle[first:] + cycle[:first]
                loops.add("redirect loop: " + " → ".join([*cycle, cycle[0]]))
                break
            chain.append(following)
    return sorted(loops)


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    """The demo, loaded once for the module and rolled back after its last test."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
        yield
        transaction.set_rollback(True)


@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_answers_without_errors_loops_or_missing_language(demo, db, persona):
    client = Client()
    email = PERSONAS[persona]
    if email is not None:
        user = get_user_model().objects.select_related("profile").get(email=email)
        if persona in LEARNER_ROLES:
            assert user.profile.role == LEARNER_ROLES[persona]
        assert user.is_superuser == (persona == "administrator")
        if persona == "trainer":
            assert user.has_perm("wagtailadmin.access_admin")
        client.force_login(user)
    seeds = ["/", "/en/", *page_tree_urls(), *argument_free_urls()]
    if persona in ("trainer", "administrator"):
        seeds += page_editor_urls()

    problems = crawl(client, seeds)

    assert problems == []


def broken(request):
    raise RuntimeError("kapot")


# A site with one hole of each kind, to show that the walk finds them (used by the test below).
urlpatterns = [
    path(
        "",
        lambda request: HttpResponse(
            '<html lang="nl"><a href="/kapot/">1</a> <a href="zonder-taal/">2</a> '
            '<a href="/en/engels/">3</a> <a href="http://testserver/rond/#top">4</a> '
            '<a href="https://elders.example/kapot/">5</a> <a href="/account/logout/">6</a>'
        ),
    ),
    path("kapot/", broken),
    path("zonder-taal/", lambda request: HttpResponse("<html><p>Hallo</p></html>")),
    path("en/engels/", lambda request: HttpResponse('<html lang="nl"><p>Hello</p></html>')),
    path("rond/", lambda request: redirect("/terug/")),
    path("terug/", lambda request: redirect("/rond/")),
    path("account/logout/", broken),
]


@pytest.mark.urls(__name__)
def test_the_walk_reports_errors_redirect_loops_and_missing_or_wrong_languages(db):
    assert crawl(Client(), ["/"]) == [
        "/kapot/: raised RuntimeError: kapot",
        "/zonder-taal/: <html> has no lang",
        "/en/engels/: <html lang='nl'>, not 'en'",
        "redirect loop: /rond/ → /terug/ → /rond/",
    ]
