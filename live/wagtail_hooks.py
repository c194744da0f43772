"""Where live sessions show up in the course pages, through the hooks courses offer."""

from django.template.loader import render_to_string
from wagtail import hooks

from courses import hooks as course_hooks
from people.hooks import PERSONAL_DATA

from .models import LiveParticipant, LiveSession, LiveVote


@hooks.register(course_hooks.COHORT_PANEL)
def cohort_panel(request, cohort, is_trainer):
    running = [
        session
        for session in cohort.live_sessions.filter(state=LiveSession.State.RUNNING)
        .select_related("scenario")
        .order_by("-created_at")
        if session.is_open
    ]
    if not is_trainer and not running:
        return ""
    context = {"cohort": cohort, "is_trainer": is_trainer, "running": running}
    return render_to_string("live/includes/cohort_panel.html", context, request=request)


@hooks.register(course_hooks.DEBRIEF_PANEL)
def debrief_panel(request, cohort, page, is_trainer):
    sessions = list(
        cohort.live_sessions.filter(scenario_id=page.pk, state=LiveSession.State.FINISHED).order_by(
            "-created_at"
        )
    )
    if not sessions:
        return ""
    return render_to_string(
        "live/includes/debrief_panel.html", {"sessions": sessions}, request=request
    )


@hooks.register(course_hooks.MY_LEARNING_PANEL)
def my_learning_panel(request):
    if not LiveVote.objects.filter(participant__user=request.user).exists():
        return ""
    return render_to_string("live/includes/my_learning_panel.html", {}, request=request)


@hooks.register(course_hooks.LIVE_PRESENCE)
def live_presence(cohort, since, until):
    """Members seen in a live session of the group: when they joined, and each vote."""
    members = {"session__cohort": cohort, "user__isnull": False}
    joined = LiveParticipant.objects.filter(joined_at__range=(since, until), **members)
    votes = LiveVote.objects.filter(
        session__cohort=cohort, participant__user__isnull=False, voted_at__range=(since, until)
    )
    return [
        *joined.values_list("user_id", "joined_at"),
        *votes.values_list("participant__user_id", "voted_at"),
    ]


@hooks.register(PERSONAL_DATA)
def personal_data(user) -> dict:
    """The member's own votes and the sessions they led, for the AVG export."""
    votes = (
        LiveVote.objects.filter(participant__user=user)
        .select_related("session__scenario", "session__cohort")
        .order_by("session__created_at", "step")
    )
    led = LiveSession.objects.filter(trainer=user).select_related("scenario", "cohort")
    return {
        "live_votes": [
            {
                "session": vote.session_id,
                "scenario": vote.session.scenario.title,
                "learning_group": vote.session.cohort.name,
                "step": vote.step,
                "node": vote.node_key,
                "choice": vote.choice_key,
                "at": vote.voted_at.isoformat(),
            }
            for vote in votes
        ],
        "live_sessions_led": [
            {
                "session": session.pk,
                "scenario": session.scenario.title,
                "learning_group": session.cohort.name,
                "started_at": session.created_at.isoformat(),
            }
            for session in led.order_by("created_at")
        ],
    }
