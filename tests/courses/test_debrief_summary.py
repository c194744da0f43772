"""On a phone the debrief leads with one line per step and folds the rest.

It was 17,356 px long on a phone. Each step is a closed `details` whose summary names the
step and its first words; open, it shows the choices with their quality, then the split by
role. The choice list adds no figure: every number stays in the split by role, with its
masking, so folding changes nothing about what can be read.
"""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.courses.reflection_fixtures import cohort, course, other_cohort, scenario  # noqa: F401
from tests.courses.test_debrief import group  # noqa: F401


def test_each_step_is_one_line_that_opens_to_its_choices_and_the_roles(
    client,
    group,  # noqa: F811
    cohort,  # noqa: F811
    scenario,  # noqa: F811
    trainer,
):
    client.force_login(trainer)
    html = client.get(reverse("cohort-debrief", args=[cohort.pk, scenario.pk])).content
    step = BeautifulSoup(html, "html.parser").select_one('[data-node="begin"]')
    assert step.name == "details" and not step.has_attr("open")
    assert step.summary.get_text(" ", strip=True).startswith("Stap 1")
    choices = step.select_one(".debrief-summary")
    assert [li["data-summary-choice"] for li in choices.select("li")] == ["vraag-door", "regel-het"]
    assert not any(char.isdigit() for char in choices.get_text())
    detail = step.select_one(".debrief-detail")
    assert choices.find_next(class_="debrief-detail") is detail
    assert detail.select('[data-choice="regel-het"] [data-role="professional"]')
