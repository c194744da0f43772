"""Reflections and replies in a learning group: who may see, write, reply, hide and delete.

Every view goes through one scoped lookup here (``get_cohort_for_member``,
``get_reflection_for_viewer``, …) that raises 404 for anyone outside the group, so an outsider
cannot even learn that a reflection exists. Bodies are stored as typed and rendered on output
with ``courses.rendering.render_reflection``.
"""

from __future__ import annotations

from dataclasses import dataclass
from uuid import UUID

from django.db import IntegrityError, transaction
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from .models import Cohort, LessonPage, Reflection, ReflectionReply
from .rendering import render_reflection


@dataclass(frozen=True)
class Membership:
    """How a user belongs to a cohort. A trainer who also participates counts as trainer."""

    cohort: Cohort
    user_id: int
    is_trainer: bool
    is_participant: bool

    def may_see(self, reflection: Reflection) -> bool:
        return (
            self.is_trainer
            or reflection.author_id == self.user_id
            or reflection.visibility == Reflection.Visibility.COHORT
        )

    def shows_body(self, item: Reflection | ReflectionReply) -> bool:
        """Hidden text stays readable for its author and the trainers only."""
        return not item.hidden or self.is_trainer or item.author_id == self.user_id

    def may_reply(self, reflection: Reflection) -> bool:
        if self.is_trainer:
            return self.may_see(reflection)
        if not self.is_participant or reflection.hidden:
            return False
        return (
            reflection.visibility == Reflection.Visibility.COHORT
            or reflection.author_id == self.user_id
        )

    def may_edit(self, reflection: Reflection) -> bool:
        return reflection.author_id == self.user_id


def _member_flags(user_id: int) -> dict:
    trainers = Cohort.trainers.through.objects.filter(cohort_id=OuterRef("pk"), user_id=user_id)
    participants = Cohort.participants.through.objects.filter(
        cohort_id=OuterRef("pk"), user_id=user_id
    )
    return {"viewer_is_trainer": Exists(trainers), "viewer_is_participant": Exists(participants)}


def _membership(user, cohort_pk: int) -> Membership:
    if not user.is_authenticated:
        raise Http404
    cohort = (
        Cohort.objects.select_related("course")
        .annotate(**_member_flags(user.pk))
        .filter(pk=cohort_pk)
        .first()
    )
    if cohort is None or not (cohort.viewer_is_trainer or cohort.viewer_is_participant):
        raise Http404
    return Membership(
        cohort=cohort,
        user_id=user.pk,
        is_trainer=cohort.viewer_is_trainer,
        is_participant=cohort.viewer_is_participant,
    )


def get_cohort_for_member(user, cohort_pk: int) -> Membership:
    """Return the user's membership of this cohort (trainer or participant), or 404."""
    return _membership(user, cohort_pk)


def get_reflection_for_viewer(user, pk: int) -> tuple[Reflection, Membership]:
    """Return a reflection the user may read, with their membership of its cohort, or 404."""
    reflection = (
        Reflection.objects.select_related("author__profile", "lesson", "attempt__page")
        .filter(pk=pk)
        .first()
    )
    if reflection is None:
        raise Http404
    membership = _membership(user, reflection.cohort_id)
    if not membership.may_see(reflection):
        raise Http404
    reflection.cohort = membership.cohort
    return reflection, membership


def get_reflection_for_author(user, pk: int) -> tuple[Reflection, Membership]:
    """Return the user's own reflection (to edit or delete), or 404."""
    reflection, membership = get_reflection_for_viewer(user, pk)
    if not membership.may_edit(reflection):
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
    membership = _membership(user, reply.reflection.cohort_id)
    if not membership.may_see(reply.reflection):
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


def reflections_on_attempt(user, attempt) -> list[Reflection]:
    """Return the user's own reflections on an attempt, each with its number of replies."""
    return list(
        Reflection.objects.filter(author_id=user.pk, attempt=attempt)
        .annotate(reply_count=Count("replies", filter=Q(replies__hidden=False)))
        .order_by("-created_at")
    )


def person_label(user, trainer_ids: set[int]) -> dict[str, str]:
    """Name and role of someone who wrote in a cohort, as shown next to what they wrote."""
    profile = getattr(user, "profile", None)
    name = (profile.display_name if profile else "") or user.get_username()
    if user.pk in trainer_ids:
        role = _("trainer")
    else:
        role = profile.get_role_display() if profile and profile.role else ""
    return {"name": name, "role": role}


def prepare_for_display(item: Reflection | ReflectionReply, membership: Membership, trainers):
    """Attach what a template shows: rendered body (or nothing when hidden), name and role."""
    item.shows_body = membership.shows_body(item)
    item.body_html = render_reflection(item.body) if item.shows_body else ""
    item.person = person_label(item.author, trainers)
    item.is_own = item.author_id == membership.user_id


def trainer_ids(cohort: Cohort) -> set[int]:
    return set(cohort.trainers.values_list("pk", flat=True))


def lesson_prompts(lesson: LessonPage) -> list[str]:
    """Return the texts of the reflection prompts in a lesson's body."""
    return [
        block["value"].get("prompt", "")
        for block in lesson.body.raw_data
        if block.get("type") == "reflection" and isinstance(block.get("value"), dict)
    ]


def lesson_in_course(lesson: LessonPage, cohort: Cohort) -> bool:
    return lesson.is_child_of(cohort.course)


def _create_once(model, submission_key: UUID | None, **fields):
    """Create a reflection or reply, or return the one this same form already created.

    Return (item, created). The database's unique (author, submission_key) decides, so two
    copies of one form sent at the same moment also give one row. The same key with other
    words (the form sent again after the back button) is new text and is kept as well.
    """
    if submission_key is not None:
        try:
            with transaction.atomic():
                return model.objects.create(submission_key=submission_key, **fields), True
        except IntegrityError:
            earlier = model.objects.filter(
                author=fields["author"], submission_key=submission_key
            ).first()
            if earlier is None:
                raise
            if earlier.body == fields["body"]:
                return earlier, False
    return model.objects.create(**fields), True


def create_reflection(
    author,
    cohort: Cohort,
    body: str,
    visibility: str,
    *,
    attempt=None,
    lesson: LessonPage | None = None,
    prompt: str = "",
    submission_key: UUID | None = None,
) -> tuple[Reflection, bool]:
    """Save a participant's reflection once per form; the caller has checked the cohort,
    attempt and lesson. Return (reflection, created)."""
    return _create_once(
        Reflection,
        submission_key,
        author=author,
        cohort=cohort,
        body=body,
        visibility=visibility,
        attempt=attempt,
        lesson=lesson,
        prompt=prompt,
    )


def edit_reflection(reflection: Reflection, body: str, visibility: str) -> Reflection:
    reflection.body = body
    reflection.visibility = visibility
    reflection.save(update_fields=["body", "visibility", "updated_at"])
    return reflection


@transaction.atomic
def delete_reflection(reflection: Reflection) -> None:
    """Delete a reflection and the replies to it: they make no sense without it."""
    reflection.delete()


def add_reply(
    reflection: Reflection, author, body: str, *, submission_key: UUID | None = None
) -> tuple[ReflectionReply, bool]:
    """Save a reply once per form. Return (reply, created)."""
    return _create_once(
        ReflectionReply, submission_key, reflection=reflection, author=author, body=body
    )


def delete_reply(reply: ReflectionReply) -> None:
    reply.delete()


def set_hidden(item: Reflection | ReflectionReply, hidden: bool) -> None:
    """Hide or show a reflection or reply; hiding twice changes nothing."""
    if item.hidden != hidden:
        item.hidden = hidden
        item.save(update_fields=["hidden"])
