"""A large synthetic organisation for measuring the dashboards (``make_load_data``).

Rows are computed in Python with the scenario engine (random walks scored by
``engine.score_path``) and written with ``bulk_create``: no HTTP views, no signals, so
20,000 learners with 10 attempts each load in minutes. The same seed gives the same data.
"""

from __future__ import annotations

import contextlib
import datetime
import math
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.models import Cohort, CoursePage, LessonPage, LessonProgress
from dashboards import summaries
from people import roles as staff_roles
from people.models import Organisation, Profile, Role, Team
from scenarios import engine
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, AttemptChoice, PrincipleScore, ScenarioPage
from scenarios.playing import score_rows

from .lessons import COURSE

ORGANISATION = "Gemeente Groot-Maaswijk"
BENCH_TEAM = "Team 200"
TEAM_SIZE = 200
PASSWORD = "kantelwerk-demo"  # noqa: S105 — published on purpose, synthetic data only
DOMAIN = "groot-maaswijk.example"
MANAGER_EMAIL = f"manager@{DOMAIN}"
TRAINER_EMAIL = f"trainer@{DOMAIN}"
BATCH = 2000
LEARNER_CHUNK = 500
MAX_STEPS = 60
ROLES = [(Role.PROFESSIONAL, 5), (Role.VOLUNTEER, 3), (Role.CIVIL_SERVANT, 2)]
FIRST_NAMES = [
    "Anouk",
    "Bram",
    "Chantal",
    "Daan",
    "Esra",
    "Fenna",
    "Gijs",
    "Hanna",
    "Ilias",
    "Joke",
    "Kees",
    "Lotte",
    "Mohammed",
    "Noor",
    "Olga",
    "Pieter",
    "Quinten",
    "Rachida",
    "Sanne",
    "Tim",
    "Umut",
    "Vera",
    "Wouter",
    "Yara",
    "Zeynep",
]
LAST_NAMES = [
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "El Amrani",
    "Yılmaz",
    "van Dijk",
    "Kaya",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
]
DISCIPLINES = ["wijkverpleegkundige", "maatschappelijk werker", "Wmo-consulent", "maatje"]


class AlreadyLoaded(Exception):
    """The synthetic organisation exists; pass ``replace=True`` to build it again."""


@dataclass(frozen=True)
class LoadSummary:
    organisation: Organisation
    manager_email: str
    trainer_email: str
    teams: int
    learners: int
    cohorts: int
    lesson_progress: int
    attempts: int


@contextlib.contextmanager
def _own_timestamps() -> Iterator[None]:
    """Let bulk_create keep the timestamps we set instead of 'now'."""
    fields = [
        (Attempt, "started_at"),
        (Attempt, "updated_at"),
        (AttemptChoice, "created_at"),
        (LessonProgress, "done_at"),
    ]
    saved = []
    for model, name in fields:
        field = model._meta.get_field(name)
        saved.append((field, field.auto_now, field.auto_now_add))
        field.auto_now = field.auto_now_add = False
    try:
        yield
    finally:
        for field, auto_now, auto_now_add in saved:
            field.auto_now, field.auto_now_add = auto_now, auto_now_add


def remove_load_data() -> None:
    """Delete the synthetic organisation with its people, groups and attempts."""
    organisation = Organisation.objects.filter(name=ORGANISATION).first()
    if organisation is None:
        return
    users = get_user_model().objects.filter(email__endswith=f"@{DOMAIN}")
    Attempt.objects.filter(user__in=users).delete()
    Cohort.objects.filter(name__startswith=f"{ORGANISATION} · ").delete()
    users.delete()
    organisation.delete()


def build_load_data(
    learners: int,
    attempts_per_learner: int,
    *,
    seed: int = 1,
    replace: bool = False,
    progress: Callable[[str], None] = lambda message: None,
) -> LoadSummary:
    """Build the organisation: teams of about 200, learners, cohorts, progress, attempts."""
    if Organisation.objects.filter(name=ORGANISATION).exists():
        if not replace:
            raise AlreadyLoaded(ORGANISATION)
        remove_load_data()
    rng = random.Random(seed)
    with transaction.atomic(), _own_timestamps():
        organisation = Organisation.objects.create(
            name=ORGANISATION, kind=Organisation.Kind.MUNICIPALITY
        )
        teams = _teams(organisation, learners)
        users = _learners(rng, organisation, teams, learners)
        progress(f"{len(users)} learners in {len(teams)} teams")
        _manager(organisation, teams)
        trainer = _trainer(organisation)
        course = _course()
        cohorts = _cohorts(course, teams, trainer) if course else []
        lesson_rows = _lesson_progress(rng, course, users) if course else 0
        if course:  # bulk_create sends no signals: count the overview's summaries now
            summaries.refresh(course_ids=[course.pk])
        progress(f"{lesson_rows} lessons done")
        attempts = _attempts(rng, users, attempts_per_learner, progress)
    return LoadSummary(
        organisation,
        MANAGER_EMAIL,
        TRAINER_EMAIL,
        len(teams),
        len(users),
        len(cohorts),
        lesson_rows,
        attempts,
    )


def team_sizes(learners: int) -> list[int]:
    """The bench team gets exactly 200 (or everyone, when fewer); the rest about 200 each."""
    if learners <= 0:
        return []
    first = min(TEAM_SIZE, learners)
    rest = learners - first
    count = math.ceil(rest / TEAM_SIZE)
    sizes = [first]
    for number in range(count):
        sizes.append(rest // count + (1 if number < rest % count else 0))
    return sizes


def _teams(organisation: Organisation, learners: int) -> list[tuple[Team, int]]:
    sizes = team_sizes(learners) or [0]
    names = [BENCH_TEAM] + [f"Wijkteam {number:03d}" for number in range(2, len(sizes) + 1)]
    teams = Team.objects.bulk_create(Team(organisation=organisation, name=name) for name in names)
    teams = list(Team.objects.filter(organisation=organisation).order_by("pk"))
    return list(zip(teams, sizes, strict=True))


def _learners(rng: random.Random, organisation, teams, learners: int) -> list[tuple[int, str]]:
    """Create users, e-mail addresses, profiles and team memberships; return (id, role)."""
    User = get_user_model()
    password = make_password(PASSWORD)
    users = [
        User(
            username=f"gm-{number:05d}",
            email=f"deelnemer{number:05d}@{DOMAIN}",
            password=password,
        )
        for number in range(1, learners + 1)
    ]
    User.objects.bulk_create(users, batch_size=BATCH)
    ids = dict(
        User.objects.filter(email__endswith=f"@{DOMAIN}", username__startswith="gm-").values_list(
            "username", "pk"
        )
    )
    user_ids = [ids[user.username] for user in users]
    EmailAddress.objects.bulk_create(
        (
            EmailAddress(user_id=pk, email=user.email, verified=True, primary=True)
            for pk, user in zip(user_ids, users, strict=True)
        ),
        batch_size=BATCH,
    )
    roles = [role for role, weight in ROLES for _ in range(weight)]
    chosen = []
    profiles = []
    for pk in user_ids:
        role = rng.choice(roles)
        chosen.append((pk, role))
        profiles.append(
            Profile(
                user_id=pk,
                display_name=f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                role=role,
                discipline=rng.choice(DISCIPLINES),
                organisation=organisation,
                share_scores_with_manager=rng.random() < 0.3,
            )
        )
    Profile.objects.bulk_create(profiles, batch_size=BATCH)
    profile_ids = dict(
        Profile.objects.filter(user_id__in=user_ids).values_list("user_id", "pk").iterator()
    )
    Membership = Profile.teams.through
    memberships = []
    start = 0
    for team, size in teams:
        for pk in user_ids[start : start + size]:
            memberships.append(Membership(profile_id=profile_ids[pk], team_id=team.pk))
        start += size
    Membership.objects.bulk_create(memberships, batch_size=BATCH)
    return chosen


def _staff_user(email: str, name: str, organisation) -> object:
    user = get_user_model().objects.create_user(
        username=email.split("@")[0] + "-gm", email=email, password=PASSWORD
    )
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    profile = Profile.objects.get(user=user)
    profile.display_name = name
    profile.organisation = organisation
    profile.save()
    return user


def _manager(organisation, teams) -> None:
    user = _staff_user(MANAGER_EMAIL, "Marloes Manager", organisation)
    user.profile.managed_teams.set([team for team, _size in teams])


def _trainer(organisation):
    user = _staff_user(TRAINER_EMAIL, "Tamara Trainer", organisation)
    group = Group.objects.filter(name=staff_roles.TRAINERS).first()
    if group is not None:
        user.groups.add(group)
    return user


def _course() -> CoursePage | None:
    return (
        CoursePage.objects.filter(slug=COURSE.slug).first()
        or CoursePage.objects.order_by("path").first()
    )


def _cohorts(course: CoursePage, teams, trainer) -> list[Cohort]:
    cohorts = []
    Participant = Cohort.participants.through
    members = Profile.teams.through.objects.filter(team__in=[team for team, _ in teams])
    by_team: dict[int, list[int]] = {}
    for team_id, user_id in members.values_list("team_id", "profile__user_id").iterator():
        by_team.setdefault(team_id, []).append(user_id)
    for team, _size in teams:
        cohort = Cohort.objects.create(
            name=f"{ORGANISATION} · {team.name}",
            course=course,
            starts_on=timezone.localdate() - datetime.timedelta(days=365),
        )
        cohort.trainers.add(trainer)
        Participant.objects.bulk_create(
            (Participant(cohort_id=cohort.pk, user_id=pk) for pk in by_team.get(team.pk, [])),
            batch_size=BATCH,
        )
        cohorts.append(cohort)
    return cohorts


def _lesson_progress(rng: random.Random, course: CoursePage, users) -> int:
    lessons = LessonPage.objects.child_of(course).order_by("path")
    lessons = list(lessons.values_list("pk", flat=True))
    if not lessons:
        return 0
    now = timezone.now()
    rows = []
    for user_id, _role in users:
        done = rng.randint(0, len(lessons))
        for number, lesson_id in enumerate(lessons[:done]):
            when = now - datetime.timedelta(days=300 - 25 * number, minutes=rng.randint(0, 900))
            rows.append(LessonProgress(user_id=user_id, lesson_id=lesson_id, done_at=when))
    LessonProgress.objects.bulk_create(rows, batch_size=BATCH)
    return len(rows)


@dataclass(frozen=True)
class _Playable:
    page_id: int
    revision_id: int
    scenario: engine.Scenario


def _playable() -> list[_Playable]:
    pages = ScenarioPage.objects.live().filter(live_revision__isnull=False)
    playable = []
    for page in pages.select_related("live_revision").order_by("path"):
        scenario = scenario_for_revision(page.live_revision)
        if scenario.node(scenario.start) is not None:
            playable.append(_Playable(page.pk, page.live_revision_id, scenario))
    return playable


def random_walk(rng: random.Random, scenario: engine.Scenario, skill: float) -> engine.Path:
    """A walk from the start to an ending; ``skill`` (0–1) favours desired choices."""
    weights = {"desired": 0.3 + skill, "acceptable": 0.6, "less_desired": 1.1 - skill}
    for _try in range(5):
        path: engine.Path = []
        node = scenario.node(scenario.start)
        while node is not None and not node.end and len(path) < MAX_STEPS:
            choice = rng.choices(
                node.choices, [max(0.05, weights.get(c.quality, 0.5)) for c in node.choices]
            )[0]
            path.append((node.key, choice.key))
            node = scenario.node(choice.target)
        if node is not None and node.end:
            return path
    return engine.desired_route(scenario)


def _attempts(rng: random.Random, users, per_learner: int, progress) -> int:
    playable = _playable()
    if not playable or per_learner <= 0:
        return 0
    scores: dict[tuple[int, tuple], engine.Result] = {}
    now = timezone.now()
    total = 0
    for start in range(0, len(users), LEARNER_CHUNK):
        planned = []
        for user_id, role in users[start : start + LEARNER_CHUNK]:
            aptitude = rng.random()
            first_day = rng.randint(120, 360)
            for number in range(per_learner):
                game = rng.choice(playable)
                growth = number / max(1, per_learner - 1)
                path = random_walk(rng, game.scenario, min(1.0, 0.2 * aptitude + 0.6 * growth))
                key = (game.page_id, tuple(path))
                if key not in scores:
                    scores[key] = engine.score_path(game.scenario, path)
                days = first_day - (first_day - 1) * number / max(1, per_learner - 1)
                started = now - datetime.timedelta(days=days, minutes=rng.randint(0, 600))
                planned.append((user_id, role, game, path, scores[key], started))
        attempts = Attempt.objects.bulk_create(
            (
                Attempt(
                    user_id=user_id,
                    page_id=game.page_id,
                    revision_id=game.revision_id,
                    role=role,
                    status=Attempt.Status.FINISHED,
                    step=len(path),
                    current_node=game.scenario.node(path[-1][0]).choice(path[-1][1]).target,
                    overall=result.overall,
                    scoring_version=engine.SCORING_VERSION,
                    started_at=started,
                    updated_at=started + datetime.timedelta(minutes=12),
                    finished_at=started + datetime.timedelta(minutes=12),
                )
                for user_id, role, game, path, result, started in planned
            ),
            batch_size=BATCH,
        )
        choices, principle_scores = [], []
        for attempt, (_u, _r, game, path, result, started) in zip(attempts, planned, strict=True):
            for step, (node_key, choice_key) in enumerate(path, start=1):
                quality = game.scenario.node(node_key).choice(choice_key).quality
                choices.append(
                    AttemptChoice(
                        attempt_id=attempt.pk,
                        step=step,
                        node_key=node_key,
                        choice_key=choice_key,
                        quality=quality,
                        created_at=started + datetime.timedelta(minutes=step),
                    )
                )
            principle_scores.extend(score_rows(attempt, result))
        AttemptChoice.objects.bulk_create(choices, batch_size=BATCH)
        PrincipleScore.objects.bulk_create(principle_scores, batch_size=BATCH)
        total += len(attempts)
        progress(f"{total} attempts")
    return total
