import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from courses.models import LessonProgress
from people.models import Profile, Role, Team
from tests.builders import build_cohort, build_course

from .conftest import play

URL = reverse("team-overview")


@pytest.fixture
def enrolled(cohort, learner, volunteer, lessons):
    cohort.participants.add(learner, volunteer)
    LessonProgress.objects.create(user=learner, lesson=lessons[0])
    LessonProgress.objects.create(user=learner, lesson=lessons[1])
    LessonProgress.objects.create(user=learner, lesson=lessons[2])
    return cohort


def rows_by_name(response):
    return {row.name: row for row in response.context["rows"]}


def test_it_shows_members_with_completion_scenarios_and_activity(
    client, manager, learner, volunteer, enrolled, course, published_scenario
):
    when = timezone.now() - datetime.timedelta(days=3)
    play(learner, published_scenario, when=when)
    play(learner, published_scenario, when=when - datetime.timedelta(days=1))
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    rows = rows_by_name(response)
    assert set(rows) == {"Alice", "Vera"}
    alice = rows["Alice"]
    assert [(c.title, c.done, c.total, c.percent) for c in alice.courses] == [
        ("De kanteling", 3, 4, 75)
    ]
    assert alice.scenarios_finished == 1
    assert alice.role == Role.PROFESSIONAL
    assert alice.teams == ["Sociaal Wijkteam Noord"]
    assert alice.last_activity >= when
    assert rows["Vera"].courses[0].percent == 0
    assert rows["Vera"].last_activity is None
    assert b'data-percent="75"' in response.content


def test_a_score_is_shown_only_when_the_member_shares_it(
    client, manager, learner, published_scenario
):
    attempt = play(learner, published_scenario)
    client.force_login(manager)
    assert rows_by_name(client.get(URL))["Alice"].latest_overall is None
    Profile.objects.filter(user=learner).update(share_scores_with_manager=True)
    assert rows_by_name(client.get(URL))["Alice"].latest_overall == attempt.overall


def test_it_filters_by_role_course_and_team(
    client, manager, learner, volunteer, enrolled, course, team, organisation, make_user
):
    subteam = Team.objects.create(organisation=organisation, name="Noord-West", parent=team)
    make_user("sub@example.nl", organisation=organisation, teams=[subteam], name="Sub")
    client.force_login(manager)
    assert set(rows_by_name(client.get(URL))) == {"Alice", "Vera", "Sub"}
    assert set(rows_by_name(client.get(URL, {"role": Role.VOLUNTEER}))) == {"Vera"}
    assert set(rows_by_name(client.get(URL, {"course": course.pk}))) == {"Alice", "Vera"}
    assert set(rows_by_name(client.get(URL, {"team": subteam.pk}))) == {"Sub"}
    assert set(rows_by_name(client.get(URL, {"team": team.pk}))) == {"Alice", "Vera", "Sub"}


@pytest.mark.parametrize(
    "params",
    [
        {"role": "astronaut"},
        {"course": "abc"},
        {"course": "999999"},
        {"team": "x"},
        {"team": "999999"},
        {"sort": "email"},
        {"sort": "--name"},
        {"page": "0"},
        {"page": "twee"},
        {"page": "50"},
    ],
)
def test_an_unknown_filter_is_a_bad_request_not_an_error(client, manager, learner, params):
    client.force_login(manager)
    response = client.get(URL, params)
    assert response.status_code == 400
    assert b"data-bad-filter" in response.content


def test_a_team_of_another_organisation_is_not_a_valid_filter(
    client, manager, learner, other_organisation
):
    other = Team.objects.create(organisation=other_organisation, name="Elders")
    client.force_login(manager)
    assert client.get(URL, {"team": other.pk}).status_code == 400


def test_the_course_filter_offers_the_courses_of_the_managers_people_only(
    client, manager, learner, enrolled, course, trainer, other_organisation, make_user
):
    elsewhere = make_user("elders@example.nl", organisation=other_organisation, name="Els")
    theirs = build_course("Alleen elders", slug="alleen-elders")
    build_cohort(theirs, name="Leergroep Elders", participants=[elsewhere], trainers=[trainer])
    client.force_login(manager)
    response = client.get(URL)
    assert [c.title for c in response.context["courses"]] == ["De kanteling"]
    assert b"Alleen elders" not in response.content
    assert client.get(URL, {"course": theirs.pk}).status_code == 400


def test_the_count_above_the_list_counts_the_members_the_filters_keep(
    client, manager, learner, volunteer, enrolled, published_scenario
):
    play(volunteer, published_scenario)
    client.force_login(manager)
    response = client.get(URL, {"sort": "completion"})
    assert response.context["page"].paginator.count == 2
    response = client.get(URL, {"sort": "completion", "role": Role.VOLUNTEER})
    assert response.context["page"].paginator.count == 1
    assert [r.name for r in response.context["rows"]] == ["Vera"]


def test_it_sorts_by_completion_and_activity(
    client, manager, learner, volunteer, enrolled, published_scenario
):
    play(volunteer, published_scenario)
    client.force_login(manager)
    names = [r.name for r in client.get(URL, {"sort": "-completion"}).context["rows"]]
    assert names == ["Alice", "Vera"]
    names = [r.name for r in client.get(URL, {"sort": "completion"}).context["rows"]]
    assert names == ["Vera", "Alice"]
    names = [r.name for r in client.get(URL, {"sort": "-activity"}).context["rows"]]
    assert names == ["Vera", "Alice"]
    names = [r.name for r in client.get(URL, {"sort": "-name"}).context["rows"]]
    assert names == ["Vera", "Alice"]
    names = [r.name for r in client.get(URL, {"sort": "role"}).context["rows"]]
    assert names == ["Alice", "Vera"]  # professional before volunteer


def test_it_shows_fifty_members_per_page(client, manager, team, bulk_members):
    bulk_members(team, 60)
    client.force_login(manager)
    first = client.get(URL)
    assert len(first.context["rows"]) == 50
    second = client.get(URL, {"page": 2})
    assert len(second.context["rows"]) == 10
    names = {r.name for r in first.context["rows"]} | {r.name for r in second.context["rows"]}
    assert len(names) == 60


def _queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url_name", ["team-overview", "team-overview-export"])
def test_the_overview_needs_the_same_few_queries_for_10_or_1000_members(
    client,
    manager,
    team,
    organisation,
    cohort,
    lessons,
    published_scenario,
    bulk_members,
    url_name,
):
    args = ["xlsx"] if url_name == "team-overview-export" else []
    url = reverse(url_name, args=args)
    client.force_login(manager)
    client.get(reverse("home"))  # the navigation's roles are cached after the first page
    bulk_members(team, 10, cohort=cohort, lessons=lessons, page=published_scenario, prefix="a")
    small = _queries(client, url)
    small_sorted = _queries(client, url, {"sort": "-completion", "role": Role.VOLUNTEER})
    bulk_members(team, 990, cohort=cohort, lessons=lessons, page=published_scenario, prefix="b")
    large = _queries(client, url)
    large_sorted = _queries(client, url, {"sort": "-completion", "role": Role.VOLUNTEER})
    assert small == large
    assert small_sorted == large_sorted
    assert large <= 10


@pytest.mark.parametrize("sort", ["-completion", "completion", "-activity", "activity", "-name"])
def test_reading_the_pages_in_turn_gives_the_whole_sorted_list(
    client, manager, team, cohort, lessons, bulk_members, sort
):
    """Each page is cut from the sorted members before its figures are computed."""
    bulk_members(team, 70, cohort=cohort, lessons=lessons)
    LessonProgress.objects.filter(user__username__in=["m3", "m7", "m11"]).update(
        done_at=timezone.now() - datetime.timedelta(days=3)
    )
    client.force_login(manager)
    shown = []
    for number in (1, 2):
        rows = client.get(URL, {"sort": sort, "page": number}).context["rows"]
        shown += [(row.name, row.courses[0].percent if row.courses else None) for row in rows]
    export = client.get(reverse("team-overview-export", args=["csv"]), {"sort": sort})
    lines = export.content.decode("utf-8-sig").splitlines()[1:]
    assert len(shown) == len(lines) == 70
    assert [name for name, _ in shown] == [line.split(";")[0] for line in lines]


def test_the_completion_sort_uses_the_figure_the_rows_show(
    cohort,
    learner,
    volunteer,
    lessons,
    make_user,
    organisation,
    team,
    django_capture_on_commit_callbacks,
):
    """The sort reads the members' summaries, the rows count lessons; both must agree,
    including "no lessons" (None) for a member in no learning group."""
    from django.contrib.auth import get_user_model

    from dashboards.overview import OverviewFilters, _completion_figures, _completion_sort_key

    loner = make_user("loner@example.nl", organisation=organisation)
    with django_capture_on_commit_callbacks(execute=True):
        cohort.participants.add(learner, volunteer)
        LessonProgress.objects.create(user=learner, lesson=lessons[0])
    members = get_user_model().objects.filter(pk__in=[learner.pk, volunteer.pk, loner.pk])
    for filters in (OverviewFilters(sort="completion"), OverviewFilters(course=cohort.course)):
        rows = members.annotate(**_completion_figures(filters))
        shown = dict(rows.values_list("pk", "completion"))
        sort = dict(
            members.annotate(**_completion_sort_key(filters)).values_list("pk", "completion")
        )
        assert shown == {learner.pk: 0.25, volunteer.pk: 0.0, loner.pk: None}
        assert sort == shown
