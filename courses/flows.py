"""Workflows of courses: marking a lesson done, joining a learning group by invitation.

A lesson is done when its row in LessonProgress exists: the learner marked it done, or
finished the last of its scenarios (``mark_lessons_of_finished_scenario``). Every counter
(the learner's pages, the trainer's, the manager's, exports) counts those rows.
"""

from __future__ import annotations

import enum

from django.db import IntegrityError, transaction

from .access import lessons_using_scenario
from .models import Cohort, LessonPage, LessonProgress
from .progress import finished_scenario_ids, scenario_ids_in

PENDING_INVITE_KEY = "courses_pending_invite"


def mark_lesson_done(user, lesson: LessonPage) -> LessonProgress:
    """Record that the user finished the lesson; marking it again changes nothing."""
    try:
        with transaction.atomic():
            progress, _ = LessonProgress.objects.get_or_create(user=user, lesson=lesson)
    except IntegrityError:
        # A second request (a double click) created the row between our read and write.
        progress = LessonProgress.objects.get(user=user, lesson=lesson)
    return progress


def mark_lessons_of_finished_scenario(user, scenario_page_id: int) -> list[LessonProgress]:
    """Mark done each live lesson holding this scenario whose scenarios the user all finished.

    Called when an attempt finishes (the scenarios app's "attempt finished" hook).
    """
    marked = []
    for lesson in lessons_using_scenario(scenario_page_id):
        wanted = scenario_ids_in(lesson)
        if set(wanted) <= finished_scenario_ids(user, wanted):
            marked.append(mark_lesson_done(user, lesson))
    return marked


class InviteProblem(enum.Enum):
    UNKNOWN = 404  # never existed, or the trainer renewed the link
    EXPIRED = 410


class InviteNotValid(Exception):
    def __init__(self, problem: InviteProblem):
        super().__init__(problem.name)
        self.problem = problem


def cohort_for_invite(code: str) -> Cohort:
    """Return the learning group this invitation code opens, or raise InviteNotValid."""
    cohort = Cohort.objects.select_related("course").filter(invite_code=code).first()
    if cohort is None:
        raise InviteNotValid(InviteProblem.UNKNOWN)
    if not cohort.invite_is_open:
        raise InviteNotValid(InviteProblem.EXPIRED)
    return cohort


def is_member(user, cohort: Cohort) -> bool:
    return (
        cohort.participants.filter(pk=user.pk).exists()
        or cohort.trainers.filter(pk=user.pk).exists()
    )


def join_cohort(user, cohort: Cohort) -> bool:
    """Add the user as a participant; return False when they already belonged to the group."""
    if is_member(user, cohort):
        return False
    cohort.participants.add(user)
    return True


def remember_invite(session, code: str) -> None:
    """Keep the code for a visitor who still has to sign up (see join_after_signup)."""
    session[PENDING_INVITE_KEY] = code


def join_after_signup(request, user, **kwargs) -> Cohort | None:
    """Let a new account join the group whose invitation brought them to sign-up.

    Connected to allauth's ``user_signed_up`` signal.
    """
    code = request.session.pop(PENDING_INVITE_KEY, None) if request is not None else None
    if not code:
        return None
    try:
        cohort = cohort_for_invite(code)
    except InviteNotValid:
        return None
    join_cohort(user, cohort)
    return cohort
