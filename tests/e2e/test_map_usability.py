"""What a trainer who had never seen the map ran into, each fixed: the map asks before it
throws work away, offers the fix a problem names, opens at a linked step, keeps the keyboard
focus in place, and says honestly what is saved and what is live."""

from __future__ import annotations

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import expect

from scenarios import interop, map_editor
from scenarios.models import ScenarioIndexPage
from tests.e2e.conftest import log_in, screenshot, serious_violations
from tests.scenarios.test_authoring import SMALL

pytestmark = pytest.mark.django_db(transaction=True)

LEAD = "inhoud@demo.kantelwerk.nl"


@pytest.fixture
def small(migrated_db):
    """The demo, plus a three-step draft: begin (two choices, scored), motief, einde."""
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    lead = get_user_model().objects.get(email=LEAD)
    library = ScenarioIndexPage.objects.first()
    return interop.import_scenario(json.dumps(SMALL), library, user=lead).page


def open_map(page, base, scenario, anchor=""):
    log_in(page, base, LEAD)
    page.goto(f"{base}/admin/scenarios/{scenario.pk}/kaart/{anchor}")
    expect(page.locator("#scenario-map[data-ready]")).to_have_count(1)


def answer(page, accept: bool) -> list[str]:
    """Answer the next question the page asks (a confirm), keeping its text."""
    asked = []

    def reply(dialog):
        asked.append(dialog.message)
        dialog.accept() if accept else dialog.dismiss()

    page.once("dialog", reply)
    return asked


def card(page, key):
    return page.locator(f"[data-map-card][data-key='{key}']")


def focused_card(page):
    return page.evaluate("document.activeElement.dataset.key || document.activeElement.tagName")


def test_unticking_a_principle_asks_before_its_scores_go(page, live_server, small):
    open_map(page, live_server.url, small)
    presence = page.get_by_label("Presentie", exact=True)

    asked = answer(page, accept=False)
    presence.click()
    assert "1 score" in asked[0] and "Presentie" in asked[0]
    expect(presence).to_be_checked()

    asked = answer(page, accept=True)
    presence.click()
    expect(presence).not_to_be_checked()
    expect(page.locator("[data-map-status]")).to_contain_text("1 score is weggehaald")

    # Ctrl+Z on the checkbox brings the principle and its score back.
    presence.focus()
    page.keyboard.press("Control+z")
    expect(presence).to_be_checked()
    card(page, "begin").click()
    first = page.locator("[data-map-choice]").nth(0)
    expect(
        first.locator("fieldset.kw-scores", has_text="Presentie").locator("input:checked")
    ).to_have_value("2")


def test_making_a_step_with_choices_an_ending_asks_and_undo_restores(page, live_server, small):
    open_map(page, live_server.url, small)
    card(page, "motief").click()
    ending = page.get_by_label("dit is een einde")
    arrows = page.locator("g.kw-arrow")
    expect(arrows).to_have_count(3)

    asked = answer(page, accept=False)
    ending.click()
    assert "1 keuze" in asked[0]
    expect(ending).not_to_be_checked()
    expect(page.locator("[data-map-choice]")).to_have_count(1)

    answer(page, accept=True)
    ending.click()
    expect(page.get_by_label("dit is een einde")).to_be_checked()
    expect(arrows).to_have_count(2)  # the choice is really gone, not just hidden
    expect(page.locator("[data-map-problems]")).to_contain_text("Geen problemen gevonden")

    page.get_by_label("dit is een einde").focus()
    page.keyboard.press("Control+z")
    expect(arrows).to_have_count(3)
    expect(page.locator("[data-map-choice]")).to_have_count(1)
    assert focused_card(page) != "BODY"


def test_an_ending_that_still_has_choices_shows_them_and_removes_them_in_one_click(
    page, live_server, small
):
    # Saved that way elsewhere (drafts save with problems): "motief" is an ending with a choice.
    document = map_editor.map_document(small.get_latest_revision_as_object())
    motive = next(node for node in document["nodes"] if node["key"] == "motief")
    motive.update(end=True, outcome="Riet belt haar buurvrouw.")
    lead = get_user_model().objects.get(email=LEAD)
    map_editor.save_from_map(small, lead, document, small.latest_revision_id)

    open_map(page, live_server.url, small, anchor="#step-motief")
    panel = page.locator("[data-map-panel]")
    expect(panel).to_contain_text("Deze stap is een einde, maar heeft nog 1 keuze.")
    expect(panel).to_contain_text("Vertel eens over haar.")
    problem = page.locator("[data-map-problems] li", has_text="haal de keuzes weg")
    expect(problem.get_by_role("button", name="Maak er een gewone stap van")).to_be_visible()
    arrows = page.locator("g.kw-arrow")
    expect(arrows).to_have_count(3)

    problem.get_by_role("button", name="Keuzes weghalen").click()
    expect(arrows).to_have_count(2)
    expect(problem).to_have_count(0)
    expect(panel).not_to_contain_text("Vertel eens over haar.")
    assert focused_card(page) == "motief"


def test_a_score_in_a_loop_is_set_to_0_with_one_click(page, live_server, small):
    open_map(page, live_server.url, small)
    card(page, "motief").click()
    page.locator("[data-map-new-target]").select_option(value="begin")
    page.get_by_role("button", name="Keuze toevoegen", exact=True).click()
    page.keyboard.insert_text("Zullen we opnieuw beginnen?")
    loop = page.locator("[data-map-choice]").nth(1)
    loop.locator("fieldset.kw-scores", has_text="Presentie").get_by_text("+1", exact=True).click()
    # Both scored choices on the way round now lie in a loop: each gets the fix.
    problem = page.locator("[data-map-problems] li", has_text="ligt in een lus")
    expect(problem).to_have_count(2)

    problem.first.get_by_role("button", name="Scores op 0 zetten").click()
    expect(problem).to_have_count(1)
    problem.first.get_by_role("button", name="Scores op 0 zetten").click()
    expect(problem).to_have_count(0)
    card(page, "motief").click()
    loop = page.locator("[data-map-choice]").nth(1)
    expect(
        loop.locator("fieldset.kw-scores", has_text="Presentie").locator("input:checked")
    ).to_have_value("0")
    expect(page.locator("[data-map-status]")).to_contain_text("staan nu op 0")


def test_a_link_to_a_step_opens_the_map_at_that_step(page, live_server, small):
    open_map(page, live_server.url, small, anchor="#step-motief")
    expect(card(page, "motief")).to_have_attribute("aria-pressed", "true")
    expect(page.locator("#kw-text")).to_have_value("Mijn buurvrouw helpt soms.")
    assert focused_card(page) == "motief"


def test_deleting_the_first_step_asks_and_keeps_the_focus_on_the_map(page, live_server, small):
    open_map(page, live_server.url, small)
    cards = page.locator("[data-map-card]")
    card(page, "begin").click()
    delete = page.get_by_role("button", name="Stap verwijderen")

    asked = answer(page, accept=False)
    delete.click()
    assert "Met ‘inwoner: Ik red me wel, hoor.’ begint het scenario" in asked[0]
    assert "wordt ‘inwoner: Mijn buurvrouw helpt soms.’ de eerste stap" in asked[0]
    expect(cards).to_have_count(3)

    answer(page, accept=True)
    delete.click()
    expect(cards).to_have_count(2)
    expect(page.locator("[data-map-status]")).to_contain_text(
        "Het scenario begint nu met ‘inwoner: Mijn buurvrouw helpt soms.’"
    )
    assert focused_card(page) == "motief"

    page.keyboard.press("Control+z")
    expect(cards).to_have_count(3)
    assert focused_card(page) != "BODY"

    # Escape closes the panel and puts the focus back on the step's card.
    card(page, "einde").click()
    page.locator("#kw-outcome").focus()
    page.keyboard.press("Escape")
    expect(page.locator("[data-map-panel]")).to_be_hidden()
    assert focused_card(page) == "einde"


def test_ctrl_z_works_while_a_radio_has_the_focus(page, live_server, small):
    open_map(page, live_server.url, small)
    card(page, "begin").click()
    first = page.locator("[data-map-choice]").nth(0)
    first.get_by_label("acceptabel", exact=True).click()
    expect(first.get_by_label("acceptabel", exact=True)).to_be_checked()
    page.keyboard.press("Control+z")
    expect(
        page.locator("[data-map-choice]").nth(0).get_by_label("gewenst", exact=True)
    ).to_be_checked()


def test_the_map_says_whether_the_scenario_is_live_and_links_to_it(page, live_server, small):
    open_map(page, live_server.url, small)
    state = page.locator("[data-map-state]")
    expect(state).to_have_text("Concept, niet gepubliceerd")
    page.get_by_role("button", name="Publiceren", exact=True).click()
    expect(page.locator("[data-map-status]")).to_have_text("Opgeslagen en gepubliceerd.")
    expect(state).to_have_text("Gepubliceerd")
    link = page.get_by_role("link", name="Bekijk de live pagina")
    expect(link).to_have_attribute("href", re.compile(r"/riet-aan-de-keukentafel/$"))
    page.locator("[data-map-state]").scroll_into_view_if_needed()
    page.screenshot(path="test-artifacts/map-published-1280.png")

    # A change after that: the old news goes, and the live scenario now has a newer draft.
    card(page, "einde").click()
    page.keyboard.insert_text(" Tot ziens.")
    expect(page.locator("[data-map-status]")).to_have_text("")
    expect(link).to_be_hidden()
    expect(state).to_have_text("Gepubliceerd, concept met wijzigingen")


def test_new_steps_are_told_apart_by_number(page, live_server, small):
    open_map(page, live_server.url, small)
    add = page.get_by_role("button", name="Stap toevoegen", exact=True)
    add.click()
    add.click()
    options = page.locator("[data-map-new-target] option")
    texts = options.all_inner_texts()
    assert "inwoner: Stap 4 (nog geen tekst)" in texts
    assert "inwoner: Stap 5 (nog geen tekst)" in texts


def test_the_same_person_in_two_tabs_is_not_someone_else(page, live_server, small):
    open_map(page, live_server.url, small)
    other = page.context.new_page()
    other.goto(page.url)
    expect(other.locator("#scenario-map[data-ready]")).to_have_count(1)

    card(other, "einde").click()
    other.keyboard.insert_text(" Eerste tabblad.")
    other.get_by_role("button", name="Concept opslaan").click()
    expect(other.locator("[data-map-status]")).to_have_text("Concept opgeslagen als nieuwe versie.")

    card(page, "einde").click()
    page.keyboard.insert_text(" Tweede tabblad.")
    page.get_by_role("button", name="Concept opslaan").click()
    alert = page.locator("[data-map-alert]")
    expect(alert).to_contain_text("Je hebt dit scenario intussen in een ander tabblad of venster")
    expect(alert).not_to_contain_text("Iemand anders")
    expect(page.locator("[data-map-status]")).to_have_text("Niet opgeslagen.")


@pytest.mark.parametrize("width", [1280, 375])
def test_the_map_with_an_open_step_has_no_serious_accessibility_finding(
    browser, live_server, small, width
):
    context = browser.new_context(viewport={"width": width, "height": 900}, locale="nl-NL")
    page = context.new_page()
    try:
        open_map(page, live_server.url, small, anchor="#step-motief")
        # The skip link past the principles leads to the steps.
        page.locator("[data-map-skip]").focus()
        expect(page.get_by_role("link", name="Naar de kaart")).to_be_visible()
        page.keyboard.press("Enter")
        assert focused_card(page) == "motief"
        if width == 375:
            expect(page.locator(".kw-intro")).not_to_contain_text("rechts")
        assert serious_violations(page) == []
        screenshot(page, "map-usability")
    finally:
        context.close()


def test_the_map_shows_advice_about_the_score_that_does_not_block_publishing(
    page, live_server, small
):
    """'motief' has one choice, so it never counts in a learner's score: the map says so,
    beside (not among) the problems, and leads to the step."""
    open_map(page, live_server.url, small)
    advice = page.locator("[data-map-advice]")
    expect(advice).to_be_visible()
    expect(advice).to_contain_text("Advies over de score")
    item = advice.locator("li", has_text="één keuze")
    expect(item).to_have_count(1)
    expect(page.locator("[data-map-problems]")).to_contain_text("Geen problemen gevonden")
    expect(page.locator("[data-map-publish]")).to_be_enabled()
    item.get_by_role("button", name="Toon de stap").click()
    expect(card(page, "motief")).to_have_class(re.compile("selected"))
    for width in (1280, 375):
        page.set_viewport_size({"width": width, "height": 900})
        assert serious_violations(page) == []
        screenshot(page, "map-advice")
