"""Playing a scenario: start an attempt, record a choice, finish and score."""

from __future__ import annotations

import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import Subquery
from django.utils import timezone
from wagtail import hooks

from people.prepared import prepared

from . import engine
from .access import attempts_with_revision
from .graph import scenario_for_revision, score_for_revision
from .hooks import ATTEMPT_FINISHED
from .models import Attempt, AttemptChoice, PrincipleScore, ScenarioPage


class NotPlayable(Exception):
    """The scenario has no live version to play."""


class StaleStep(Exception):
    """The posted step is not the attempt's current step: nothing was changed."""

    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.pk} is at step {attempt.step}")
        self.attempt = attempt


class ChoiceNotAllowed(Exception):
    """The posted choice does not belong to the attempt's current step: nothing was changed."""

    def __init__(self, attempt: Attempt):
        super().__init__(f"attempt {attempt.pk} offers no such choice at step {attempt.step}")
        self.attempt = attempt


def start_attempt(user, page: ScenarioPage) -> Attempt:
    """Return the user's running attempt on this page, or start one on the live revision.

    Resuming a running attempt means a double click never starts two.
    """
    if not page.live or page.live_revision_id is None:
        raise NotPlayable
    running = (
        Attempt.objects.filter(user=user, page=page, status=Attempt.Status.PLAYING)
        .order_by("-started_at")
        .first()
    )
    if running is not None:
        return running
    scenario = scenario_for_revision(page.live_revision)
    role = getattr(getattr(user, "profile", None), "role", "")
    try:
        with transaction.atomic():
            return Attempt.objects.create(
                user=user,
                page=page,
                revision=page.live_revision,
                role=role,
                current_node=scenario.start,
            )
    except IntegrityError:
        # A parallel request started it first; the database allows one running attempt.
        return Attempt.objects.get(user=user, page=page, status=Attempt.Status.PLAYING)


def step_allowed(attempt_pk: int) -> bool:
    """Count a step on this attempt; False when it has taken too many in the current window.

    People read before they choose, so a dozen steps in a few seconds is already a script;
    the limit stops a loop being replayed hundreds of times a second to fill the database.
    The count lives in the shared cache, so it holds across worker processes.
    """
    steps, seconds = settings.SCENARIO_STEP_LIMIT
    window = int(time.time() // seconds)
    key = f"scenario-steps:{attempt_pk}:{window}"
    cache.add(key, 0, timeout=2 * seconds)
    try:
        return cache.incr(key) <= steps
    except ValueError:  # the entry expired between add and incr
        return True


@prepared
def _attempt_to_play(pk: int, user_id: int):
    """The player's attempt, locked until the step's transaction ends."""
    return attempts_with_revision().select_for_update(of=("self",)).filter(pk=pk, user_id=user_id)


def record_choice(user, attempt_pk: int, step: int, choice_key: str) -> Attempt:
    """Take one step: save the choice and move on, in one transaction.

    Raises StaleStep when ``step`` is not the current one (a second tab, the back button,
    a double click) and ChoiceNotAllowed when the choice is not offered at this step.
    """
    try:
        with transaction.atomic():
            found = _attempt_to_play(pk=attempt_pk, user_id=user.pk)
            if not found:
                raise Attempt.DoesNotExist
            attempt = found[0]
            if attempt.is_finished or attempt.step != step:
                raise StaleStep(attempt)
            _advance(attempt, choice_key)
            return attempt
    except IntegrityError:
        # Another request recorded this step between our read and write.
        raise StaleStep(Attempt.objects.get(pk=attempt_pk)) from None


def _advance(attempt: Attempt, choice_key: str) -> None:
    scenario = scenario_for_revision(attempt.revision)
    node = scenario.node(attempt.current_node)
    choice = node.choice(choice_key) if node else None
    if choice is None:
        raise ChoiceNotAllowed(attempt)
    attempt.step += 1
    AttemptChoice.objects.create(
        attempt=attempt,
        step=attempt.step,
        node_key=node.key,
        choice_key=choice.key,
        quality=choice.quality,
    )
    attempt.current_node = choice.target
    fields = ["step", "current_node", "updated_at"]
    if scenario.node(choice.target).end:
        _finish(attempt)
        fields += ["status", "overall", "scoring_version", "finished_at"]
    attempt.save(update_fields=fields)
    if attempt.is_finished:
        # Apps higher up (courses) act on a finished attempt without scenarios knowing
        # them: a hook ``fn(attempt)``, run inside the step's transaction once it is saved.
        for hook in hooks.get_hooks(ATTEMPT_FINISHED):
            hook(attempt)


def _finish(attempt: Attempt) -> None:
    result = score_for_revision(attempt.revision, path_of(attempt))
    attempt.status = Attempt.Status.FINISHED
    attempt.overall = result.overall
    attempt.scoring_version = engine.SCORING_VERSION
    attempt.finished_at = timezone.now()
    PrincipleScore.objects.bulk_create(score_rows(attempt, result))


def score_rows(attempt: Attempt, result: engine.Result) -> list[PrincipleScore]:
    """One row per principle the attempt practised; "niet geoefend" has no row."""
    return [
        PrincipleScore(
            attempt=attempt, principle=slug, score=score, practised=result.practised[slug]
        )
        for slug, score in result.practised_scores.items()
    ]


@prepared
def _path(attempt_id: int):
    choices = AttemptChoice.objects.filter(attempt_id=attempt_id).order_by("step")
    return choices.values_list("node_key", "choice_key")


def path_of(attempt: Attempt) -> list[tuple[str, str]]:
    """The (node, choice) pairs the attempt took, in order."""
    return _path(attempt_id=attempt.pk)


@dataclass(frozen=True)
class TakenChoice:
    step: int
    node: engine.Node
    choice: engine.Choice
    better: engine.Choice | None = None  # the most desired alternative, where there was one


def taken_choices(scenario: engine.Scenario, path: list[tuple[str, str]]) -> list[TakenChoice]:
    """Pair each (node, choice) of a path with its texts and the better alternative, if any."""
    taken = []
    for number, (node_key, choice_key) in enumerate(path, start=1):
        node = scenario.node(node_key)
        choice = node.choice(choice_key)
        better = engine.better_alternative(scenario, node, choice)
        taken.append(TakenChoice(step=number, node=node, choice=choice, better=better))
    return taken


@prepared
def _finished_before(attempt_id: int, user_id: int, page_id: int):
    started = Attempt.objects.filter(pk=attempt_id).values("started_at")
    return (
        attempts_with_revision()
        .filter(
            user_id=user_id,
            page_id=page_id,
            status=Attempt.Status.FINISHED,
            started_at__lt=Subquery(started),
        )
        .order_by("-started_at", "-pk")[:1]
    )


def previous_finished(attempt: Attempt) -> Attempt | None:
    """Return the same player's finished attempt on this scenario just before this one."""
    if attempt.user_id is None:  # the player's account is gone
        return None
    found = _finished_before(
        attempt_id=attempt.pk, user_id=attempt.user_id, page_id=attempt.page_id
    )
    return found[0] if found else None
