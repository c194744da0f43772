"""Dashboard fixtures: a scenario, a course with lessons and a learning group, and builders
that write finished attempts straight into the database (as make_load_data does)."""

from __future__ import annotations

import datetime
import random
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import Cohort, LessonProgress
from dashboards import summaries
from demo.load_data import _own_timestamps, random_walk
from people.models import Profile, Role, Team
from scenarios import engine, interop
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, AttemptChoice, PrincipleScore
from scenarios.playing import score_rows
from tests.builders import (
    build_cohort,
    build_course,
    build_course_index,
    lessons_of,
    scenario_block,
)

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo" / "content" / "scenarios"


@pytest.fixture
def second_scenario(scenario_index):
    data = (DEMO_DIR / "huishoudelijke-hulp.json").read_bytes()
    return interop.import_scenario(data, scenario_index, publish=True).page


@pytest.fixture
def course(db, published_scenario):
    """A live course with four live lessons; the second lesson points to the scenario."""
    return build_course(
        "De kanteling",
        slug="kanteling-dash",
        summary="Samen leren.",
        lessons=[[], [scenario_block(published_scenario)], [], []],
        index=build_course_index(slug="cursussen-dash"),
    )


@pytest.fixture
def lessons(course):
    return lessons_of(course)


@pytest.fixture
def cohort(course, trainer):
    """Leergroep Noord, trained by Tom, still without participants."""
    return build_cohort(course, name="Leergroep Noord", trainers=[trainer])


def play(user, page, *, skill: float = 0.5, seed: int = 0, when=None, path=None) -> Attempt:
    """Write one finished attempt of ``user`` on ``page`` (a random walk, or ``path``)."""
    revision = page.live_revision
    scenario = scenario_for_revision(revision)
    if path is None:
        path = random_walk(random.Random(seed), scenario, skill)
    result = engine.score_path(scenario, path)
    when = when or timezone.now()
    with _own_timestamps():
        attempt = Attempt.objects.create(
            user=user,
            page=page,
            revision=revision,
            status=Attempt.Status.FINISHED,
            step=len(path),
            current_node=engine.walk(scenario, path).key,
            overall=result.overall,
            started_at=when,
            updated_at=when,
            finished_at=when,
        )
        AttemptChoice.objects.bulk_create(
            AttemptChoice(
                attempt=attempt,
                step=step,
                node_key=node,
                choice_key=choice,
                quality=scenario.node(node).choice(choice).quality,
                created_at=when,
            )
            for step, (node, choice) in enumerate(path, start=1)
        )
    PrincipleScore.objects.bulk_create(score_rows(attempt, result))
    return attempt


@pytest.fixture
def bulk_members(db):
    """Add ``n`` members to a team in a handful of queries, with progress and attempts."""

    def build(team: Team, n: int, *, cohort=None, lessons=(), page=None, prefix="m"):
        User = get_user_model()
        users = User.objects.bulk_create(
            User(username=f"{prefix}{i}", email=f"{prefix}{i}@example.nl") for i in range(n)
        )
        users = list(User.objects.filter(username__in=[u.username for u in users]))
        roles = [Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT]
        Profile.objects.bulk_create(
            Profile(
                user=user,
                display_name=f"Lid {user.username}",
                role=roles[i % 3],
                organisation=team.organisation,
                share_scores_with_manager=i % 2 == 0,
            )
            for i, user in enumerate(users)
        )
        profiles = Profile.objects.filter(user__in=users)
        Profile.teams.through.objects.bulk_create(
            Profile.teams.through(profile=profile, team=team) for profile in profiles
        )
        if cohort is not None:
            Cohort.participants.through.objects.bulk_create(
                Cohort.participants.through(cohort=cohort, user=user) for user in users
            )
        LessonProgress.objects.bulk_create(
            LessonProgress(user=user, lesson=lesson)
            for i, user in enumerate(users)
            for lesson in list(lessons)[: i % (len(lessons) + 1)]
        )
        summaries.refresh(user_ids=[user.pk for user in users])  # bulk_create sends no signals
        if page is not None:
            revision = page.live_revision
            scenario = scenario_for_revision(revision)
            path = engine.desired_route(scenario)
            result = engine.score_path(scenario, path)
            now = timezone.now()
            attempts = Attempt.objects.bulk_create(
                Attempt(
                    user=user,
                    page=page,
                    revision=revision,
                    status=Attempt.Status.FINISHED,
                    current_node=engine.walk(scenario, path).key,
                    overall=result.overall,
                    finished_at=now - datetime.timedelta(days=40 * k),
                )
                for user in users
                for k in range(2)
            )
            AttemptChoice.objects.bulk_create(
                AttemptChoice(
                    attempt=attempt,
                    step=step,
                    node_key=node,
                    choice_key=choice,
                    quality=scenario.node(node).choice(choice).quality,
                )
                for attempt in attempts
                for step, (node, choice) in enumerate(path, start=1)
            )
            PrincipleScore.objects.bulk_create(
                row for attempt in attempts for row in score_rows(attempt, result)
            )
        return users

    return build
