"""Fatima's journey: an invitation link, sign-up, Mijn leren, the first lesson and its scenario,
a reflection shared with the group that a professional replies to.

Karin, the trainer, then opens the learning group page (invitation link, role mix) and the
debrief.
Every page is checked with axe and photographed at 375 and 1280 px.
"""

import json
import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, Reflection
from demo.library import SCENARIO_FILES
from people.models import Organisation, Role
from scenarios import engine, interop
from scenarios.models import Principle, ScenarioIndexPage, ScenarioPage
from tests.conftest import PASSWORD
from tests.e2e.conftest import log_in, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)

SCENARIO = SCENARIO_FILES / "overbelaste-mantelzorger.json"


def publish(page):
    page.save_revision().publish()
    return page


@pytest.fixture
def cohort(migrated_db, make_user):
    home = Page.objects.get(depth=2)
    library = home.add_child(instance=ScenarioIndexPage(title="Scenario's", slug="scenarios"))
    scenario = interop.import_scenario(SCENARIO.read_bytes(), library, publish=True).page
    index = publish(home.add_child(instance=CourseIndexPage(title="Cursussen", slug="cursussen")))
    course = CoursePage(
        title="Het keukentafelgesprek",
        slug="keukentafelgesprek",
        summary="Samen oefenen met het gesprek aan de keukentafel: eerst de vraag achter de vraag.",
        study_hours=4,
    )
    publish(index.add_child(instance=course))
    course.principles.add(*Principle.objects.filter(slug__in=["eigen-kracht", "presentie"]))
    publish(course)
    eigen_kracht = Principle.objects.get(slug="eigen-kracht")
    body = [
        {"type": "text", "value": "<p>Een mantelzorger die het niet meer trekt. Wat doe jij?</p>"},
        {"type": "principle", "value": {"principle": eigen_kracht.pk, "note": ""}},
        {"type": "scenario", "value": {"scenario": scenario.pk, "introduction": ""}},
        {"type": "reflection", "value": {"prompt": "Wat neem je mee uit dit gesprek?"}},
    ]
    lesson = LessonPage(title="De overbelaste mantelzorger", slug="les-1", body=json.dumps(body))
    publish(course.add_child(instance=lesson))
    publish(
        course.add_child(
            instance=LessonPage(
                title="Het netwerk",
                slug="les-2",
                body=json.dumps([{"type": "text", "value": "<p>Wie helpt er nog meer?</p>"}]),
            )
        )
    )
    Organisation.objects.create(name="Vrijwilligerscentrale Maaswijk", kind="vrijwilligers")
    welzijn = Organisation.objects.create(name="Welzijn Maaswijk", kind="welzijn")
    group = Cohort.objects.create(name="Leergroep Hatert voorjaar", course=course)
    group.trainers.add(
        make_user("karin@example.nl", organisation=welzijn, trainer=True, name="Karin Jansen")
    )
    for number in range(2):
        group.participants.add(
            make_user(f"prof{number}@example.nl", role=Role.PROFESSIONAL, organisation=welzijn)
        )
    return group


def check(page, name):
    """Check axe and take screenshots at 375 and 1280 px wide, then go back to the phone."""
    width = page.viewport_size["width"]
    for size in ((375, 800), (1280, 900)):
        page.set_viewport_size({"width": size[0], "height": size[1]})
        assert serious_violations(page) == [], name
        screenshot(page, name)
    page.set_viewport_size({"width": width, "height": 800})


def test_a_volunteer_follows_an_invitation_signs_up_and_plays_the_first_lesson(
    browser, phone_page, live_server, cohort
):
    base = live_server.url
    page = phone_page
    page.goto(base + cohort.get_invite_url())
    assert cohort.name in page.get_by_role("heading", level=1).inner_text()
    check(page, "cohort-invite")

    page.locator("[data-join=signup]").click()
    page.locator("input[name=email]").fill("fatima@example.nl")
    page.locator("input[name=password1]").fill("Een-sterk-wachtwoord-2026")
    page.locator("input[name=password2]").fill("Een-sterk-wachtwoord-2026")
    page.locator("input[name=display_name]").fill("Fatima Amrani")
    page.locator(f"input[name=role][value={Role.VOLUNTEER}]").check()
    maaswijk = Organisation.objects.get(name="Vrijwilligerscentrale Maaswijk")
    page.locator("input[name=organisation_code]").fill(maaswijk.join_code)
    check(page, "cohort-signup")
    page.locator("main form button[type=submit]").click()

    # She confirms her address with the link in the mail, which logs her in.
    page.wait_for_url(base + reverse("account_email_verification_sent"))
    check(page, "verification-sent")
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[-1].body).group(1)
    page.goto(base + link)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(base + "/mijn-leren/")
    fatima = get_user_model().objects.get(email="fatima@example.nl")
    assert cohort.participants.filter(pk=fatima.pk).exists()
    assert page.locator(f"[data-cohort='{cohort.pk}'] [data-progress='0']").is_visible()
    check(page, "my-learning")

    page.locator("[data-next-lesson]").click()
    assert page.get_by_role("heading", level=1).inner_text() == "De overbelaste mantelzorger"
    check(page, "lesson")

    scenario_page = ScenarioPage.objects.get()
    page.get_by_role("button", name="Begin het gesprek").click()
    scenario, _ = engine.load_json(SCENARIO.read_bytes())
    for _node, choice in engine.desired_route(scenario):
        page.locator(f"button[name=choice][value='{choice}']").click()
        page.locator("main a.button--primary").click()
    assert page.locator("[data-overall]").count() == 1
    box = page.locator("[data-reflection-panel]")
    box.locator("textarea[name=body]").fill("Ik zag eerst alleen Joop, nu ook Anja zelf.")
    box.locator("input[name=visibility][value=cohort]").check()
    check(page, "result-reflection")
    box.locator("button[type=submit]").click()
    reflection = Reflection.objects.get(author__email="fatima@example.nl")
    assert reflection.visibility == "cohort"

    professional = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    log_in(professional, base, "prof0@example.nl", PASSWORD)
    professional.goto(base + reverse("cohort-reflections", args=[cohort.pk]))
    assert "Ik zag eerst alleen Joop" in professional.content()
    check(professional, "cohort-reflections")
    professional.goto(base + reverse("reflection-detail", args=[reflection.pk]))
    professional.locator("form.reply-form textarea[name=body]").fill("Herkenbaar, dank je!")
    professional.locator("form.reply-form button[type=submit]").click()
    professional.context.close()

    page.goto(base + reverse("reflection-detail", args=[reflection.pk]))
    assert "Herkenbaar, dank je!" in page.content()
    check(page, "reflection-detail")

    page.goto(base + "/mijn-leren/")
    assert page.locator("[data-cohort] [data-progress='50']").is_visible()
    assert page.locator("tr[data-principle]").count() >= 2
    assert page.locator(".chart svg").count() == 1
    check(page, "my-learning-profile")

    page.goto(base + cohort.course.url)
    assert page.locator("[data-progress='50']").is_visible()
    check(page, "course")

    page.goto(base + LessonPage.objects.get(slug="les-1").url)
    assert page.locator("[data-action=again]").is_visible()
    assert page.locator("[data-overall]").count() == 1

    page.goto(base + cohort.get_absolute_url())
    check(page, "cohort-participant")

    trainer = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL").new_page()
    log_in(trainer, base, "karin@example.nl", PASSWORD)
    trainer.goto(base + cohort.get_absolute_url())
    assert trainer.locator(
        "[data-role-mix='professional:2,volunteer:1,civil_servant:0']"
    ).is_visible()
    assert trainer.locator("[data-missing-roles=civil_servant]").is_visible()
    assert trainer.locator("#invite-url").input_value() == base + cohort.get_invite_url()
    check(trainer, "cohort")
    trainer.goto(base + reverse("cohort-debrief", args=[cohort.pk, scenario_page.pk]))
    assert trainer.locator("main h1").count() == 1
    assert "< 3" in trainer.locator("main").inner_text()  # one finished: too few to show
    check(trainer, "debrief")
    trainer.context.close()
