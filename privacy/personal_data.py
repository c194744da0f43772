"""A person's rights under the AVG (GDPR): see all their data, and have it erased.

This lives in the project package because a person's data spans every app.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from importlib import import_module

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.models import EditingSession, FormState
from wagtail.models import (
    Comment,
    CommentReply,
    ModelLogEntry,
    Page,
    PageLogEntry,
    PageSubscription,
    Revision,
)
from wagtail.users.models import UserProfile

from courses.models import (
    ClosingTestAttempt,
    Cohort,
    ExtraTestAttempt,
    LessonProgress,
    Participation,
    Reflection,
    ReflectionReply,
)
from people.hooks import ERASE_PERSONAL_DATA, PERSONAL_DATA
from people.models import MembershipRequest
from scenarios.models import Attempt

ANONYMOUS_NAME = "Verwijderde deelnemer"

# Apps above privacy (which privacy does not import) export and erase their data through the
# Wagtail hooks named in people/hooks.py: PERSONAL_DATA and ERASE_PERSONAL_DATA.

# Every relation to the user model ("app.Model.field", where the field is defined), and where
# the export holds it. tests/site/test_privacy.py walks the models: a new model with a user
# foreign key fails until it is listed here or in NOT_EXPORTED, with a reason.
EXPORTED = {
    "people.Profile.user": "profile",
    "people.Organisation.administrators": "profile",
    "people.MembershipRequest.user": "membership_requests",
    "people.MembershipRequest.decided_by": "membership_decisions",
    "account.EmailAddress.user": "email_addresses",
    "mfa.Authenticator.user": "account",
    "courses.Cohort.trainers": "learning_groups",
    "courses.Cohort.participants": "learning_groups",
    "courses.Participation.user": "learning_groups",
    "courses.LessonProgress.user": "lessons_done",
    "courses.Reflection.author": "reflections",
    "courses.ReflectionReply.author": "replies_written",
    "courses.ClosingTestAttempt.user": "closing_tests",
    "courses.ExtraTestAttempt.user": "closing_tests",
    "courses.ExtraTestAttempt.granted_by": "extra_test_attempts_granted",
    "scenarios.Attempt.user": "attempts",
    "accreditation.RegisterNumber.user": "register_numbers",
    "accreditation.Certificate.user": "certificates",
    "accreditation.Certificate.revoked_by": "certificates_revoked",
    "accreditation.MeetingAttendance.user": "meetings_attended",
    "accreditation.MeetingAttendance.marked_by": "attendance_marked",
    "accreditation.PeOnlineRow.user": "pe_online_reports",
    "accreditation.PeOnlineBatch.created_by": "pe_online_batches_sent",
    "wagtailcore.Revision.user": "revisions",
    "wagtailcore.ModelLogEntry.user": "log_entries",
    "wagtailcore.PageLogEntry.user": "log_entries",
    "wagtailcore.Page.owner": "pages_created",
    "wagtailcore.Comment.user": "editor_comments",
    "wagtailcore.CommentReply.user": "editor_comments",
    # Answered by live/wagtail_hooks.py through the PERSONAL_DATA hook.
    "live.LiveParticipant.user": "live_votes",
    "live.LiveSession.trainer": "live_sessions_led",
}
NOT_EXPORTED = {
    "wagtailcore.Page.locked_by": "A temporary edit lock, no content; deletion lifts it.",
    "wagtailcore.Comment.resolved_by": "Marks another person's comment as resolved.",
    "wagtailcore.PageSubscription.user": "A notification switch; deletion removes it.",
    "wagtailcore.WorkflowState.requested_by": "Part of a page's review history, no content.",
    "wagtailcore.TaskState.finished_by": "Part of a page's review history, no content.",
    "wagtailcore.APIToken.user": "Kantelwerk has no API; no token is ever made.",
    "wagtailcore.UploadedFile.uploaded_by_user": "A temporary upload, gone within the hour.",
    "wagtailadmin.EditingSession.user": "Who has a page open right now; deletion removes it.",
    "wagtailadmin.FormState.user": "Unsaved editor form state; deletion removes it.",
    "wagtailusers.UserProfile.user": "Admin notification and display settings; deleted.",
    "wagtailimages.Image.uploaded_by_user": "Course material, not about the person.",
    "wagtaildocs.Document.uploaded_by_user": "Course material, not about the person.",
    "dashboards.MemberCourseSummary.user": "A count of the lessons done (exported), per course, "
    "kept only to sort the team overview; it follows the lessons done.",
    "dashboards.MemberSummary.user": "The same count for all courses together; it follows the "
    "lessons done.",
}


def export_user_data(user) -> dict:
    """Return everything Kantelwerk stores about ``user``, as plain JSON-ready data."""
    profile = user.profile
    return {
        "exported_at": timezone.now().isoformat(),
        "account": {
            "email": user.email,
            "date_joined": user.date_joined.isoformat(),
            "last_login": user.last_login.isoformat() if user.last_login else None,
            "two_factor_methods": list(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            ),
            "roles": list(user.groups.order_by("name").values_list("name", flat=True)),
            "open_sessions": len(list(session_keys_of(user))),
        },
        "email_addresses": [
            {"email": address.email, "primary": address.primary, "verified": address.verified}
            for address in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "consents": {"share_scores_with_manager": profile.share_scores_with_manager},
        "profile": {
            "name": profile.display_name,
            "role": profile.role,
            "discipline": profile.discipline,
            "organisation": str(profile.organisation or ""),
            "teams": [str(team) for team in profile.teams.all()],
            "manages_teams": [str(team) for team in profile.managed_teams.all()],
            "administers_organisations": [
                str(organisation) for organisation in user.administered_organisations.all()
            ],
            "share_scores_with_manager": profile.share_scores_with_manager,
        },
        "membership_requests": [
            {
                "organisation": str(request.organisation),
                "status": request.status,
                "asked_at": request.created_at.isoformat(),
            }
            for request in MembershipRequest.objects.filter(user=user).select_related(
                "organisation"
            )
        ],
        "membership_decisions": [
            {"organisation": str(request.organisation), "status": request.status}
            for request in MembershipRequest.objects.filter(decided_by=user).select_related(
                "organisation"
            )
        ],
        "learning_groups": _cohorts(user),
        "lessons_done": [
            {"lesson": progress.lesson.title, "done_at": progress.done_at.isoformat()}
            for progress in LessonProgress.objects.filter(user=user).select_related("lesson")
        ],
        "attempts": _attempts(user),
        "closing_tests": _closing_tests(user),
        "extra_test_attempts_granted": [
            {"lesson": extra.lesson.title, "at": extra.granted_at.isoformat()}
            for extra in ExtraTestAttempt.objects.filter(granted_by=user).select_related("lesson")
        ],
        "reflections": _reflections(user),
        "replies_written": [
            {
                "reflection": reply.reflection_id,
                "body": reply.body,
                "at": reply.created_at.isoformat(),
            }
            for reply in ReflectionReply.objects.filter(author=user)
        ],
        **_staff_work(user),
        **_from_hooks(user),
    }


def _from_hooks(user) -> dict:
    """Sections from apps that privacy does not import (see ``people.hooks``)."""
    sections: dict = {}
    for section in hooks.get_hooks(PERSONAL_DATA):
        sections.update(section(user))
    return sections


def _staff_work(user) -> dict:
    """What a trainer or editor did in the admin: revisions, log entries, pages, comments."""
    return {
        "revisions": [
            {"of": revision.object_str, "at": revision.created_at.isoformat()}
            for revision in Revision.objects.filter(user=user).order_by("created_at")
        ],
        "log_entries": [
            {"action": entry.action, "of": entry.label, "at": entry.timestamp.isoformat()}
            for model in (PageLogEntry, ModelLogEntry)
            for entry in model.objects.filter(user=user).order_by("timestamp")
        ],
        "pages_created": list(
            Page.objects.filter(owner=user).order_by("path").values_list("title", flat=True)
        ),
        "editor_comments": [
            {"text": comment.text, "at": comment.created_at.isoformat()}
            for model in (Comment, CommentReply)
            for comment in model.objects.filter(user=user).order_by("created_at")
        ],
    }


def session_keys_of(user) -> Iterator[str]:
    """Keys of the user's unexpired sessions (Django keeps no index of sessions by user)."""
    sessions = Session.objects.filter(expire_date__gt=timezone.now()).iterator()
    for session in sessions:
        if session.get_decoded().get(SESSION_KEY) == str(user.pk):
            yield session.session_key


def end_sessions(user) -> None:
    """Log the user out everywhere, from the cache as well when sessions are cached."""
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in list(session_keys_of(user)):
        store(session_key=key).delete()


def _cohorts(user) -> list[dict]:
    cohorts = Cohort.objects.filter(Q(participants=user) | Q(trainers=user)).distinct()
    trained = set(user.trained_cohorts.values_list("pk", flat=True))
    joined = dict(Participation.objects.filter(user=user).values_list("cohort_id", "joined_at"))
    return [
        {
            "name": cohort.name,
            "course": cohort.course.title,
            "as": "trainer" if cohort.pk in trained else "participant",
            "joined_at": joined[cohort.pk].isoformat() if cohort.pk in joined else None,
        }
        for cohort in cohorts.select_related("course")
    ]


def _attempts(user) -> list[dict]:
    attempts = (
        Attempt.objects.filter(user=user)
        .select_related("page")
        .prefetch_related("choices", "principle_scores")
        .order_by("started_at")
    )
    return [
        {
            "scenario": attempt.page.title,
            "started_at": attempt.started_at.isoformat(),
            "finished_at": attempt.finished_at.isoformat() if attempt.finished_at else None,
            "status": attempt.status,
            "overall": attempt.overall,
            "choices": [
                {
                    "step": choice.step,
                    "node": choice.node_key,
                    "choice": choice.choice_key,
                    "quality": choice.quality,
                    "at": choice.created_at.isoformat(),
                }
                for choice in attempt.choices.all()
            ],
            "scores": {score.principle: score.score for score in attempt.principle_scores.all()},
        }
        for attempt in attempts
    ]


def _closing_tests(user) -> list[dict]:
    """Every attempt at a closing test: the questions as shown, the answers, the result."""
    attempts = ClosingTestAttempt.objects.filter(user=user).select_related("lesson")
    extra = ExtraTestAttempt.objects.filter(user=user).select_related("lesson")
    return [
        {
            "lesson": attempt.lesson.title,
            "attempt": attempt.number,
            "started_at": attempt.started_at.isoformat(),
            "submitted_at": attempt.submitted_at.isoformat() if attempt.submitted_at else None,
            "questions": attempt.questions,
            "answers": attempt.answers,
            "right": attempt.correct,
            "pass_mark": attempt.pass_mark,
            "passed": attempt.passed,
        }
        for attempt in attempts.order_by("lesson_id", "number")
    ] + [
        {"lesson": grant.lesson.title, "extra_attempt_granted_at": grant.granted_at.isoformat()}
        for grant in extra.order_by("granted_at")
    ]


def _reflections(user) -> list[dict]:
    reflections = (
        Reflection.objects.filter(author=user)
        .select_related("cohort")
        .prefetch_related("replies__author__profile")
    )
    return [
        {
            "learning_group": reflection.cohort.name,
            "prompt": reflection.prompt,
            "body": reflection.body,
            "visibility": reflection.visibility,
            "hidden": reflection.hidden,
            "written_at": reflection.created_at.isoformat(),
            "replies": [
                {
                    "by": reply.author.profile.display_name,
                    "body": reply.body,
                    "at": reply.created_at.isoformat(),
                }
                for reply in reflection.replies.all()
            ],
        }
        for reflection in reflections
    ]


@transaction.atomic
def anonymise_account(user) -> None:
    """Erase what identifies ``user``; keep anonymous attempts so group figures stay right.

    Reflections, replies and closing test answers are deleted. Attempts, choices, scores and
    completed lessons stay, no longer linked to a name or email, with the role and team
    membership that group and team aggregates count. The account can no longer log in.
    """
    Reflection.objects.filter(author=user).delete()
    ReflectionReply.objects.filter(author=user).delete()
    ClosingTestAttempt.objects.filter(user=user).delete()
    ExtraTestAttempt.objects.filter(user=user).delete()
    ExtraTestAttempt.objects.filter(granted_by=user).update(granted_by=None)
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    MembershipRequest.objects.filter(user=user, status=MembershipRequest.Status.PENDING).delete()
    _detach_staff_work(user)
    for erase in hooks.get_hooks(ERASE_PERSONAL_DATA):
        erase(user)
    end_sessions(user)
    user.trained_cohorts.clear()
    user.administered_organisations.clear()
    user.email = f"verwijderd-{user.pk}@kantelwerk.invalid"
    user.username = f"verwijderd-{user.pk}"
    user.first_name = user.last_name = ""
    user.last_login = None
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    profile = user.profile
    profile.display_name = ANONYMOUS_NAME
    profile.discipline = ""
    profile.share_scores_with_manager = False
    profile.forgotten_at = timezone.now()
    profile.save()
    profile.managed_teams.clear()


def _detach_staff_work(user) -> None:
    """Keep the history of pages and snippets, but no longer tied to the deleted account."""
    Revision.objects.filter(user=user).update(user=None)
    PageLogEntry.objects.filter(user=user).update(user=None)
    ModelLogEntry.objects.filter(user=user).update(user=None)
    Page.objects.filter(owner=user).update(owner=None)
    Page.objects.filter(locked_by=user).update(locked=False, locked_by=None, locked_at=None)
    PageSubscription.objects.filter(user=user).delete()
    EditingSession.objects.filter(user=user).delete()
    FormState.objects.filter(user=user).delete()
    UserProfile.objects.filter(user=user).delete()


def inactive_accounts(years: int):
    """Active accounts that have not logged in (or never did, since joining) for ``years``."""
    cutoff = timezone.now() - timedelta(days=365 * years)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )
