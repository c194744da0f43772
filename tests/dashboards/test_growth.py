import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dashboards.growth import (
    QualityMonth,
    fill_months,
    hidden_quality_months,
    mean_over_members,
    members_per_principle,
    month_range,
    quality_by_month,
)
from people.models import Team
from scenarios.models import PrincipleScore

from .conftest import play

URL = reverse("team-growth")
D = datetime.date


def test_the_mean_weighs_each_member_once():
    rows = [(1, "presentie", 40.0), (2, "presentie", 80.0), (3, "presentie", 61.0)]
    assert mean_over_members(rows) == {"presentie": 60}
    assert mean_over_members([(1, "a", 10), (2, "a", 11)]) == {"a": 11}  # 10.5 rounds up
    assert mean_over_members([]) == {}


def test_months_are_filled_between_the_first_and_the_last():
    assert month_range(D(2024, 11, 1), D(2025, 2, 1)) == [
        D(2024, 11, 1),
        D(2024, 12, 1),
        D(2025, 1, 1),
        D(2025, 2, 1),
    ]
    assert fill_months({D(2025, 1, 1): 3, D(2025, 3, 1): 1}) == [
        (D(2025, 1, 1), 3),
        (D(2025, 2, 1), 0),
        (D(2025, 3, 1), 1),
    ]
    assert fill_months({}) == []


def test_quality_shares_are_whole_percentages_per_month():
    months = quality_by_month(
        [
            (D(2025, 1, 1), "desired", 1),
            (D(2025, 1, 1), "acceptable", 1),
            (D(2025, 1, 1), "less_desired", 1),
            (D(2025, 3, 1), "desired", 3),
            (D(2025, 3, 1), "unknown", 9),
        ]
    )
    assert [m.month for m in months] == [D(2025, 1, 1), D(2025, 2, 1), D(2025, 3, 1)]
    assert months[0].shares == [("desired", 1, 33), ("acceptable", 1, 33), ("less_desired", 1, 33)]
    assert months[1].total == 0 and months[1].share("desired") == 0
    assert months[2].shares[0] == ("desired", 3, 100)
    assert (
        QualityMonth(D(2025, 1, 1), {"desired": 1, "acceptable": 0, "less_desired": 1}).share(
            "desired"
        )
        == 50
    )


def test_each_principle_counts_the_members_with_a_score_for_it():
    rows = [(1, "presentie", 40.0), (2, "presentie", 80.0), (2, "zelfregie", 10.0)]
    assert members_per_principle(rows) == {"presentie": 2, "zelfregie": 1}


def test_a_month_with_too_few_members_for_one_quality_is_hidden_whole():
    jan, feb = D(2025, 1, 1), D(2025, 2, 1)
    rows = [(jan, "desired", 6), (jan, "less_desired", 1), (feb, "desired", 5)]
    assert hidden_quality_months(rows, {jan: 6, feb: 5}) == {jan}
    assert hidden_quality_months(rows, {jan: 6, feb: 4}) == {jan, feb}
    months = quality_by_month([(jan, "desired", 9), (feb, "desired", 7)], hidden={jan})
    assert months[0].hidden and months[0].total == 0
    assert not months[1].hidden and months[1].total == 7


@pytest.fixture
def players(make_user, organisation, team):
    return [
        make_user(f"p{i}@example.nl", organisation=organisation, teams=[team], name=f"P{i}")
        for i in range(5)
    ]


def test_below_five_contributors_it_shows_no_scores(client, manager, players, published_scenario):
    for user in players[:4]:
        play(user, published_scenario)
    client.force_login(manager)
    response = client.get(URL)
    assert response.status_code == 200
    growth = response.context["growth"]
    assert growth.contributors == 4
    assert not growth.enough
    assert growth.profile == [] and growth.quality == []
    assert b"data-privacy-threshold" in response.content
    assert b"data-profile" not in response.content
    assert b'class="radar"' not in response.content


def test_with_five_contributors_it_shows_first_and_latest_profile(
    client, manager, players, published_scenario
):
    earlier = timezone.now() - datetime.timedelta(days=70)
    for user in players:  # the same routes, so every choice has five members behind it
        play(user, published_scenario, skill=0.0, when=earlier)
        play(user, published_scenario, skill=1.0)
    client.force_login(manager)
    response = client.get(URL)
    growth = response.context["growth"]
    assert growth.contributors == 5 and growth.enough
    assert growth.profile
    assert b"data-privacy-threshold" not in response.content
    assert b'class="radar"' in response.content
    assert sum(n for _month, n in growth.timeline) == 10
    assert sum(m.total for m in growth.quality) > 0


def test_a_principle_practised_by_one_member_is_hidden_in_a_team_of_five(
    client, manager, players, team, published_scenario
):
    """Before: "Integraal werken 50 → 100" came from one member of a team of five."""
    earlier = timezone.now() - datetime.timedelta(days=70)
    for number, user in enumerate(players):
        play(user, published_scenario, skill=0.0, seed=number, when=earlier)
        latest = play(user, published_scenario, skill=1.0, seed=number)
    first = players[-1].attempts.order_by("finished_at").first()
    PrincipleScore.objects.filter(principle="integraal-werken").delete()
    PrincipleScore.objects.create(attempt=first, principle="integraal-werken", score=50)
    PrincipleScore.objects.create(attempt=latest, principle="integraal-werken", score=100)
    client.force_login(manager)
    response = client.get(URL)
    rows = {row.slug: row for row in response.context["growth"].profile}
    assert (rows["integraal-werken"].first, rows["integraal-werken"].latest) == (None, None)
    assert rows["integraal-werken"].change is None
    # Under scoring version 2 a principle counts only members who practised it, so on these
    # random routes some other principles are hidden too; those all five practised are shown.
    shown = [row for row in rows.values() if row.slug != "integraal-werken"]
    assert any(row.latest is not None for row in shown)
    row = response.content.decode().split('data-principle="integraal-werken"')[1].split("</tr>")[0]
    assert "100" not in row and "50" not in row and "verborgen" in row
    export = client.get(reverse("team-growth-export", args=["csv"]), {"team": team.pk})
    line = next(r for r in export.content.decode("utf-8-sig").splitlines() if "Integraal" in r)
    assert line.split(";")[1:] == ["", "", ""]


def test_a_month_in_which_fewer_than_five_members_played_is_hidden(
    client, manager, players, published_scenario
):
    earlier = timezone.now() - datetime.timedelta(days=70)
    for user in players:
        play(user, published_scenario, skill=1.0)
    play(players[0], published_scenario, skill=0.0, when=earlier)
    client.force_login(manager)
    growth = client.get(URL).context["growth"]
    assert growth.timeline[0][1] is None and growth.timeline[-1][1] == 5
    assert growth.quality[0].hidden and not growth.quality[-1].hidden


def test_the_profile_is_the_mean_of_each_members_first_and_latest_attempt(
    client, manager, players, published_scenario, second_scenario
):
    from scenarios.models import PrincipleScore

    start = timezone.now() - datetime.timedelta(days=90)
    first_attempts, latest_attempts = [], []
    for number, user in enumerate(players):
        first_attempts.append(play(user, published_scenario, skill=0, seed=number, when=start))
        play(user, published_scenario, skill=0.5, seed=number, when=start + datetime.timedelta(1))
        latest_attempts.append(play(user, published_scenario, skill=1, seed=number + 9))
    # One member also played a second scenario: it counts within that member's mean only.
    other = play(players[0], second_scenario, skill=1, seed=3)
    client.force_login(manager)
    growth = client.get(URL).context["growth"]

    def expected(attempts, extra=None):
        per_member = {}
        for attempt in attempts:
            scores = list(PrincipleScore.objects.filter(attempt=attempt))
            if extra is not None and attempt.user_id == extra.user_id:
                scores += list(PrincipleScore.objects.filter(attempt=extra))
            by_principle = {}
            for score in scores:
                by_principle.setdefault(score.principle, []).append(score.score)
            for slug, values in by_principle.items():
                per_member.setdefault(slug, []).append(sum(values) / len(values))
        means = mean_over_members(
            (i, slug, value)
            for slug, values in per_member.items()
            for i, value in enumerate(values)
        )
        # A principle only the second scenario practises has one member: hidden.
        return {slug: mean if len(per_member[slug]) >= 5 else None for slug, mean in means.items()}

    latest = expected(latest_attempts, other)
    first = expected(first_attempts, other)
    assert {row.slug: row.latest for row in growth.profile} == latest
    assert {row.slug: row.first for row in growth.profile} == first


def test_a_sub_team_is_part_of_its_parents_growth_but_not_the_other_way_round(
    client, manager, players, team, organisation, make_user, published_scenario
):
    sub = Team.objects.create(organisation=organisation, name="Noord-Oost", parent=team)
    in_sub = make_user("sub@example.nl", organisation=organisation, teams=[sub])
    for user in [*players, in_sub]:
        play(user, published_scenario)
    client.force_login(manager)
    assert client.get(URL, {"team": team.pk}).context["growth"].contributors == 6
    assert client.get(URL, {"team": sub.pk}).context["growth"].contributors == 1


@pytest.mark.parametrize("value", ["abc", "999999", "-1"])
def test_an_unknown_team_is_a_bad_request(client, manager, value):
    client.force_login(manager)
    assert client.get(URL, {"team": value}).status_code == 400


def _queries(client, url, params) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url", [URL, reverse("team-growth-export", args=["csv"])], ids=["page", "export"]
)
def test_growth_needs_the_same_few_queries_for_10_or_1000_members(
    client, manager, team, cohort, lessons, published_scenario, bulk_members, url
):
    client.force_login(manager)
    client.get(reverse("home"))  # the navigation's roles are cached after the first page
    bulk_members(team, 10, page=published_scenario, prefix="a")
    client.get(url, {"team": team.pk})  # and the principles after the first growth figures
    small = _queries(client, url, {"team": team.pk})
    bulk_members(team, 990, page=published_scenario, prefix="b")
    large = _queries(client, url, {"team": team.pk})
    assert small == large
    assert large <= 10
