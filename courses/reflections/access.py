"""Who may see, write, reply to, hide and delete reflections in a learning group.

Every view goes through one scoped lookup here (``get_reflection_for_viewer``, …), built on
the one membership lookup in ``courses.access``. It raises 404 for anyone outside the group,
so an outsider cannot even learn that a reflection exists.
"""

from __future__ import annotations

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from people.prepared import prepared

from ..access import Membership, get_membership
from .models import Reflection, ReflectionReply


def may_see(membership: Membership, reflection: Reflection) -> bool:
    return (
        membership.is_trainer
        or reflection.author_id == membership.user_id
        or reflection.visibility == Reflection.Visibility.COHORT
    )


def shows_body(membership: Membership, item: Reflection | ReflectionReply) -> bool:
    """Hidden text stays readable for its author and the trainers only."""
    return not item.hidden or membership.is_trainer or item.author_id == membership.user_id


def may_reply(membership: Membership, reflection: Reflection) -> bool:
    if membership.is_trainer:
        return may_see(membership, reflection)
    if not membership.is_participant or reflection.hidden:
        return False
    return (
        reflection.visibility == Reflection.Visibility.COHORT
        or reflection.author_id == membership.user_id
    )


def may_edit(membership: Membership, reflection: Reflection) -> bool:
    return reflection.author_id == membership.user_id


def get_reflection_for_viewer(user, pk: int) -> tuple[Reflection, Membership]:
    """Return a reflection the user may read, with their membership of its cohort, or 404."""
    reflection = (
        Reflection.objects.select_related("author__profile", "lesson", "attempt__page")
        .filter(pk=pk)
        .first()
    )
    if reflection is None:
        raise Http404
    membership = get_membership(user, reflection.cohort_id)
    if not may_see(membership, reflection):
        raise Http404
    reflection.cohort = membership.cohort
    return reflection, membership


def get_reflection_for_author(user, pk: int) -> tuple[Reflection, Membership]:
    """Return the user's own reflection (to edit or delete), or 404."""
    reflection, membership = get_reflection_for_viewer(user, pk)
    if not may_edit(membership, reflection):
        raise Http404
    return reflection, membership


def get_reflection_for_trainer(user, pk: int) -> tuple[Reflection, Membership]:
    """Return a reflection in a cohort the user trains (to hide it), or 404."""
    reflection, membership = get_reflection_for_viewer(user, pk)
    if not membership.is_trainer:
        raise Http404
    return reflection, membership


def _get_reply(user, pk: int) -> tuple[ReflectionReply, Membership]:
    reply = (
        ReflectionReply.objects.select_related("reflection", "author__profile")
        .filter(pk=pk)
        .first()
    )
    if reply is None:
        raise Http404
    membership = get_membership(user, reply.reflection.cohort_id)
    if not may_see(membership, reply.reflection):
        raise Http404
    return reply, membership


def get_reply_for_author(user, pk: int) -> tuple[ReflectionReply, Membership]:
    reply, membership = _get_reply(user, pk)
    if reply.author_id != user.pk:
        raise Http404
    return reply, membership


def get_reply_for_trainer(user, pk: int) -> tuple[ReflectionReply, Membership]:
    reply, membership = _get_reply(user, pk)
    if not membership.is_trainer:
        raise Http404
    return reply, membership


def visible_reflections(membership: Membership) -> QuerySet[Reflection]:
    """Return the cohort's reflections this member may see, newest first, with replies."""
    reflections = Reflection.objects.filter(cohort=membership.cohort)
    if not membership.is_trainer:
        reflections = reflections.filter(
            Q(author_id=membership.user_id) | Q(visibility=Reflection.Visibility.COHORT)
        )
    replies = ReflectionReply.objects.select_related("author__profile").order_by("created_at")
    return (
        reflections.select_related("author__profile", "lesson", "attempt__page")
        .prefetch_related(Prefetch("replies", queryset=replies))
        .order_by("-created_at", "-pk")
    )


@prepared
def _reflections_on(author_id: int, attempt_id: int):
    return (
        Reflection.objects.filter(author_id=author_id, attempt_id=attempt_id)
        .annotate(reply_count=Count("replies", filter=Q(replies__hidden=False)))
        .order_by("-created_at", "-pk")
    )


def reflections_on_attempt(user, attempt) -> list[Reflection]:
    """Return the user's own reflections on an attempt, each with its number of replies."""
    return _reflections_on(author_id=user.pk, attempt_id=attempt.pk)
