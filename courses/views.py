"""Site views of courses: Mijn leren, learning groups, invitations, marking a lesson done.

Course and lesson pages are Wagtail pages; their rules are in models/pages.py and access.py.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.forms import ProfileDetailsForm
from people.models import listed_people
from scenarios.radar import render_radar

from . import joining
from .access import find_membership, get_cohort_for_trainer, get_lesson_for_user, get_membership
from .cohorts import role_mix
from .completion import ClosingTestNotPassed, mark_lesson_done
from .conversations import next_conversations
from .hooks import COHORT_PANEL, MY_LEARNING_PANEL, panels
from .models import Cohort
from .progress import course_progress, finished_scenarios, principle_profile
from .welcome import is_newcomer


@login_required
@require_POST
def lesson_done(request, pk: int):
    lesson = get_lesson_for_user(request.user, pk)
    try:
        mark_lesson_done(request.user, lesson)
    except ClosingTestNotPassed:
        messages.error(request, _("This lesson is done when you have passed its test."))
        return redirect(lesson.url)
    messages.success(request, _("Lesson marked as done."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        target = lesson.url
    return redirect(target)


@login_required
def my_learning(request):
    """The learner's home: their groups and courses, scenarios played, principle profile."""
    user = request.user
    cohorts = list(
        Cohort.objects.filter(participants=user)
        .select_related("course")
        .order_by("-starts_on", "name")
    )
    progress = course_progress(user, {c.course_id: c.course for c in cohorts}.values())
    suggested = next_conversations(user, progress.values())
    profile = principle_profile(user)
    radar = render_radar(
        [(row.name, row.score) for row in profile],
        title=_("Your profile per principle"),
        labels=(_("Average of your attempts"), ""),
    )
    context = {
        "learning": [
            (cohort, progress[cohort.course_id], suggested.get(cohort.course_id))
            for cohort in cohorts
        ],
        "trained": _trained_cohorts(user),
        "scenarios": finished_scenarios(user),
        "profile": profile,
        "radar": radar if profile else "",
        "first_visit": is_newcomer(request),
        "panels": panels(MY_LEARNING_PANEL, request),
    }
    return render(request, "courses/my_learning.html", context)


def _trained_cohorts(user) -> list[Cohort]:
    return list(
        Cohort.objects.filter(trainers=user)
        .select_related("course")
        .annotate(participant_count=Count("participants", distinct=True))
        .order_by("-starts_on", "name")
    )


@login_required
def cohort_detail(request, pk: int):
    membership = get_membership(request.user, pk)
    cohort, is_trainer = membership.cohort, membership.is_trainer
    members = list(
        listed_people(cohort.participants.select_related("profile")).order_by(
            "profile__display_name"
        )
    )
    mix = role_mix(members)
    context = {
        "cohort": cohort,
        "is_trainer": is_trainer,
        "trainers": list(cohort.trainers.select_related("profile")),
        "mix": mix,
        "member_count": len(members),
        "panels": panels(COHORT_PANEL, request, cohort, is_trainer),
    }
    if is_trainer:
        context["invite_url"] = request.build_absolute_uri(cohort.get_invite_url())
    return render(request, "courses/cohort_detail.html", context)


@login_required
@require_POST
def cohort_renew_invite(request, pk: int):
    cohort = get_cohort_for_trainer(request.user, pk)
    cohort.renew_invite_code()
    messages.success(request, _("There is a new invitation link. The old link no longer works."))
    return redirect(cohort)


def join(request, code: str):
    """Show an invitation (GET) and join the group (POST, logged in)."""
    try:
        cohort = joining.cohort_for_invite(code)
    except joining.InviteNotValid as problem:
        status = problem.problem.value
        return render(request, "courses/invite_invalid.html", {"problem": problem}, status=status)
    user = request.user
    if not user.is_authenticated:
        joining.remember_invite(request.session, code)
        return render(request, "courses/invite.html", {"cohort": cohort})
    if find_membership(user, cohort.pk) is not None:
        messages.info(
            request,
            _("You are a member of %(group)s.") % {"group": cohort.name},
        )
        return redirect("my-learning")
    profile = user.profile
    needs_details = not profile.role
    form = ProfileDetailsForm(request.POST or None, instance=profile) if needs_details else None
    if request.method == "POST" and (form is None or form.is_valid()):
        if form is not None:
            form.save()
        joining.join_cohort(user, cohort)
        messages.success(request, _("Welcome to %(group)s.") % {"group": cohort.name})
        return redirect(_first_lesson_url(user, cohort))
    return render(request, "courses/invite.html", {"cohort": cohort, "form": form})


def _first_lesson_url(user, cohort: Cohort) -> str:
    progress = course_progress(user, [cohort.course])[cohort.course_id]
    state = progress.next_lesson or (progress.lessons[0] if progress.lessons else None)
    return state.lesson.url if state else reverse("my-learning")
