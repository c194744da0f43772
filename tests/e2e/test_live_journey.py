"""A whole live session in browsers: Karin controls it from one tab and shows the projector
view in another (1920 wide); three phones (375 wide) of different roles join, one of them a
guest, and vote. The phones follow the room by polling: after the reveal and after the next
step they show the new state without anyone reloading. Each screen is checked with axe and
photographed."""

from pathlib import Path

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage
from live.models import LiveSession, LiveVote
from people.models import Organisation, Role
from scenarios import interop
from scenarios.models import ScenarioIndexPage
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

SCENARIO = (
    Path(__file__).resolve().parents[2]
    / "demo"
    / "content"
    / "scenarios"
    / "dagbesteding-mark.json"
)


@pytest.fixture
def group(migrated_db, make_user):
    home = Page.objects.get(depth=2)
    library = home.add_child(instance=ScenarioIndexPage(title="Scenario's", slug="scenarios"))
    scenario = interop.import_scenario(SCENARIO.read_bytes(), library, publish=True).page
    index = home.add_child(instance=CourseIndexPage(title="Cursussen", slug="cursussen"))
    index.save_revision().publish()
    course = index.add_child(
        instance=CoursePage(title="Keukentafel", slug="keukentafel", summary="Samen oefenen.")
    )
    course.save_revision().publish()
    lesson = course.add_child(
        instance=LessonPage(
            title="Mark",
            slug="mark",
            body=[{"type": "scenario", "value": {"scenario": scenario.pk, "introduction": ""}}],
        )
    )
    lesson.save_revision().publish()
    welzijn = Organisation.objects.create(name="Welzijn Maaswijk", kind="welzijn")
    cohort = Cohort.objects.create(name="Leergroep Hatert voorjaar", course=course)
    cohort.trainers.add(make_user("karin@example.nl", organisation=welzijn, trainer=True))
    cohort.participants.add(
        make_user("jeroen@example.nl", role=Role.PROFESSIONAL, organisation=welzijn),
        make_user("fatima@example.nl", role=Role.VOLUNTEER, organisation=welzijn),
    )
    return cohort


def look(page, name):
    assert serious_violations(page) == [], name
    screenshot(page, f"live-{name}")


def test_a_trainer_a_projector_and_three_phones_run_a_session(browser, live_server, group):
    from playwright.sync_api import expect

    base = live_server.url
    trainer = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    control = trainer.new_page()
    log_in(control, base, "karin@example.nl", PASSWORD)
    control.goto(base + reverse("live-start", args=[group.pk]))
    control.get_by_label("Gasten mogen meedoen").check()
    control.get_by_role("button", name="Live sessie starten").click()
    session = LiveSession.objects.get()
    code = control.locator("[data-live-code]").inner_text().strip()
    assert code == session.code
    projector = trainer.new_page()
    projector.set_viewport_size({"width": 1920, "height": 1080})
    projector.goto(base + reverse("live-projector", args=[session.pk]))

    phones = []
    for email in ("jeroen@example.nl", "fatima@example.nl", None):
        context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
        phone = context.new_page()
        if email:
            log_in(phone, base, email, PASSWORD)
        phone.goto(base + reverse("live-enter"))
        phone.get_by_label("Code op het scherm").fill(code.lower())
        phone.get_by_role("button", name="Doe mee").click()
        if email is None:
            look(phone, "guest-join")
            phone.get_by_label("Je voornaam").fill("Noor")
            phone.get_by_label("gemeenteambtenaar").check()
        phone.locator("main form").get_by_role("button", name="Doe mee").click()
        phones.append(phone)
    look(phones[1], "phone-vote")

    for phone, number in zip(phones, (1, 1, 2), strict=True):
        phone.locator(".live-vote-button").nth(number - 1).click()
        phone.wait_for_selector(".live-vote-button--mine")
    assert LiveVote.objects.count() == 3
    # The count reaches the trainer's screens within a poll or two, without a reload.
    expect(control.locator("[data-live-votes]")).to_have_text("3", timeout=8000)
    expect(projector.locator("[data-live-votes]")).to_have_text("3", timeout=8000)
    look(projector, "projector")

    control.get_by_role("button", name="Stemmen laten zien").click()
    # Three voters: no count is shown, so no choice is named as the most voted; she picks one.
    control.locator("input[name=choice]").first.check()
    control.get_by_role("button", name="Deze keuze volgen").click()
    look(control, "control")
    phones[0].wait_for_selector(".live-followed", timeout=8000)  # the phone moved by itself
    projector.wait_for_selector(".live-followed", timeout=8000)
    look(projector, "projector-followed")
    look(phones[0], "phone-followed")

    control.get_by_role("button", name="Volgende stap").click()
    phones[2].wait_for_selector("input[name=step][value='2']", state="attached", timeout=8000)
    assert "Stap 2" in phones[2].locator("main").text_content()
    for phone in phones:  # stop polling before the database is emptied
        phone.context.close()
    trainer.close()
