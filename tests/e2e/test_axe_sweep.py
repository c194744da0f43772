"""Axe finds nothing serious on any page a persona of the demo can reach, at 1280 and 375 px.

Each persona follows the links of the site from its start pages, one page per URL shape
(numbers folded), as a new user would; the admin's story map is checked too.
"""

import re
from urllib.parse import urljoin, urlparse

import pytest
from django.core.management import call_command

from scenarios.models import ScenarioPage
from tests.e2e.conftest import log_in, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

# Downloads, actions and pages that end a session are not pages to check.
SKIP = re.compile(
    r"logout|/export|\.csv|\.xlsx|\.pdf|/verwijder|/delete|/admin/|/account/|/doe-mee|"
    r"/live/\d+/(stand|projector)"
)
PERSONAS = [None, "fatima", "karin", "ahmed"]  # a visitor, a learner, a trainer, a manager
MOST_PAGES = 45


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def sweep(page, base: str) -> dict[str, list[str]]:
    findings, seen, queue = {}, set(), ["/", "/mijn-leren/", "/en/"]
    while queue and len(seen) < MOST_PAGES:
        path = queue.pop(0)
        shape = re.sub(r"\d+", "N", path)
        if shape in seen or SKIP.search(path):
            continue
        seen.add(shape)
        response = page.goto(base + path)
        assert response.status < 500, path
        for width in (1280, 375):
            page.set_viewport_size({"width": width, "height": 900})
            if problems := serious_violations(page):
                findings[f"{path} at {width}"] = problems
        page.set_viewport_size({"width": 1280, "height": 900})
        for href in page.eval_on_selector_all("a[href]", "els => els.map(e => e.href)"):
            url = urlparse(urljoin(base + path, href))
            if f"{url.scheme}://{url.netloc}" == base:
                queue.append(url.path)
    return findings


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_has_a_serious_accessibility_finding(browser, live_server, demo, persona):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    if persona:
        log_in(page, live_server.url, f"{persona}@demo.kantelwerk.nl")
    assert sweep(page, live_server.url) == {}
    context.close()


def test_the_admin_story_map_has_no_serious_accessibility_finding(page, live_server, demo):
    log_in(page, live_server.url, "inhoud@demo.kantelwerk.nl")
    scenario = ScenarioPage.objects.live().first()
    page.goto(f"{live_server.url}/admin/scenarios/{scenario.pk}/kaart/")
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert serious_violations(page) == []
