"""Renaming a step's key in the page form carries over to the choices that lead to it.

A trainer renamed the step 'motief' in the page form and found three problems: the choices
still pointed at the old key. Now each "leads to step" that had the old key follows the new
one (and so does the first step), and the saved draft has no problem.
"""

from __future__ import annotations

import json

import pytest
from playwright.sync_api import expect

from people import roles
from scenarios import interop
from scenarios.models import ScenarioPage
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in, screenshot
from tests.scenarios.test_authoring import SMALL

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def draft(migrated_db, scenario_index):
    return interop.import_scenario(json.dumps(SMALL), scenario_index).page


def test_renaming_a_step_key_carries_over_to_every_choice_and_the_first_step(
    page, live_server, draft, make_user
):
    make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS])
    log_in(page, live_server.url, "lotte@example.nl", PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    # 'motief' is step 1; 'vraag-door' (step 0's first choice) leads to it. 'einde' is step
    # 2, where 'regel-het' (step 0) and 'buurvrouw' (step 1) lead.
    lead_to_motief = page.locator("#graph-0-value-choices-0-value-target + select")
    expect(lead_to_motief).to_have_value("motief")

    page.locator("#graph-1-value-key").fill("wat-er-speelt")
    page.locator("#graph-1-value-key").press("Tab")
    expect(lead_to_motief).to_have_value("wat-er-speelt")
    expect(page.locator("#graph-0-value-choices-0-value-target")).to_have_value("wat-er-speelt")

    page.locator("#graph-2-value-key").fill("afscheid")
    page.locator("#graph-2-value-key").press("Tab")
    for target in (
        "#graph-0-value-choices-1-value-target",
        "#graph-1-value-choices-0-value-target",
    ):
        expect(page.locator(target)).to_have_value("afscheid")
        expect(page.locator(f"{target} + select")).to_have_value("afscheid")

    page.locator("#graph-0-value-key").fill("welkom")
    page.locator("#graph-0-value-key").press("Tab")
    expect(page.locator("#id_start_key")).to_have_value("welkom")
    screenshot(page, "form-key-rename")

    page.get_by_role("button", name="Bewaar concept").click()
    expect(page.locator("[data-scenario-check]")).to_contain_text("Geen problemen gevonden")
    saved = ScenarioPage.objects.get(pk=draft.pk).get_latest_revision_as_object()
    assert interop.page_problems(saved) == []
    assert saved.start_key == "welkom"


def test_a_key_taken_by_another_step_is_not_carried_over(page, live_server, draft, make_user):
    make_user("lotte@example.nl", groups=[roles.CONTENT_LEADS])
    log_in(page, live_server.url, "lotte@example.nl", PASSWORD)
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    page.locator("#graph-1-value-key").fill("einde")  # a duplicate: the author's slip
    page.locator("#graph-1-value-key").press("Tab")
    expect(page.locator("#graph-0-value-choices-0-value-target")).to_have_value("motief")
