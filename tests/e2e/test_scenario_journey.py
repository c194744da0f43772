"""A trainer imports and maps a scenario, a content lead publishes it, a learner plays it."""

import pytest
from django.core.management import call_command

from demo.library import SCENARIO_FILES
from scenarios import engine
from scenarios.models import ScenarioPage
from tests.e2e.conftest import log_in, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)
FILE = SCENARIO_FILES / "huishoudelijke-hulp.json"
MORE_ACTIONS = "footer .dropdown-toggle, [data-w-dropdown-target='toggle']"


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_trainer_imports_maps_and_publishes_and_a_learner_plays_it(
    browser, page, live_server, demo
):
    base = live_server.url
    log_in(page, base, "karin@demo.kantelwerk.nl")
    page.goto(base + "/admin/scenarios/import/")
    page.set_input_files("input[type=file]", str(FILE))
    page.get_by_role("button", name="Controleren en importeren").click()
    page.wait_for_url("**/admin/pages/*/edit/")
    imported = ScenarioPage.objects.order_by("-pk").first()
    assert not imported.live

    page.goto(f"{base}/admin/scenarios/{imported.pk}/kaart/")
    page.locator("#scenario-map[data-ready]").wait_for(state="attached")
    assert page.locator("[data-map-card]").count() == len(
        engine.load_json(FILE.read_bytes())[0].nodes
    )
    screenshot(page, "scenario-map")

    # A trainer sends the scenario for review; a content lead approves and so publishes it.
    page.goto(f"{base}/admin/pages/{imported.pk}/edit/")
    page.locator(MORE_ACTIONS).last.click()
    page.locator("button[name='action-submit']").click()
    page.wait_for_url("**/admin/pages/**")
    imported.refresh_from_db()
    assert imported.workflow_in_progress and not imported.live

    lead = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL").new_page()
    log_in(lead, base, "inhoud@demo.kantelwerk.nl")
    lead.goto(f"{base}/admin/pages/{imported.pk}/edit/")
    lead.locator(MORE_ACTIONS).last.click()
    approve = "button[data-workflow-action-name='approve']:not([data-workflow-action-modal-url])"
    lead.locator(approve).click()
    lead.wait_for_url("**/admin/**")  # already true on the edit page: poll for the publish
    for _ in range(300):  # up to 30 s: on a loaded CI machine the approval took over 5 s
        imported.refresh_from_db()
        if imported.live:
            break
        lead.wait_for_timeout(100)
    assert imported.live

    learner = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL").new_page()
    log_in(learner, base, "fatima@demo.kantelwerk.nl")
    learner.goto(base + imported.url)
    learner.get_by_role("button", name="Begin het gesprek").click()
    scenario, _ = engine.load_json(FILE.read_bytes())
    route = engine.desired_route(scenario)
    for number, (_node, choice) in enumerate(route):
        if number == 0:
            assert serious_violations(learner) == []
            screenshot(learner, "scenario-step")
        learner.locator(f"button[name=choice][value='{choice}']").click()
        if number == 0:
            assert serious_violations(learner) == []
            screenshot(learner, "scenario-feedback")
        learner.locator("a.button--primary").click()

    expected = engine.score_path(scenario, route)
    rows = learner.locator("tr[data-principle]")
    shown = {
        rows.nth(i).get_attribute("data-principle"): rows.nth(i).get_attribute("data-score")
        for i in range(rows.count())
    }
    assert shown == {
        slug: "" if score is None else str(score) for slug, score in expected.scores.items()
    }
    bands = {
        rows.nth(i).get_attribute("data-principle"): rows.nth(i).get_attribute("data-band")
        for i in range(rows.count())
    }
    assert bands == {slug: engine.band(score) for slug, score in expected.scores.items()}
    assert serious_violations(learner) == []
    screenshot(learner, "scenario-result")
    learner.set_viewport_size({"width": 320, "height": 800})
    assert learner.evaluate("document.documentElement.scrollWidth") <= 320  # nothing sideways
    learner.set_viewport_size({"width": 1280, "height": 900})
    screenshot(learner, "scenario-result")
