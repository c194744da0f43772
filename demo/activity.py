"""Three months of learning in Maaswijk: lessons done, scenarios played, reflections shared.

Attempts are played through scenarios.playing, so their choices and scores are exactly what
playing in the browser would store; only the timestamps are moved into the past afterwards.
Routes are drawn with a seeded random generator, so every load gives the same demo.
"""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from courses.closing_test import attempts as closing_test
from courses.models import (
    ClosingTestAttempt,
    Cohort,
    CoursePage,
    LessonProgress,
    Reflection,
    ReflectionReply,
)
from dashboards import summaries
from scenarios import engine
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, AttemptChoice, ScenarioPage
from scenarios.playing import record_choice, start_attempt

from .course import lesson_pages
from .learners import COHORTS, FATIMA, JEROEN, MIRJAM
from .lessons import LESSONS
from .library import ANJA, GERRIT, HANS, MARK, RIET
from .reflections import AFTER_SCENARIO_PROMPT, REFLECTIONS, Written

DAYS_BETWEEN_LESSONS = 16
NETWORK = "sociaal-netwerk"


def _at(local: str) -> str:
    return f"{local}@demo.kantelwerk.nl"


@dataclass(frozen=True)
class Plan:
    """How far a learner got: lessons done, scenarios played once, scenarios played again."""

    lessons: int
    plays: tuple[str, ...]
    replays: tuple[str, ...] = ()


PLANS = {
    JEROEN: Plan(5, (MARK, GERRIT), (MARK,)),
    FATIMA: Plan(4, (MARK, ANJA), (ANJA,)),
    MIRJAM: Plan(3, (HANS, MARK), (HANS,)),
    _at("sanne"): Plan(3, (HANS, MARK, RIET), (RIET,)),
    _at("linda"): Plan(7, (HANS, MARK, RIET), (MARK, RIET)),  # every lesson, and the test
    _at("bram"): Plan(5, (MARK, GERRIT), (GERRIT,)),
    _at("kees"): Plan(2, (MARK,)),
    _at("thomas"): Plan(5, (MARK, GERRIT), (GERRIT,)),
    _at("esra"): Plan(4, (MARK, ANJA), (MARK,)),
    _at("nadia"): Plan(4, (MARK, ANJA)),
    _at("henk"): Plan(3, (HANS, MARK), (MARK,)),
    _at("yvonne"): Plan(4, (MARK, ANJA), (MARK,)),
    _at("marieke"): Plan(4, (MARK, ANJA), (ANJA,)),
    _at("gerard"): Plan(2, (MARK,)),
    _at("dewi"): Plan(2, (HANS, MARK)),
    _at("pieter"): Plan(3, (HANS, MARK, RIET), (HANS,)),
    _at("ilse"): Plan(1, (HANS,)),
    _at("rachid"): Plan(2, (HANS, MARK)),
    _at("joost"): Plan(2, (HANS, MARK), (MARK,)),
    _at("anouk"): Plan(2, (MARK,)),
    _at("wendy"): Plan(1, (HANS,)),
    _at("mohamed"): Plan(2, (HANS, MARK)),
    _at("ria"): Plan(1, (HANS,)),
    _at("hatice"): Plan(0, ()),
}

# Routes the reflections tell about: the first choices of (learner, scenario, attempt number).
ROUTES = {
    (JEROEN, MARK, 0): ("regel-direct", "indicatie-afgeven"),
    (JEROEN, MARK, 1): (
        "vraag-wat-trekt",
        "vraag-sem",
        "vraag-henk",
        "verbind-met-wijk",
        "vraag-sem-zien",
        "plan-samen",
    ),
    (FATIMA, ANJA, 0): ("help-joop-jas", "gewoon-wandelen"),
    (MIRJAM, HANS, 0): ("regels-uitleggen",),
    (_at("bram"), GERRIT, 0): ("neem-over",),
    (_at("thomas"), GERRIT, 1): ("vraag-wat-sandra-weet", "samen-langs"),
    (_at("marieke"), ANJA, 0): ("vraag-hoe-anja", "luister", "wat-geeft-jou-energie", "ik-kom-wel"),
    (_at("joost"), MARK, 0): (
        "vraag-wat-trekt",
        "vraag-wat-goed",
        "stel-wijk-voor",
        "vraag-wat-stoort",
        "stadsboerderij-regelen",
    ),
    (_at("joost"), MARK, 1): (
        "vraag-wat-trekt",
        "vraag-wat-goed",
        "vraag-netwerk",
        "vraag-henk",
        "verbind-met-wijk",
        "vraag-sem-zien",
        "plan-samen",
    ),
}
# Jeroen compares his attempts after most of the group has played: his second one is recent.
DAYS_AGO = {(JEROEN, MARK, 1): 6}

FIRST_TRY = {"desired": 1.2, "acceptable": 1.6, "less_desired": 1.2}
LATER_TRY = {"desired": 6.0, "acceptable": 1.2, "less_desired": 0.2}
# Weight of a choice that draws on the network (True) or passes it by (False), per role:
# volunteers know the neighbours, professionals tend to reach for what they can arrange.
NETWORK_LEAN = {"volunteer": {True: 4.0, False: 0.3}, "professional": {True: 0.5, False: 1.0}}


@dataclass
class Planned:
    user: object
    page: ScenarioPage
    path: engine.Path
    started: datetime
    minutes: int
    attempt: Attempt | None = None


def has_activity(cohort: Cohort) -> bool:
    """Tell whether the group already shows any learning (then the demo leaves it alone)."""
    participants = cohort.participants.all()
    return (
        cohort.reflections.exists()
        or Attempt.objects.filter(user__in=participants).exists()
        or LessonProgress.objects.filter(user__in=participants).exists()
    )


@transaction.atomic
def load_activity(
    cohorts: list[Cohort],
    course: CoursePage,
    scenarios: dict[str, ScenarioPage],
    now: datetime | None = None,
) -> None:
    """Give each learning group that has none yet its lessons, attempts and reflections."""
    now = now or timezone.now()
    lessons = lesson_pages(course)
    plans = {plan.name: plan for plan in COHORTS}
    for cohort in cohorts:
        if has_activity(cohort):
            continue
        emails = [e for e in plans[cohort.name].participants if e in PLANS]
        users = {u.email: u for u in cohort.participants.select_related("profile")}
        _Group(cohort, [users[e] for e in emails if e in users], lessons, scenarios, now).fill()


class _Group:
    """The activity of one learning group, drawn from one seeded generator."""

    def __init__(self, cohort, users, lessons, scenarios, now):
        self.cohort = cohort
        self.users = users
        self.lessons = lessons
        self.pages = scenarios
        self.now = now
        self.rng = random.Random(f"kantelwerk-demo/{cohort.name}")
        start = datetime.combine(cohort.starts_on, datetime.min.time())
        self.start = timezone.make_aware(start)
        self.done: dict[tuple[str, int], datetime] = {}
        self.attempts: dict[tuple[str, str], list[Attempt]] = {}

    def fill(self) -> None:
        self._lesson_progress()
        planned = [p for user in self.users for p in self._plan_attempts(user)]
        for item in sorted(planned, key=lambda p: p.started):
            item.attempt = _play(item)
            self.attempts.setdefault((item.user.email, item.page.slug), []).append(item.attempt)
        self._reflections()

    # ----------------------------------------------------------------- lessons

    def _lesson_progress(self) -> None:
        """Lessons marked done; a lesson with a closing test is done by passing the test."""
        rows, tests = [], []
        for user in self.users:
            previous = self.start
            for number in range(1, PLANS[user.email].lessons + 1):
                opens = self.start + timedelta(days=(number - 1) * DAYS_BETWEEN_LESSONS)
                moment = self._daytime(opens + timedelta(days=self.rng.randint(0, 6)))
                moment = min(max(moment, previous + timedelta(hours=1)), self._latest())
                previous = moment
                self.done[(user.email, number)] = moment
                lesson = self.lessons[LESSONS[number - 1].slug]
                if LESSONS[number - 1].closing_test:
                    tests.append(LessonProgress(user=user, lesson=lesson, done_at=moment))
                else:
                    rows.append(LessonProgress(user=user, lesson=lesson, done_at=moment))
        # done_at is set on insert, so the planned moments go in with a second statement.
        planned = {(row.user_id, row.lesson_id): row.done_at for row in rows + tests}
        LessonProgress.objects.bulk_create(rows)
        for row in tests:
            self._pass_test(row.user, row.lesson, row.done_at)
        created = list(LessonProgress.objects.filter(user__in=self.users))
        for row in created:
            row.done_at = planned[(row.user_id, row.lesson_id)]
        LessonProgress.objects.bulk_update(created, ["done_at"])
        summaries.refresh(user_ids=[user.pk for user in self.users])  # bulk_create: no signals

    def _pass_test(self, user, lesson, moment: datetime) -> None:
        """Pass the closing test through the same functions as the browser, then date it."""
        attempt = closing_test.start_attempt(user, lesson, self.rng)
        right = {q.key: sorted(q.correct_keys) for q in closing_test.questions_of(attempt)}
        closing_test.submit_attempt(user, attempt, right)
        started = moment - timedelta(minutes=self.rng.randint(8, 20))
        ClosingTestAttempt.objects.filter(pk=attempt.pk).update(
            started_at=started, submitted_at=moment
        )

    # ----------------------------------------------------------------- attempts

    def _plan_attempts(self, user) -> list[Planned]:
        plan = PLANS[user.email]
        planned = []
        for name in plan.plays:
            page = self.pages[name]
            scenario = scenario_for_revision(page.live_revision)
            first = self._first_moment(user.email, name)
            first_path = self._route(scenario, user, name, 0, improving=False)
            planned.append(Planned(user, page, first_path, first, self.rng.randint(5, 14)))
            if name in plan.replays:
                later = self._later_moment(user.email, name, first)
                path = self._better_route(scenario, user, name, first_path)
                planned.append(Planned(user, page, path, later, self.rng.randint(4, 11)))
        return planned

    def _first_moment(self, email: str, name: str) -> datetime:
        if (email, name, 0) in DAYS_AGO:
            return self._days_ago(DAYS_AGO[(email, name, 0)])
        number = _lesson_number(name)
        done = self.done.get((email, number))
        if done is not None:
            moment = done + timedelta(minutes=self.rng.randint(4, 40))
        else:
            opens = self.start + timedelta(days=(number - 1) * DAYS_BETWEEN_LESSONS)
            moment = self._daytime(opens + timedelta(days=self.rng.randint(1, 8)))
        return min(moment, self._latest())

    def _later_moment(self, email: str, name: str, first: datetime) -> datetime:
        if (email, name, 1) in DAYS_AGO:
            return self._days_ago(DAYS_AGO[(email, name, 1)])
        moment = self._daytime(first + timedelta(days=self.rng.randint(8, 30)))
        return max(min(moment, self._latest()), first + timedelta(hours=2))

    def _route(self, scenario, user, name: str, number: int, improving: bool) -> engine.Path:
        prefix = ROUTES.get((user.email, name, number), ())
        return sample_route(scenario, self.rng, user.profile.role, improving, prefix)

    def _better_route(self, scenario, user, name: str, first: engine.Path) -> engine.Path:
        """Draw a later route that scores clearly better than the first; else the desired one."""
        if (user.email, name, 1) in ROUTES:
            return self._route(scenario, user, name, 1, improving=True)
        bar = engine.score_path(scenario, first).overall + 10
        for _ in range(40):
            path = sample_route(scenario, self.rng, user.profile.role, improving=True)
            if engine.score_path(scenario, path).overall >= bar:
                return path
        return engine.desired_route(scenario)

    # ----------------------------------------------------------------- reflections

    def _reflections(self) -> None:
        User = get_user_model()
        people = {u.email: u for u in User.objects.filter(email__in=_authors(self.cohort.name))}
        for written in REFLECTIONS.get(self.cohort.name, []):
            reflection, moment = self._reflection(written, people[written.author])
            for reply in written.replies:
                # Reflections are dated at least two hours back, so a reply always follows.
                latest = self.now - timedelta(minutes=10)
                moment = min(moment + timedelta(hours=reply.hours_later), latest)
                answer = ReflectionReply.objects.create(
                    reflection=reflection, author=people[reply.author], body=reply.body
                )
                ReflectionReply.objects.filter(pk=answer.pk).update(created_at=moment)

    def _reflection(self, written: Written, author) -> tuple[Reflection, datetime]:
        visibility = (
            Reflection.Visibility.COHORT if written.shared else Reflection.Visibility.PRIVATE
        )
        if written.scenario:
            attempt = self.attempts[(written.author, written.scenario)][written.attempt]
            moment = attempt.finished_at + timedelta(minutes=self.rng.randint(2, 9))
            lesson = self.lessons[LESSONS[_lesson_number(written.scenario) - 1].slug]
            prompt = AFTER_SCENARIO_PROMPT
        else:
            number = next(i for i, les in enumerate(LESSONS, 1) if les.slug == written.lesson)
            moment = self.done[(written.author, number)] - timedelta(
                minutes=self.rng.randint(3, 20)
            )
            attempt, lesson, prompt = None, self.lessons[written.lesson], LESSONS[number - 1].prompt
        reflection = Reflection.objects.create(
            author=author,
            cohort=self.cohort,
            lesson=lesson,
            prompt=prompt,
            attempt=attempt,
            body=written.body,
            visibility=visibility,
        )
        Reflection.objects.filter(pk=reflection.pk).update(created_at=moment, updated_at=moment)
        return reflection, moment

    # ----------------------------------------------------------------- time

    def _daytime(self, day: datetime) -> datetime:
        """Put a moment on a working hour of its day, so the demo does not learn at night."""
        return day.replace(hour=self.rng.randint(8, 20), minute=self.rng.randint(0, 59))

    def _days_ago(self, days: int) -> datetime:
        return self._daytime(timezone.localtime(self.now) - timedelta(days=days))

    def _latest(self) -> datetime:
        return self.now - timedelta(hours=3)


def _authors(cohort_name: str) -> set[str]:
    written = REFLECTIONS.get(cohort_name, [])
    return {w.author for w in written} | {r.author for w in written for r in w.replies}


def _lesson_number(scenario_name: str) -> int:
    """Return the number of the first lesson that uses the scenario."""
    return next(i for i, lesson in enumerate(LESSONS, 1) if lesson.scenario == scenario_name)


def sample_route(
    scenario: engine.Scenario,
    rng: random.Random,
    role: str,
    improving: bool,
    prefix: tuple[str, ...] = (),
) -> engine.Path:
    """Walk from the start to an ending: first the given choices, then weighted random ones.

    A first try leans to acceptable and less desired choices, a later one to desired ones;
    volunteers lean to choices that involve the resident's network.
    """
    path: engine.Path = []
    node = scenario.node(scenario.start)
    visits = Counter([node.key])
    forced = list(prefix)
    while not node.end:
        if forced:
            key = forced.pop(0)
            choice = node.choice(key)
            if choice is None:
                raise ValueError(f"{scenario.title}: step {node.key!r} has no choice {key!r}")
        else:
            choice = _pick(node, rng, role, improving, visits)
        path.append((node.key, choice.key))
        node = scenario.node(choice.target)
        visits[node.key] += 1
    return path


def _pick(node: engine.Node, rng: random.Random, role: str, improving: bool, visits: Counter):
    weights = [_weight(c, role, improving) * _revisit(visits[c.target]) for c in node.choices]
    if not any(weights):
        weights = [1.0] * len(node.choices)
    return rng.choices(node.choices, weights=weights)[0]


def _weight(choice: engine.Choice, role: str, improving: bool) -> float:
    weight = (LATER_TRY if improving else FIRST_TRY).get(choice.quality, 1.0)
    network = choice.scores.get(NETWORK, 0)
    if network and role in NETWORK_LEAN:
        weight *= NETWORK_LEAN[role][network > 0]
    return weight


def _revisit(times: int) -> float:
    """Make going back to a step already seen rarer, and never a third time."""
    return (1.0, 0.3)[times] if times < 2 else 0.0


def _play(item: Planned) -> Attempt:
    """Play a route through the same functions as the browser, then date it in the past."""
    attempt = start_attempt(item.user, item.page)
    for node_key, choice_key in item.path:
        if attempt.current_node != node_key:
            raise ValueError(f"route left the scenario at {node_key!r}")
        attempt = record_choice(item.user, attempt.pk, attempt.step, choice_key)
    if not attempt.is_finished:
        raise ValueError(f"route on {item.page.slug!r} does not reach an ending")
    finished = item.started + timedelta(minutes=item.minutes)
    Attempt.objects.filter(pk=attempt.pk).update(
        started_at=item.started, updated_at=finished, finished_at=finished
    )
    choices = list(attempt.choices.order_by("step"))
    for number, choice in enumerate(choices, 1):
        choice.created_at = item.started + (finished - item.started) * number / len(choices)
    AttemptChoice.objects.bulk_update(choices, ["created_at"])
    attempt.refresh_from_db()
    return attempt
