"""The group debrief: counts per step and role, masking below 3, access, fixed queries."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.debrief import MASKED, Cell, build_debrief, mask
from courses.models import Cohort
from people.models import Role
from scenarios.graph import clear_revision_cache
from scenarios.interop import import_scenario
from scenarios.models import Attempt, AttemptChoice, PrincipleScore
from tests.builders import debrief_document, finish
from tests.courses import reflection_fixtures as shared

# The course tree, cohorts and scenario are shared with the reflection tests.
scenario = shared.scenario
course = shared.course
cohort = shared.cohort
other_cohort = shared.other_cohort

NETWORK = [("begin", "vraag-door"), ("midden", "netwerk")]
NOD = [("begin", "vraag-door"), ("midden", "knik")]
TAKE_OVER = [("begin", "regel-het")]


@pytest.fixture
def group(cohort, scenario, make_user, learner, volunteer, outsider, other_cohort):
    """3 professionals who take over, 4 volunteers (3 network, 1 nod), 1 civil servant (nod).

    Alice also has an older attempt where she asked on: only her latest counts. Charlie,
    in another group, and an attempt still being played do not count at all.
    """
    pros = [learner] + [make_user(f"pro{n}@example.nl") for n in range(2)]
    vols = [volunteer] + [make_user(f"vol{n}@example.nl", role=Role.VOLUNTEER) for n in range(3)]
    civil = make_user("amb@example.nl", role=Role.CIVIL_SERVANT)
    cohort.participants.add(*pros, *vols, civil)
    old = finish(learner, scenario, NETWORK, scores={"eigen-kracht": 100})
    Attempt.objects.filter(pk=old.pk).update(finished_at=timezone.now() - timezone.timedelta(1))
    for user, score in zip(pros, (10, 20, 30), strict=True):
        finish(user, scenario, TAKE_OVER, scores={"eigen-kracht": score})
    for user in vols[:3]:
        finish(user, scenario, NETWORK, scores={"eigen-kracht": 80, "presentie": 90})
    finish(vols[3], scenario, NOD, scores={"eigen-kracht": 100, "presentie": 70})
    finish(civil, scenario, NOD, scores={"eigen-kracht": 50})
    finish(outsider, scenario, TAKE_OVER)
    Attempt.objects.create(
        user=vols[0], page=scenario, revision=scenario.live_revision, role=Role.VOLUNTEER
    )
    return {"pros": pros, "vols": vols, "civil": civil}


def cells(debrief, node, choice):
    node_row = next(row for row in debrief.nodes if row.key == node)
    choice_row = next(row for row in node_row.choices if row.key == choice)
    return {cell.role: cell for cell in choice_row.cells}


def test_masking_shows_0_and_from_3_up_and_hides_1_and_2():
    assert [mask(n).label for n in (0, 1, 2, 3, 40)] == ["0", MASKED, MASKED, "3", "40"]
    assert mask(2, 10) == Cell(None) and mask(2, 10).percent is None
    assert mask(3, 4).percent == 75


def test_it_counts_latest_finished_attempts_per_role(group, cohort, scenario):
    debrief = build_debrief(cohort, scenario)
    assert [cell.label for cell in debrief.attempts] == ["3", "4", MASKED]
    begin_ask = cells(debrief, "begin", "vraag-door")
    assert begin_ask[Role.PROFESSIONAL].value == 0  # Alice's older attempt does not count
    assert begin_ask[Role.VOLUNTEER].value == 4
    assert begin_ask[Role.CIVIL_SERVANT].masked
    assert cells(debrief, "begin", "regel-het")[Role.PROFESSIONAL].value == 3
    assert begin_ask[Role.VOLUNTEER].percent == 100
    # 3 of the 4 volunteers who reached "midden" asked for the network, 1 nodded: showing
    # the 3 (or 75%) beside the 4 who reached the step would reveal the hidden 1.
    network = cells(debrief, "midden", "netwerk")[Role.VOLUNTEER]
    nod = cells(debrief, "midden", "knik")[Role.VOLUNTEER]
    assert network.masked and nod.masked
    assert network.percent is None and network.label == nod.label == "verborgen"


def test_a_later_step_does_not_reveal_the_one_who_turned_off_earlier(cohort, scenario, make_user):
    """5 professionals: 4 ask on and reach "midden", 1 takes over at "begin".

    Showing how the 4 chose at "midden" (with its percentages) beside the 5 who played
    would tell that exactly one person took over, which "begin" hides.
    """
    pros = [make_user(f"p{n}@example.nl") for n in range(5)]
    cohort.participants.add(*pros)
    for user in pros[:4]:
        finish(user, scenario, NETWORK)
    finish(pros[4], scenario, TAKE_OVER)
    debrief = build_debrief(cohort, scenario)
    assert debrief.attempts[0].value == 5
    begin = [cells(debrief, "begin", key)[Role.PROFESSIONAL] for key in ("vraag-door", "regel-het")]
    assert all(cell.masked for cell in begin)
    midden = [cells(debrief, "midden", key)[Role.PROFESSIONAL] for key in ("netwerk", "knik")]
    assert all(cell.masked and cell.percent is None for cell in midden)


def test_steps_follow_the_scenario_order_with_texts(group, cohort, scenario):
    debrief = build_debrief(cohort, scenario)
    assert [node.key for node in debrief.nodes] == ["begin", "midden"]
    assert debrief.nodes[0].text == "Ik red me niet meer."
    assert [c.quality for c in debrief.nodes[0].choices] == ["desired", "less_desired"]


def test_averages_per_role_need_three_attempts(group, cohort, scenario):
    debrief = build_debrief(cohort, scenario)
    rows = {row.slug: row.averages for row in debrief.averages}
    assert [a.value for a in rows["eigen-kracht"]] == [20, 85, None]
    assert [a.enough for a in rows["eigen-kracht"]] == [True, True, False]
    assert rows["presentie"][1].value == 85  # (90 + 90 + 90 + 70) / 4


def test_the_page_shows_masked_counts_and_no_exact_small_numbers(
    client, group, cohort, scenario, trainer
):
    client.force_login(trainer)
    response = client.get(reverse("cohort-debrief", args=[cohort.pk, scenario.pk]))
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    knik = soup.select_one('[data-node="midden"] [data-choice="knik"]')
    counts = {row["data-role"]: row["data-count"] for row in knik.select("[data-role]")}
    assert counts == {"professional": "0", "volunteer": "verborgen", "civil_servant": "verborgen"}
    assert ">1<" not in str(knik) and ">2<" not in str(knik)
    civil = soup.select('.debrief-averages td[data-role="civil_servant"]')
    assert civil and all(td["data-average"] == "masked" for td in civil)


def test_the_trainer_and_a_participant_who_finished_see_the_debrief(
    client, group, cohort, scenario, trainer, volunteer
):
    url = reverse("cohort-debrief", args=[cohort.pk, scenario.pk])
    for user in (trainer, volunteer):
        client.force_login(user)
        assert client.get(url).status_code == 200


def test_a_participant_who_has_not_finished_gets_403_with_an_explanation(
    client, cohort, scenario, volunteer
):
    Attempt.objects.create(
        user=volunteer, page=scenario, revision=scenario.live_revision, role=Role.VOLUNTEER
    )
    client.force_login(volunteer)
    response = client.get(reverse("cohort-debrief", args=[cohort.pk, scenario.pk]))
    assert response.status_code == 403
    assert b"data-debrief-locked" in response.content


def test_an_outsider_gets_404_even_after_finishing_the_scenario(
    client, group, cohort, scenario, outsider
):
    client.force_login(outsider)
    assert client.get(reverse("cohort-debrief", args=[cohort.pk, scenario.pk])).status_code == 404
    assert client.get(reverse("cohort-debrief-index", args=[cohort.pk])).status_code == 404


def test_a_scenario_the_course_does_not_use_is_404(client, cohort, scenario, trainer):
    other = import_scenario(
        json.dumps(debrief_document() | {"title": "Ander"}), scenario.get_parent(), publish=True
    ).page
    client.force_login(trainer)
    assert client.get(reverse("cohort-debrief", args=[cohort.pk, other.pk])).status_code == 404


def test_the_index_lists_the_course_scenarios_and_which_are_open(
    client, cohort, scenario, volunteer, trainer
):
    url = reverse("cohort-debrief-index", args=[cohort.pk])
    client.force_login(volunteer)
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one(f'[data-scenario="{scenario.pk}"]')["data-open"] == "0"
    finish(volunteer, scenario, NETWORK)
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one(f'[data-scenario="{scenario.pk}"]')["data-open"] == "1"
    client.force_login(trainer)
    soup = BeautifulSoup(client.get(url).content, "html.parser")
    assert soup.select_one(f'[data-scenario="{scenario.pk}"]')["data-open"] == "1"


def add_members(cohort, scenario, count: int, offset: int) -> None:
    """Bulk-create ``count`` participants, each with a finished attempt, choices and scores."""
    users = get_user_model().objects.bulk_create(
        get_user_model()(username=f"m{offset + n}", email=f"m{offset + n}@example.nl")
        for n in range(count)
    )
    cohort.participants.add(*users)
    roles = [Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT]
    now = timezone.now()
    attempts = Attempt.objects.bulk_create(
        Attempt(
            user=user,
            page=scenario,
            revision=scenario.live_revision,
            role=roles[n % 3],
            status=Attempt.Status.FINISHED,
            step=2,
            current_node="einde",
            finished_at=now,
        )
        for n, user in enumerate(users)
    )
    AttemptChoice.objects.bulk_create(
        AttemptChoice(attempt=attempt, step=step, node_key=node, choice_key=choice, quality="")
        for n, attempt in enumerate(attempts)
        for step, (node, choice) in enumerate(NETWORK if n % 2 else NOD, start=1)
    )
    PrincipleScore.objects.bulk_create(
        PrincipleScore(attempt=attempt, principle=slug, score=50)
        for attempt in attempts
        for slug in ("eigen-kracht", "presentie")
    )


def count_queries(client, url) -> int:
    """Count the queries of a page view, once the scenario's parsed graph is cached."""
    clear_revision_cache()
    client.get(url)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_debrief_uses_the_same_number_of_queries_for_5_or_200_members(
    client, course, scenario, trainer
):
    small = Cohort.objects.create(name="Klein", course=course)
    large = Cohort.objects.create(name="Groot", course=course)
    small.trainers.add(trainer)
    large.trainers.add(trainer)
    add_members(small, scenario, 5, 0)
    add_members(large, scenario, 200, 1000)
    client.force_login(trainer)
    few = count_queries(client, reverse("cohort-debrief", args=[small.pk, scenario.pk]))
    many = count_queries(client, reverse("cohort-debrief", args=[large.pk, scenario.pk]))
    assert few == many
    assert many <= 15  # a handful more or less depending on what Django has cached


def test_what_someone_played_before_joining_is_not_the_groups(group, cohort, scenario, trainer):
    """One rule for the debrief and the trainer overview: courses.cohorts.group_attempts."""
    from courses.models import Participation
    from dashboards.trainer import cohort_overview

    civil = group["civil"]
    before = cohort_overview(cohort)
    Participation.objects.filter(cohort=cohort, user=civil).update(
        joined_at=timezone.now() + timezone.timedelta(hours=1)
    )
    debrief = build_debrief(cohort, scenario)
    assert {cell.role: cell.value for cell in debrief.attempts}[Role.CIVIL_SERVANT] == 0
    after = cohort_overview(cohort)
    row = [m for m in after.members if m.user_id == civil.pk][0]
    assert not any(row.scenarios)
    assert any(m.user_id == civil.pk and any(m.scenarios) for m in before.members)
