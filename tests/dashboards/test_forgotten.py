"""A deleted account is never listed again, but still counts inside figures above the threshold."""

import csv
import io

import pytest
from django.urls import reverse

from privacy.personal_data import ANONYMOUS_NAME, anonymise_account

from .conftest import play


@pytest.fixture
def team_of_five(make_user, organisation, team, cohort, published_scenario):
    users = [
        make_user(f"lid{n}@example.nl", organisation=organisation, teams=[team], name=f"Lid {n}")
        for n in range(5)
    ]
    cohort.participants.add(*users)
    for user in users:
        play(user, published_scenario, skill=1.0)
    anonymise_account(users[0])
    return users


def test_the_overview_and_its_exports_do_not_list_a_deleted_member(client, manager, team_of_five):
    client.force_login(manager)
    page = client.get(reverse("team-overview"))
    names = [row.name for row in page.context["rows"]]
    assert len(names) == 4 and ANONYMOUS_NAME not in names
    assert ANONYMOUS_NAME not in page.content.decode()
    export = client.get(reverse("team-overview-export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(export.content.decode("utf-8-sig")), delimiter=";"))
    assert len(rows) == 1 + 4 and ANONYMOUS_NAME not in export.content.decode()


def test_the_trainer_pages_do_not_list_a_deleted_participant(client, trainer, cohort, team_of_five):
    client.force_login(trainer)
    for url in (reverse("trainer-cohort", args=[cohort.pk]), cohort.get_absolute_url()):
        response = client.get(url)
        assert response.status_code == 200
        assert ANONYMOUS_NAME not in response.content.decode()


def test_a_deleted_members_scores_still_count_in_the_team_figures(
    client, manager, team, team_of_five
):
    client.force_login(manager)
    growth = client.get(reverse("team-growth"), {"team": team.pk}).context["growth"]
    assert growth.contributors == 5 and growth.enough
    assert all(row.latest is not None for row in growth.profile)
