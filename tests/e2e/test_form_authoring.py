"""The same five-step, two-principle scenario built in the Wagtail page form, counted.

The map's test (test_map_authoring.py) counts a content lead's actions on the map; this one
counts them for the same scenario in the old page form, by the same rules (a click is one, a
list is two: open it, pick; typing text is free), done the shortest way a competent trainer
would: click straight into each field, keep every default that is already right, add steps
with the StreamField's "+", choices and scores with their lists' "+". She publishes, sees the
dead end and the unreachable step refused, fixes both and publishes again. Scrolling is free.
"""

from __future__ import annotations

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from tests.e2e.conftest import log_in, screenshot
from tests.e2e.test_map_authoring import NO_CHOICE, UNREACHABLE, Actions, new_draft

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


class Form:
    """The StreamField of steps in the page editor, worked through `Actions`."""

    def __init__(self, page, act):
        self.page = page
        self.act = act
        self.steps = 0

    def add_step(self, key, text):
        """The stream's last "+" adds a step (one block type, so no menu); the key has focus."""
        self.act.click(self.page.locator("#graph-root button.c-sf-add-button").last)
        number = self.steps
        self.steps += 1
        self.act.write(key, f"graph-{number}-value-key")
        self.act.write_in(self.page.locator(f"#graph-{number}-value-text"), text)
        return number

    def add_choice(self, step, key, text, target, quality, scores=(), feedback=""):
        """The step's list of choices: its last "+" adds one with the cursor in its key."""
        choices = self.page.locator(
            "[data-contentpath='choices']"
            f":has(> div > input[name='graph-{step}-value-choices-count'])"
            " > div > [data-streamfield-list-container] > [data-streamfield-list-add]"
        )
        self.act.click(choices.last)
        number = self.page.locator(f"input[name='graph-{step}-value-choices-count']").input_value()
        prefix = f"graph-{step}-value-choices-{int(number) - 1}-value"
        self.act.write(key, f"{prefix}-key")
        self.act.write_in(self.page.locator(f"#{prefix}-text"), text)
        self.act.choose(self.page.locator(f"#{prefix}-target + select"), target)
        self.act.choose(self.page.locator(f"#{prefix}-quality"), quality)
        for index, (principle, value) in enumerate(scores):
            self.act.click(
                self.page.locator(
                    f"[data-contentpath='scores']:has(> div > input[name='{prefix}-scores-count'])"
                    " [data-streamfield-list-add]"
                ).last
            )
            row = f"#{prefix}-scores-{index}-value"
            self.act.choose(self.page.locator(f"{row}-principle"), principle)
            if value != "1":  # the score's list starts at +1: kept where that is right
                self.act.choose(self.page.locator(f"{row}-value"), value)
        if feedback:
            self.act.write_in(self.page.locator(f"#{prefix}-feedback"), feedback)

    def publish(self):
        self.act.click(self.page.get_by_role("button", name="Meer acties"))
        self.act.click(self.page.get_by_role("button", name="Publiceren"))
        self.page.wait_for_load_state()


def test_the_same_scenario_built_in_the_page_form_is_counted(page, live_server, demo):
    draft = new_draft("Riet in het formulier", "riet-in-het-formulier")
    log_in(page, live_server.url, "inhoud@demo.kantelwerk.nl")
    page.goto(f"{live_server.url}/admin/pages/{draft.pk}/edit/")
    expect(page.locator("#graph-root")).to_have_count(1)
    act = Actions(page)
    form = Form(page, act)

    # The two principles; the first step's key is "begin", the form's first step already.
    act.click(page.get_by_label("Eigen kracht", exact=True))
    act.click(page.get_by_label("Presentie", exact=True))

    # Four steps first, so that the choices can pick them as their targets.
    begin = form.add_step("begin", "Ik red me wel, hoor. Sinds Kees er niet meer is.")
    shopping = form.add_step(
        "boodschappen", "Vooral de boodschappen. Kees deed altijd de boodschappen."
    )
    form.add_step("ans", "Mijn buurvrouw Ans misschien.")  # a dead end: no choice yet
    alone = form.add_step("redt-het-zelf", "Riet zegt dat ze het wel redt en sluit het gesprek af.")
    act.choose(page.locator(f"#graph-{alone}-value-speaker"), "narrator")  # as the map's ending
    act.click(page.locator(f"#graph-{alone}-value-end"))  # nobody reaches it yet

    form.add_choice(
        begin,
        "vraag-door",
        "Wat mis je het meest sinds Kees er niet meer is?",
        "boodschappen",
        "desired",
        scores=[("presentie", "2"), ("eigen-kracht", "1")],
        feedback="Je vraagt naar wat er voor haar toe doet.",
    )
    # The target is picked from the steps, and its help text says so (no key to type).
    help_text = page.locator(f"#graph-{begin}-value-choices-0-value-target-helptext")
    expect(help_text).to_contain_text("gekozen uit de stappen van dit scenario")
    form.add_choice(
        shopping,
        "netwerk",
        "Wie in de buurt zou daarbij kunnen helpen?",
        "ans",
        "desired",
        feedback="Je kijkt eerst naar haar eigen netwerk.",
    )

    # Publishing is refused: the dead end and the unreachable ending are named.
    form.publish()
    check = page.locator("[data-scenario-check]")
    expect(page.locator(".messages")).to_contain_text("kan nog niet gepubliceerd worden")
    expect(page.locator("#graph-root")).to_contain_text(NO_CHOICE)
    expect(page.locator("#graph-root")).to_contain_text(UNREACHABLE)
    draft.refresh_from_db()
    assert not draft.live
    screenshot(page, "form-problems")

    # Fix the dead end: a choice to a new ending. Fix the unreachable ending: a second choice.
    together = form.add_step(
        "samen-bellen", "Riet belt Ans. Ze doen voortaan samen de boodschappen."
    )
    act.click(page.locator(f"#graph-{together}-value-end"))
    outcome = page.locator(f"#graph-{together}-value-outcome")
    act.write_in(outcome, "Riet houdt de regie; Ans helpt.")
    form.add_choice(
        2,
        "samen-bellen",
        "Zullen we Ans samen bellen?",
        "samen-bellen",
        "desired",
        feedback="Je laat Riet zelf de regie houden.",
    )
    form.add_choice(
        begin,
        "thuiszorg",
        "Ik regel thuiszorg voor je.",
        "redt-het-zelf",
        "less_desired",
        scores=[("eigen-kracht", "-2")],
        feedback="Je neemt het over voordat je weet wat ze zelf kan.",
    )
    form.publish()
    expect(page.locator(".messages")).to_contain_text("gepubliceerd")
    form_actions = act.count
    assert check.count() == 0  # back on the page listing

    # What was stored is the map's scenario: five steps, the same choices, scores and endings.
    draft.refresh_from_db()
    assert draft.live
    steps = {block.value["key"]: block.value for block in draft.graph}
    assert list(steps) == ["begin", "boodschappen", "ans", "redt-het-zelf", "samen-bellen"]
    assert draft.start_key == "begin"
    routes = {
        (key, c["key"]): (c["target"], c["quality"], c["feedback"] != "")
        for key, step in steps.items()
        for c in step["choices"]
    }
    assert routes == {
        ("begin", "vraag-door"): ("boodschappen", "desired", True),
        ("begin", "thuiszorg"): ("redt-het-zelf", "less_desired", True),
        ("boodschappen", "netwerk"): ("ans", "desired", True),
        ("ans", "samen-bellen"): ("samen-bellen", "desired", True),
    }
    first = steps["begin"]["choices"]
    assert {row["principle"]: row["value"] for row in first[0]["scores"]} == {
        "presentie": "2",
        "eigen-kracht": "1",
    }
    assert {row["principle"]: row["value"] for row in first[1]["scores"]} == {"eigen-kracht": "-2"}
    assert [key for key, step in steps.items() if step["end"]] == ["redt-het-zelf", "samen-bellen"]
    assert steps["samen-bellen"]["outcome"] == "Riet houdt de regie; Ans helpt."
    assert steps["redt-het-zelf"]["speaker"] == "narrator"
    assert sorted(p.slug for p in draft.principles.all()) == ["eigen-kracht", "presentie"]

    print(f"\nFORM ACTIONS: {form_actions}")
