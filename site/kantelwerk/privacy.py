"""A person's rights under the AVG (GDPR): see all their data, and have it erased.

This lives in the project package because a person's data spans every app.
"""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from courses.models import Cohort, LessonProgress, Reflection, ReflectionReply
from scenarios.models import Attempt

ANONYMOUS_NAME = "Verwijderde deelnemer"


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
        },
        "profile": {
            "name": profile.display_name,
            "role": profile.role,
            "discipline": profile.discipline,
            "organisation": str(profile.organisation or ""),
            "teams": [str(team) for team in profile.teams.all()],
            "manages_teams": [str(team) for team in profile.managed_teams.all()],
            "share_scores_with_manager": profile.share_scores_with_manager,
        },
        "learning_groups": _cohorts(user),
        "lessons_done": [
            {"lesson": progress.lesson.title, "done_at": progress.done_at.isoformat()}
            for progress in LessonProgress.objects.filter(user=user).select_related("lesson")
        ],
        "attempts": _attempts(user),
        "reflections": _reflections(user),
        "replies_written": [
            {
                "reflection": reply.reflection_id,
                "body": reply.body,
                "at": reply.created_at.isoformat(),
            }
            for reply in ReflectionReply.objects.filter(author=user)
        ],
    }


def _cohorts(user) -> list[dict]:
    cohorts = Cohort.objects.filter(Q(participants=user) | Q(trainers=user)).distinct()
    trained = set(user.trained_cohorts.values_list("pk", flat=True))
    return [
        {
            "name": cohort.name,
            "course": cohort.course.title,
            "as": "trainer" if cohort.pk in trained else "participant",
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

    Reflections and replies are deleted. Attempts, choices, scores and completed lessons stay,
    no longer linked to a name or email, with the role and team membership that group and
    team aggregates count. The account can no longer log in.
    """
    Reflection.objects.filter(author=user).delete()
    ReflectionReply.objects.filter(author=user).delete()
    EmailAddress.objects.filter(user=user).delete()
    Authenticator.objects.filter(user=user).delete()
    user.trained_cohorts.clear()
    user.email = f"verwijderd-{user.pk}@kantelwerk.invalid"
    user.username = f"verwijderd-{user.pk}"
    user.first_name = user.last_name = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.save()
    user.groups.clear()
    user.user_permissions.clear()
    profile = user.profile
    profile.display_name = ANONYMOUS_NAME
    profile.discipline = ""
    profile.share_scores_with_manager = False
    profile.save()
    profile.managed_teams.clear()


def inactive_accounts(years: int):
    """Active accounts that have not logged in (or never did, since joining) for ``years``."""
    cutoff = timezone.now() - timedelta(days=365 * years)
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(Q(last_login__lt=cutoff) | Q(last_login__isnull=True, date_joined__lt=cutoff))
    )
