"""The learner's closing test: start an attempt, answer it, see what was wrong.

An attempt is its learner's alone: anyone else gets a 404, trainers and managers too.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import get_cohort_for_trainer, get_course_for_lesson, get_lesson_for_user
from ..models import LessonPage, Participation
from . import attempts
from .attempts import (
    AlreadyPassed,
    AlreadySubmitted,
    NoAttemptsLeft,
    NoTest,
    grade_of,
    questions_of,
    start_attempt,
    state_of,
    submit_attempt,
)
from .models import ClosingTestAttempt
from .reading import closing_test_in
from .rules import Problem, read_answers

FIELD_PREFIX = "q-"


@login_required
@require_POST
def test_start(request, lesson_pk: int):
    lesson = get_lesson_for_user(request.user, lesson_pk)
    try:
        attempt = start_attempt(request.user, lesson)
    except NoTest:
        messages.error(request, _("This lesson has no test (any more)."))
        return redirect(lesson.url)
    except AlreadyPassed:
        messages.info(request, _("You have already passed this test."))
        return redirect(lesson.url)
    except NoAttemptsLeft:
        messages.error(
            request,
            _("You have used all your attempts at this test.")
            + " "
            + _("Your trainer can give you one more attempt."),
        )
        return redirect(lesson.url)
    return redirect("closing-test-attempt", attempt.pk)


def _own_attempt(user, pk: int) -> ClosingTestAttempt:
    attempt = ClosingTestAttempt.objects.filter(pk=pk, user_id=user.pk).first()
    if attempt is None:
        raise Http404
    return attempt


@login_required
def test_attempt(request, pk: int):
    """An open attempt shows its questions; a handed-in one shows how it went."""
    attempt = _own_attempt(request.user, pk)
    lesson = get_lesson_for_user(request.user, attempt.lesson_id)
    course = get_course_for_lesson(request.user, lesson)
    questions = questions_of(attempt)
    chosen: dict[str, list[str]] = {}
    problems: list[Problem] = []
    status = 200
    if request.method == "POST":
        if attempt.submitted:
            return _handed_in_before(request, attempt)
        sent = {
            key[len(FIELD_PREFIX) :]: request.POST.getlist(key)
            for key in request.POST
            if key.startswith(FIELD_PREFIX)
        }
        read = read_answers(questions, sent)
        if not read.problems:
            try:
                submit_attempt(request.user, attempt, read.answers)
            except AlreadySubmitted:
                return _handed_in_before(request, attempt)
            return redirect("closing-test-attempt", attempt.pk)
        chosen, problems, status = read.answers, read.problems, 400
    test = closing_test_in(lesson)
    context = {
        "attempt": attempt,
        "lesson": lesson,
        "course": course,
        "state": state_of(request.user, lesson, test) if test else None,
        "problems": [problem.value for problem in problems],
        "unanswered": set(read.unanswered) if problems else set(),
    }
    if attempt.submitted:
        context["grade"] = grade_of(attempt)
    else:
        context["questions"] = [
            (number, question, set(chosen.get(question.key, [])))
            for number, question in enumerate(questions, start=1)
        ]
    return render(request, "courses/closing_test/attempt.html", context, status=status)


def _handed_in_before(request, attempt: ClosingTestAttempt):
    messages.warning(
        request,
        _(
            "You had already handed in this attempt, perhaps in another tab. "
            "The answers below are the ones that count."
        ),
    )
    return redirect("closing-test-attempt", attempt.pk)


@login_required
@require_POST
def grant_extra_attempt(request, pk: int, lesson_pk: int, user_pk: int):
    """A trainer of the group gives a member who used every attempt one more."""
    cohort = get_cohort_for_trainer(request.user, pk)
    member = cohort.participants.filter(pk=user_pk).select_related("profile").first()
    lesson = LessonPage.objects.live().child_of(cohort.course).filter(pk=lesson_pk).first()
    test = closing_test_in(lesson) if lesson is not None else None
    if member is None or test is None:
        raise Http404
    back = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(back, {request.get_host()}, request.is_secure()):
        back = cohort.get_absolute_url()
    name = member.profile.display_name or member.email
    with transaction.atomic():
        # One grant per used-up test: a double click finds an attempt left and adds none.
        Participation.objects.select_for_update().filter(cohort=cohort, user=member).first()
        state = state_of(member, lesson, test)
        if state.passed or state.remaining > 0 or state.open_attempt is not None:
            messages.info(request, _("%(name)s can still take the test.") % {"name": name})
            return redirect(back)
        attempts.grant_extra_attempt(member, lesson, request.user)
    messages.success(request, _("%(name)s may take the test once more.") % {"name": name})
    return redirect(back)
