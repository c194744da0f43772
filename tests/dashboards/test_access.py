"""Scoping: a manager sees only their own teams, a trainer only their own groups."""

import pytest
from django.urls import reverse

from people.models import Team
from people.team_scope import members_for_manager, teams_for_manager

MANAGER_URLS = [
    ("team-overview", []),
    ("team-overview-export", ["csv"]),
    ("team-overview-export", ["xlsx"]),
    ("team-growth", []),
    ("team-growth-export", ["csv"]),
    ("team-growth-export", ["xlsx"]),
]


def test_a_manager_sees_nested_sub_teams_at_any_depth(
    manager, team, organisation, other_organisation
):
    child = Team.objects.create(organisation=organisation, name="Kind", parent=team)
    grandchild = Team.objects.create(organisation=organisation, name="Kleinkind", parent=child)
    great = Team.objects.create(
        organisation=organisation, name="Achterkleinkind", parent=grandchild
    )
    Team.objects.create(organisation=organisation, name="Naast", parent=None)
    Team.objects.create(organisation=other_organisation, name="Elders", parent=team)
    assert set(teams_for_manager(manager)) == {team, child, grandchild, great}


def test_a_cycle_of_parents_does_not_hang(manager, team, organisation):
    child = Team.objects.create(organisation=organisation, name="Kind", parent=team)
    team.parent = child
    team.save()
    assert set(teams_for_manager(manager)) == {team, child}


def test_members_are_only_those_of_the_managed_teams(
    manager, learner, volunteer, outsider, make_user, organisation
):
    elsewhere = Team.objects.create(organisation=organisation, name="Zuid")
    make_user("zuid@example.nl", organisation=organisation, teams=[elsewhere])
    assert set(members_for_manager(manager)) == {learner, volunteer}


@pytest.fixture
def other_manager(make_user, other_organisation, outsider):
    other_team = Team.objects.create(organisation=other_organisation, name="Team Elders")
    outsider.profile.teams.add(other_team)
    return make_user(
        "dora@example.nl", organisation=other_organisation, manages=[other_team], name="Dora"
    )


@pytest.mark.parametrize("name,args", MANAGER_URLS)
def test_an_anonymous_visitor_is_sent_to_log_in(client, name, args):
    response = client.get(reverse(name, args=args))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]


@pytest.mark.parametrize("name,args", MANAGER_URLS)
def test_a_learner_or_trainer_gets_404(client, learner, trainer, name, args):
    for user in (learner, trainer):
        client.force_login(user)
        assert client.get(reverse(name, args=args)).status_code == 404


@pytest.mark.parametrize("name,args", MANAGER_URLS)
def test_a_manager_of_another_team_cannot_ask_for_this_team(
    client, other_manager, team, learner, name, args
):
    client.force_login(other_manager)
    response = client.get(reverse(name, args=args), {"team": team.pk})
    assert response.status_code == 400


@pytest.mark.parametrize("name,args", MANAGER_URLS)
def test_a_manager_of_another_team_sees_nothing_of_this_team(
    client, other_manager, learner, volunteer, name, args
):
    client.force_login(other_manager)
    response = client.get(reverse(name, args=args))
    assert response.status_code == 200
    content = response.content
    if args == ["xlsx"]:
        from io import BytesIO

        from openpyxl import load_workbook

        book = load_workbook(BytesIO(content))
        content = " ".join(
            str(cell) for sheet in book for row in sheet.iter_rows(values_only=True) for cell in row
        ).encode()
    for secret in (b"Alice", b"Vera", b"Sociaal Wijkteam Noord", b"alice@example.nl"):
        assert secret not in content


def test_the_trainer_overview_is_for_trainers_only(client, learner, manager):
    for user in (learner, manager):
        client.force_login(user)
        assert client.get(reverse("trainer-overview")).status_code == 404


def test_a_trainer_of_another_group_gets_404(client, cohort, make_user, organisation, learner):
    cohort.participants.add(learner)
    other = make_user("kees@example.nl", organisation=organisation, trainer=True)
    client.force_login(other)
    overview = client.get(reverse("trainer-overview"))
    assert overview.status_code == 200
    assert cohort.name.encode() not in overview.content
    assert client.get(reverse("trainer-cohort", args=[cohort.pk])).status_code == 404
    client.force_login(learner)
    assert client.get(reverse("trainer-cohort", args=[cohort.pk])).status_code == 404


def test_anonymous_visitors_log_in_first(client):
    assert client.get(reverse("trainer-overview")).status_code == 302


def test_anonymous_visitors_cannot_see_a_group(client, cohort):
    assert client.get(reverse("trainer-cohort", args=[cohort.pk])).status_code == 302
