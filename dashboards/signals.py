"""When the summaries behind the overview's completion sort must be recounted.

Every change that can move a member's "lessons done of lessons" in a course: a lesson done
or undone, joining or leaving a learning group (also by deleting the group or moving it to
another course; renaming it recounts nothing), and a lesson published, unpublished, moved
or deleted. The recount runs when the transaction commits, so it counts what was stored.
"""

from __future__ import annotations

import threading

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from courses.models import Cohort, CoursePage, LessonPage, LessonProgress, Participation

from . import summaries

# Lessons and groups being deleted in this thread: their course or their members are
# recounted once, so the marks and places deleted with them need not each ask for it.
_deleting = threading.local()


def _being_deleted(kind: str) -> set[int]:
    if not hasattr(_deleting, kind):
        setattr(_deleting, kind, set())
    return getattr(_deleting, kind)


def _later(*, user_ids=(), course_ids=()) -> None:
    user_ids, course_ids = set(user_ids), set(course_ids)

    def recount():
        if course_ids:
            summaries.refresh(course_ids=course_ids)
        if user_ids:
            summaries.refresh(user_ids=user_ids)

    transaction.on_commit(recount)  # outside a transaction: at once


def lesson_marked(sender, instance, raw=False, **kwargs):
    if not raw and instance.lesson_id not in _being_deleted("lessons"):
        _later(user_ids=[instance.user_id])


def participation_changed(sender, instance, raw=False, **kwargs):
    if not raw and instance.cohort_id not in _being_deleted("cohorts"):
        _later(user_ids=[instance.user_id])


def participants_changed(sender, instance, action, reverse, model, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if reverse:  # user.cohorts.add(...): the instance is the member
        _later(user_ids=[instance.pk])
    elif action == "post_clear":
        _later(course_ids=[instance.course_id])
    else:
        _later(user_ids=pk_set or [])


def cohort_saving(sender, instance, raw=False, update_fields=None, **kwargs):
    if instance.pk is None or raw:
        return
    if update_fields is not None and "course" not in update_fields:
        instance._course_before_save = instance.course_id  # e.g. a new invite code
        return
    stored = Cohort.objects.filter(pk=instance.pk).values_list("course_id", flat=True)
    instance._course_before_save = stored.first()


def cohort_saved(sender, instance, created, raw=False, **kwargs):
    """A group moved to another course: recount its members (a new name changes nothing)."""
    before = getattr(instance, "_course_before_save", None)
    if not created and not raw and before != instance.course_id:
        _later(user_ids=instance.participants.values_list("pk", flat=True))


def cohort_deleting(sender, instance, **kwargs):
    _being_deleted("cohorts").add(instance.pk)
    _later(user_ids=instance.participants.values_list("pk", flat=True))


def cohort_deleted(sender, instance, **kwargs):
    _being_deleted("cohorts").discard(instance.pk)


def lesson_deleting(sender, instance, **kwargs):
    _being_deleted("lessons").add(instance.pk)


def lesson_deleted(sender, instance, **kwargs):
    _being_deleted("lessons").discard(instance.pk)
    lesson_changed(sender, instance)


def lesson_changed(sender, instance, **kwargs):
    parent_path = instance.path[: -Page.steplen]
    _later(course_ids=CoursePage.objects.filter(path=parent_path).values_list("pk", flat=True))


def lesson_moved(sender, instance, parent_page_before, parent_page_after, **kwargs):
    _later(course_ids=[parent_page_before.pk, parent_page_after.pk])


def connect() -> None:
    def uid(name, signal):
        return f"dashboards_summary_{name}_{id(signal)}"

    for signal in (post_save, post_delete):
        signal.connect(lesson_marked, sender=LessonProgress, dispatch_uid=uid("mark", signal))
        signal.connect(
            participation_changed, sender=Participation, dispatch_uid=uid("place", signal)
        )
    m2m_changed.connect(
        participants_changed, sender=Cohort.participants.through, dispatch_uid=uid("m2m", None)
    )
    pre_save.connect(cohort_saving, sender=Cohort, dispatch_uid=uid("cohort_saving", None))
    post_save.connect(cohort_saved, sender=Cohort, dispatch_uid=uid("cohort", None))
    pre_delete.connect(cohort_deleting, sender=Cohort, dispatch_uid=uid("cohort_pre", None))
    post_delete.connect(cohort_deleted, sender=Cohort, dispatch_uid=uid("cohort_post", None))
    pre_delete.connect(lesson_deleting, sender=LessonPage, dispatch_uid=uid("lesson_pre", None))
    for signal in (page_published, page_unpublished):
        signal.connect(lesson_changed, sender=LessonPage, dispatch_uid=uid("lesson", signal))
    post_delete.connect(lesson_deleted, sender=LessonPage, dispatch_uid=uid("lesson_post", None))
    post_page_move.connect(lesson_moved, sender=LessonPage, dispatch_uid=uid("move", None))
