from functools import cached_property

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import playing
from .access import get_attempt_for_player, get_attempt_for_viewer, may_play, may_view_attempt
from .engine import SCORING_VERSION
from .graph import scenario_for_revision
from .hooks import result_panels
from .models import Attempt, ScenarioPage
from .principle_cache import principles_stamp
from .results import attempt_result, desired_route, radar_svg, with_previous
from .revision_cache import revision_stamp


def _playable_page(user, page_pk: int) -> ScenarioPage:
    page = get_object_or_404(ScenarioPage.objects.live().defer("graph"), pk=page_pk)
    if not may_play(user, page):
        raise Http404
    return page


@login_required
@require_POST
def start(request, page_pk: int):
    page = _playable_page(request.user, page_pk)
    attempt = playing.start_attempt(request.user, page)
    return redirect("attempt-play", attempt.pk)


@login_required
def play(request, pk: int):
    """Show the current step (GET) or take a step (POST)."""
    if request.method == "POST":
        return _take_step(request, pk)
    attempt = get_attempt_for_player(request.user, pk)
    if attempt.is_finished:
        return redirect("attempt-result", attempt.pk)
    return _render_step(request, attempt)


def _take_step(request, pk: int):
    """Record the choice; the attempt is read (and locked) only inside the step's transaction."""
    try:
        step = int(request.POST.get("step", ""))
    except ValueError:
        attempt = get_attempt_for_player(request.user, pk)
        return _render_step(
            request, attempt, _("This form is incomplete. Please choose again."), 400
        )
    if not playing.step_allowed(pk):
        attempt = get_attempt_for_player(request.user, pk)
        message = _("You are choosing very quickly. Wait a moment, then choose again.")
        return _render_step(request, attempt, message, 429)
    try:
        attempt = playing.record_choice(request.user, pk, step, request.POST.get("choice", ""))
    except Attempt.DoesNotExist:
        raise Http404 from None
    except playing.StaleStep as stale:
        message = _(
            "This choice had already been processed, for example in another tab. "
            "You continue where you are now."
        )
        if stale.attempt.is_finished:
            messages.info(request, message)
            return redirect("attempt-result", stale.attempt.pk)
        return _render_step(request, stale.attempt, message, 409)
    except playing.ChoiceNotAllowed as refused:
        message = _("That choice does not belong to this step.")
        return _render_step(request, refused.attempt, message, 400)
    return redirect("attempt-feedback", attempt.pk, attempt.step)


def _render_step(request, attempt: Attempt, error: str = "", status: int = 200):
    scenario = scenario_for_revision(attempt.revision)
    node = scenario.node(attempt.current_node)
    choices = attempt.shown_choices(node)
    context = {
        "attempt": attempt,
        "scenario": scenario,
        "node": node,
        "choices": choices,
        "earlier": attempt.last_exchange(scenario) if attempt.step else None,
        "error": error,
        # The node's texts and buttons are kept per revision (scenarios/revision_cache.py);
        # the order of the buttons is this attempt's own, so it is part of the key.
        "revision_stamp": revision_stamp(attempt.revision),
        "choice_order": ",".join(choice.key for choice in choices),
    }
    return render(request, "scenarios/attempt_step.html", context, status=status)


@login_required
def feedback(request, pk: int, step: int):
    """Show the quality and feedback of the choice made at ``step``, then 'Verder'."""
    attempt = get_attempt_for_player(request.user, pk)
    chosen = attempt.choices.filter(step=step).first()
    if chosen is None:
        raise Http404
    scenario = scenario_for_revision(attempt.revision)
    node = scenario.node(chosen.node_key)
    context = {
        "attempt": attempt,
        "scenario": scenario,
        "node": node,
        "choice": node.choice(chosen.choice_key),
        "step": step,
        "is_last": attempt.is_finished and step == attempt.step,
    }
    return render(request, "scenarios/attempt_feedback.html", context)


class _FinishedOutcome:
    """A finished attempt's scores, route and desired route, worked out only when the page's
    kept fragments for this attempt are missing (they never change once it is over)."""

    def __init__(self, attempt: Attempt):
        self.attempt = attempt

    @cached_property
    def outcome(self):
        return attempt_result(self.attempt)

    @cached_property
    def radar(self) -> str:
        return radar_svg(self.outcome.rows)

    @cached_property
    def desired(self):
        return desired_route(self.attempt)

    @cached_property
    def took_desired_route(self) -> bool:
        return self.desired == self.outcome.route


@login_required
def result(request, pk: int):
    attempt = get_attempt_for_viewer(request.user, pk)
    if not attempt.is_finished:
        if attempt.user_id == request.user.pk:
            return redirect("attempt-play", attempt.pk)
        raise Http404
    context = {
        "attempt": attempt,
        "scenario": scenario_for_revision(attempt.revision),
        "finished": _FinishedOutcome(attempt),
        "previous": playing.previous_finished(attempt),
        "is_player": attempt.user_id == request.user.pk,
        "panels": result_panels(request, attempt),
        # The scores and routes are kept per finished attempt (scenarios/revision_cache.py):
        # nothing in them changes once the attempt is over.
        "revision_stamp": revision_stamp(attempt.revision),
        "principles_stamp": principles_stamp(),
        "scoring_version": SCORING_VERSION,
    }
    return render(request, "scenarios/attempt_result.html", context)


@login_required
def compare(request, pk: int):
    """Put an attempt beside the same player's previous finished attempt."""
    attempt = get_attempt_for_viewer(request.user, pk)
    previous = playing.previous_finished(attempt) if attempt.is_finished else None
    # The earlier attempt is checked on its own: a trainer may see this one and not that one
    # (played before the participant joined the group).
    if previous is None or not may_view_attempt(request.user, previous):
        raise Http404
    current, before = attempt_result(attempt), attempt_result(previous)
    rows = with_previous(current.rows, before)
    context = {
        "attempt": attempt,
        "current": current,
        "before": before,
        "rows": rows,
        "radar": radar_svg(rows, compare=True),
        "result_url": reverse("attempt-result", args=[attempt.pk]),
    }
    return render(request, "scenarios/attempt_compare.html", context)
