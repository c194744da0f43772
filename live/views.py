"""The trainer's side of a live session: start it, control it, show it on the projector,
and the state endpoint every screen polls."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, HttpResponseNotModified, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from courses.access import get_cohort_for_trainer
from courses.debrief import course_scenario_ids
from scenarios.models import ScenarioPage

from . import running
from .access import NotYourSession, get_session_for_controller, may_poll
from .presenting import current_step, qr_data_uri
from .state import PHASE_ONLY, phase_state, public_state, state_of


class StartForm(forms.Form):
    scenario = forms.ModelChoiceField(
        label=gettext_lazy("Scenario"), queryset=ScenarioPage.objects.none(), empty_label=None
    )
    allow_guests = forms.BooleanField(
        label=gettext_lazy("Guests may join (first name and role only)"), required=False
    )

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        ids = course_scenario_ids(cohort.course)
        self.fields["scenario"].queryset = (
            ScenarioPage.objects.live().filter(pk__in=ids).select_related("live_revision")
        )


@login_required
def start(request, pk: int):
    cohort = get_cohort_for_trainer(request.user, pk)
    form = StartForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        try:
            session = running.start_session(
                request.user,
                cohort,
                form.cleaned_data["scenario"],
                allow_guests=form.cleaned_data["allow_guests"],
            )
        except running.AlreadyRunning as refused:
            if refused.session.trainer_id == request.user.pk:
                messages.info(
                    request, _("This group's live session is running already: here it is.")
                )
                return redirect("live-control", refused.session.pk)
            messages.error(request, refused.message)
        except running.Refused as refused:
            messages.error(request, refused.message)
        else:
            return redirect("live-control", session.pk)
    sessions = cohort.live_sessions.select_related("scenario").order_by("-created_at")[:20]
    return render(
        request, "live/start.html", {"cohort": cohort, "form": form, "sessions": sessions}
    )


def _controller_or_refusal(request, pk: int):
    try:
        return get_session_for_controller(request.user, pk), None
    except NotYourSession as refused:
        context = {"message": str(refused)}
        return None, render(request, "live/refused.html", context, status=403)


def _join_url(request, session) -> str:
    return request.build_absolute_uri(reverse("live-join", args=[session.code]))


def _screen_context(request, session) -> dict:
    step = current_step(session, with_tally=session.revealed)
    state = state_of(session.pk)
    return {
        "session": session,
        "step": step,
        "scenario": running.scenario_of(session),
        "join_url": _join_url(request, session),
        "enter_url": request.build_absolute_uri(reverse("live-enter")),
        "state_url": reverse("live-state", args=[session.pk]),
        # From the polled state (mostly cached), so the page and its first poll agree.
        "phase": state["phase"],
        "joined": state["joined"],
    }


@login_required
def control(request, pk: int):
    session, refusal = _controller_or_refusal(request, pk)
    if refusal:
        return refusal
    if request.method == "POST":
        _act(request, session)
        session.refresh_from_db(fields=["state"])
        if not session.is_running:
            return redirect("live-record", session.pk)
        return redirect("live-control", session.pk)
    context = _screen_context(request, session)
    context["qr"] = qr_data_uri(context["join_url"]) if session.is_running else ""
    return render(request, "live/control.html", context)


def _act(request, session) -> None:
    action = request.POST.get("action", "")
    try:
        if action in ("reveal", "follow", "next"):
            running.expect_step(session, request.POST.get("step", ""))
        if action == "reveal":
            running.reveal(session)
        elif action == "follow":
            running.follow(session, request.POST.get("choice", ""))
        elif action == "next":
            running.next_step(session)
        elif action == "finish":
            running.finish(session)
            messages.success(request, _("The session has finished. This is its record."))
        else:
            messages.error(request, _("Unknown action."))
    except running.Refused as refused:
        messages.error(request, refused.message)


@login_required
def projector(request, pk: int):
    session, refusal = _controller_or_refusal(request, pk)
    if refusal:
        return refusal
    context = _screen_context(request, session)
    context["qr"] = qr_data_uri(context["join_url"]) if session.is_running else ""
    return render(request, "live/projector.html", context)


@require_GET
def state(request, pk: int):
    """The poll: JSON with a version; 304 while the ETag the screen sends is still current."""
    data = state_of(pk)
    if data is None or not may_poll(request, pk, data["trainer_id"]):
        raise Http404
    if request.GET.get("scope") == PHASE_ONLY:
        # Phones show no counts: they need to hear only of a new phase, not of every vote.
        etag, body = f'"live-{pk}-phase-{data["phase"]}"', phase_state(data)
    else:
        etag, body = f'"live-{pk}-{data["version"]}"', public_state(data)
    if etag in request.headers.get("If-None-Match", ""):
        response: HttpResponse = HttpResponseNotModified()
    else:
        response = JsonResponse(body)
    response["ETag"] = etag
    response["Cache-Control"] = "private, no-cache"
    return response
