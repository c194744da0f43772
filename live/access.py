"""Who may do what with a live session.

- the trainer who started it controls it (control, projector); another trainer of the group
  gets a 403 that says so, everybody else a 404;
- its record is for the group's members and trainers (members once it has finished), its
  export for the group's trainers;
- a phone is a participant through its own browser session, never through a URL alone.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _

from courses.access import member_cohorts, trained_cohorts

from .models import LiveParticipant, LiveSession

SESSION_KEY = "live_participants"  # {session pk: participant pk} in the browser's session


class NotYourSession(PermissionDenied):
    """Another trainer of the group tries to take control."""


def get_session_for_controller(user, pk: int) -> LiveSession:
    session = LiveSession.objects.select_related("cohort", "revision", "scenario").filter(pk=pk)
    session = session.first()
    if session is None or not user.is_authenticated:
        raise Http404
    if session.trainer_id == user.pk:
        return session
    if trained_cohorts(user).filter(pk=session.cohort_id).exists():
        raise NotYourSession(_("Only the trainer who started this session can control it."))
    raise Http404


def get_session_for_member(user, pk: int) -> LiveSession:
    """The record: the group's trainers, and its members once the session has finished."""
    session = LiveSession.objects.select_related("cohort", "revision", "scenario").filter(pk=pk)
    session = session.first()
    if session is None or not user.is_authenticated:
        raise Http404
    if trained_cohorts(user).filter(pk=session.cohort_id).exists():
        session.viewer_trains = True
        return session
    if session.is_running or not member_cohorts(user).filter(pk=session.cohort_id).exists():
        raise Http404
    session.viewer_trains = False
    return session


def get_session_for_group_trainer(user, pk: int) -> LiveSession:
    session = get_session_for_member(user, pk)
    if not session.viewer_trains:
        raise Http404
    return session


def participant_for(request, session: LiveSession) -> LiveParticipant | None:
    """The participant this browser joined the session as, if any."""
    pk = request.session.get(SESSION_KEY, {}).get(str(session.pk))
    if pk is None:
        return None
    participant = LiveParticipant.objects.filter(pk=pk, session_id=session.pk).first()
    if participant is not None and participant.user_id not in (None, request.user.pk):
        return None  # someone else logged in on this browser since
    return participant


def remember_participant(request, participant: LiveParticipant) -> None:
    joined = dict(request.session.get(SESSION_KEY, {}))
    joined[str(participant.session_id)] = participant.pk
    request.session[SESSION_KEY] = joined


def may_poll(request, session_pk: int, trainer_id: int | None) -> bool:
    """Polling is for the controlling trainer and for phones that joined (no query)."""
    if request.user.is_authenticated and request.user.pk == trainer_id:
        return True
    return str(session_pk) in request.session.get(SESSION_KEY, {})
