"""Jeroen's closing test on a phone and a laptop: the lesson, an attempt, a result.

The test lesson of the demo course is the last one. A first attempt with a question left
open keeps the answers and names the question; a wrong attempt shows his own answers and
the attempts left; every page is checked with axe and photographed at 375 and 1280 px.
"""

import pytest
from django.core.management import call_command

from tests.e2e.conftest import log_in, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

LESSON = "/cursussen/de-kanteling-in-de-praktijk/afsluitende-toets/"


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def look(page, name: str) -> None:
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        assert serious_violations(page) == [], (name, width)
        screenshot(page, name)


def test_jeroen_takes_the_closing_test(page, live_server, demo):
    log_in(page, live_server.url, "jeroen@demo.kantelwerk.nl")
    page.goto(live_server.url + LESSON)
    assert page.get_by_text("Dit is niet de gespreksoefening.").is_visible()
    look(page, "closing-test-lesson")

    page.get_by_role("button", name="Begin de toets").click()
    questions = page.locator("fieldset.test-question")
    assert questions.count() == 6
    look(page, "closing-test-attempt")

    questions.nth(0).locator("input").first.check()
    questions.nth(1).locator("input").first.check()
    page.reload()  # a phone that drops the page, a reload: the ticks are kept in this tab
    assert page.locator("fieldset.test-question input:checked").count() == 2
    for index in range(2, 5):  # the last one stays open
        questions.nth(index).locator("input").first.check()
    page.get_by_role("button", name="Inleveren").click()
    assert page.get_by_text("Beantwoord elke vraag voordat je inlevert.").is_visible()
    assert page.locator("fieldset.test-question input:checked").count() == 5
    look(page, "closing-test-unanswered")

    questions.nth(5).locator("input").first.check()
    page.get_by_role("button", name="Inleveren").click()
    assert page.locator("[data-result]").count() == 1
    assert page.locator(".test-review__item").count() == 6
    look(page, "closing-test-result")
