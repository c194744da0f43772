import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from courses.models import Cohort, LessonProgress
from demo.load_data import BENCH_TEAM, MANAGER_EMAIL, ORGANISATION, team_sizes
from people.models import Profile, Team
from people.team_scope import members_for_manager
from scenarios.models import Attempt, AttemptChoice, PrincipleScore


def test_teams_hold_about_two_hundred_and_the_bench_team_exactly_two_hundred():
    assert team_sizes(30) == [30]
    assert team_sizes(200) == [200]
    assert team_sizes(650) == [200, 150, 150, 150]
    assert sum(team_sizes(20_000)) == 20_000 and team_sizes(20_000)[0] == 200
    assert max(team_sizes(20_000)) == 200


def snapshot():
    users = get_user_model().objects.filter(email__startswith="deelnemer")
    return (
        sorted(
            Profile.objects.filter(user__in=users).values_list(
                "user__email", "role", "display_name"
            )
        ),
        sorted(
            Attempt.objects.filter(user__in=users).values_list(
                "user__email", "page__slug", "overall", "step"
            )
        ),
        sorted(
            LessonProgress.objects.filter(user__in=users).values_list("user__email", "lesson__slug")
        ),
        AttemptChoice.objects.filter(attempt__user__in=users).count(),
    )


def test_make_load_data_builds_the_same_organisation_from_the_same_seed(
    published_scenario, second_scenario, course, capsys
):
    call_command("make_load_data", learners=30, attempts_per_learner=2, seed=7)
    output = capsys.readouterr().out
    assert MANAGER_EMAIL in output
    assert Team.objects.filter(organisation__name=ORGANISATION, name=BENCH_TEAM).count() == 1
    users = get_user_model().objects.filter(email__startswith="deelnemer")
    assert users.count() == 30
    assert Attempt.objects.filter(user__in=users, status="finished").count() == 60
    assert PrincipleScore.objects.filter(attempt__user__in=users).exists()
    assert Cohort.objects.filter(course=course, participants__in=users).distinct().count() == 1
    manager = get_user_model().objects.get(email=MANAGER_EMAIL)
    assert manager.check_password("kantelwerk-demo")
    assert members_for_manager(manager).count() == 30
    first = snapshot()

    with pytest.raises(CommandError):
        call_command("make_load_data", learners=30, attempts_per_learner=2, seed=7)
    call_command("make_load_data", learners=30, attempts_per_learner=2, seed=7, replace=True)
    assert snapshot() == first
    call_command("make_load_data", learners=30, attempts_per_learner=2, seed=8, replace=True)
    assert snapshot() != first
    assert get_user_model().objects.filter(email__startswith="deelnemer").count() == 30
