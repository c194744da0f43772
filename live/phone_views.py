"""The phones: enter a code, join (as a member, or as a guest with a first name and a role),
and vote at the current step. Every page lands on the session's current step, so a reload,
a lost connection or a late join needs nothing special."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.models import Role

from . import running
from .access import participant_for, remember_participant
from .presenting import current_step
from .state import PHASE_ONLY, state_of


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code on the screen"),
        max_length=20,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
    )


class GuestForm(forms.Form):
    first_name = forms.CharField(label=gettext_lazy("Your first name"), max_length=30)
    role = forms.ChoiceField(
        label=gettext_lazy("Your role"), choices=Role.choices, widget=forms.RadioSelect
    )


MEMBERS_ONLY_LOG_IN = gettext_lazy(
    "This live session is for the members of the learning group. Log in to take part."
)


def _allowed(request, action: str) -> bool:
    """Count per browser session (made here if there is none yet) and per address."""
    if not request.session.session_key:
        request.session.save()
    address = request.META.get("REMOTE_ADDR", "")
    return running.rate_allowed(action, request.session.session_key) and running.rate_allowed(
        f"{action}-address", address
    )


def _refused(request, refused: running.Refused, template: str = "live/refused.html", **context):
    return render(request, template, {"message": refused.message, **context}, status=refused.status)


def _too_fast(request):
    message = _("You are going very fast. Wait a minute, then try again.")
    return render(request, "live/refused.html", {"message": message}, status=429)


def enter(request):
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not _allowed(request, "join"):
            return _too_fast(request)
        try:
            session = running.session_for_code(form.cleaned_data["code"])
        except running.Refused as refused:
            form.add_error("code", refused.message)
            return render(request, "live/enter.html", {"form": form}, status=refused.status)
        return redirect("live-join", session.code)
    return render(request, "live/enter.html", {"form": form})


def join(request, code: str):
    try:
        session = running.session_for_code(code)
    except running.Refused as refused:
        return _refused(request, refused, "live/enter.html", form=CodeForm())
    if participant_for(request, session) is not None:
        return redirect("live-vote", session.code)
    if request.user.is_authenticated and request.user.pk == session.trainer_id:
        return redirect("live-control", session.pk)
    member = running.is_member(request.user, session)
    guest_form = GuestForm(request.POST or None) if session.allow_guests and not member else None
    if not member and guest_form is None:
        if not request.user.is_authenticated:
            messages.info(request, MEMBERS_ONLY_LOG_IN)
            return redirect_to_login(request.get_full_path())
        refused = running.Refused(_("This session is for the members of the learning group."), 403)
        return _refused(request, refused)
    if request.method == "POST":
        if not _allowed(request, "join"):
            return _too_fast(request)
        try:
            if member:
                participant = running.join_member(session, request.user)
            elif guest_form.is_valid():
                participant = running.join_guest(
                    session, guest_form.cleaned_data["first_name"], guest_form.cleaned_data["role"]
                )
            else:
                participant = None
        except running.Refused as refused:
            return _refused(request, refused)
        if participant is not None:
            remember_participant(request, participant)
            return redirect("live-vote", session.code)
    context = {
        "session": session,
        "member": member,
        "guest_form": guest_form,
        "login_url": f"{reverse('account_login')}?next={request.path}",
    }
    return render(request, "live/join.html", context)


def vote(request, code: str):
    try:
        session = running.session_for_code(code)
    except running.Refused as refused:
        ended = running.ended_session_for_code(code) if request.method == "GET" else None
        if ended is not None and participant_for(request, ended) is not None:
            # The phone of someone who took part follows the session to its end: thank them.
            return render(request, "live/ended.html", {"session": ended})
        return _refused(request, refused, "live/enter.html", form=CodeForm())
    participant = participant_for(request, session)
    if participant is None:
        if session.allow_guests or running.is_member(request.user, session):
            return redirect("live-join", session.code)
        if not request.user.is_authenticated:
            messages.info(request, MEMBERS_ONLY_LOG_IN)
            return redirect_to_login(request.get_full_path())
        refused = running.Refused(_("This session is for the members of the learning group."), 403)
        return _refused(request, refused)
    status = 200
    if request.method == "POST":
        if not _allowed(request, "vote"):
            return _too_fast(request)
        try:
            step = int(request.POST.get("step", ""))
        except ValueError:
            step = -1
        try:
            running.cast_vote(session.pk, participant, step, request.POST.get("choice", ""))
        except running.Refused as refused:
            messages.error(request, refused.message)
            if not isinstance(refused, running.StepMovedOn):
                status = refused.status
            session.refresh_from_db()
            if status == 200:
                return redirect("live-vote", session.code)
        else:
            messages.success(
                request, _("Your vote is in. You can change it until the votes are shown.")
            )
            # Back at the choices: a keyboard user's next Tab reaches them, not the header.
            return redirect(reverse("live-vote", args=[session.code]) + "#keuzes")
    my_vote = participant.votes.filter(step=session.step).values_list("choice_key", flat=True)
    context = {
        "session": session,
        "participant": participant,
        "step": current_step(session, with_tally=False),
        "my_vote": next(iter(my_vote), ""),
        "scenario": running.scenario_of(session),
        "state_url": reverse("live-state", args=[session.pk]) + f"?scope={PHASE_ONLY}",
        "phase": state_of(session.pk)["phase"],
    }
    return render(request, "live/vote.html", context, status=status)
