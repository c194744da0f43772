"""Query building blocks shared by the dashboards: counts and maxima as correlated subqueries.

Each helper returns an expression to annotate on a queryset, so the database does the
aggregation and a page needs the same number of queries for 10 or 10,000 members.
"""

from __future__ import annotations

from django.db.models import (
    DateTimeField,
    F,
    Func,
    IntegerField,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Length, Substr
from wagtail.models import Page

from courses.models import Cohort, LessonPage, LessonProgress
from scenarios.models import Attempt

FINISHED = Attempt.Status.FINISHED


class Count(Func):
    """COUNT without GROUP BY, for a subquery that must return exactly one row."""

    function = "COUNT"
    output_field = IntegerField()


class CountDistinct(Count):
    template = "COUNT(DISTINCT %(expressions)s)"


class Max(Func):
    function = "MAX"


def parent_path(field: str):
    """The tree path of a page's parent: a lesson's course, without a join."""
    return Substr(field, 1, Length(field) - Page.steplen)


def count_of(queryset: QuerySet, field: str = "pk", *, distinct: bool = False) -> Coalesce:
    aggregate = CountDistinct(F(field)) if distinct else Count(F(field))
    # A model's default ordering (pages sort by path) would leak into the GROUP BY.
    return Coalesce(Subquery(queryset.order_by().annotate(n=aggregate).values("n")[:1]), 0)


def max_of(queryset: QuerySet, field: str):
    return Subquery(
        queryset.order_by().annotate(m=Max(F(field), output_field=DateTimeField())).values("m")[:1],
        output_field=DateTimeField(),
    )


def enrolled_course_paths(user_ref, course_id: int | None = None) -> QuerySet:
    """Tree paths of the courses whose learning groups the user takes part in."""
    cohorts = Cohort.objects.filter(participants=user_ref)
    if course_id is not None:
        cohorts = cohorts.filter(course_id=course_id)
    return cohorts.values("course__path")


def lessons_with_course_path() -> QuerySet:
    """Live lessons, each with its course's tree path (for counting per course in SQL)."""
    return LessonPage.objects.live().annotate(course_path=parent_path("path"))


def lessons_done() -> QuerySet:
    return LessonProgress.objects.filter(lesson__live=True).annotate(
        course_path=parent_path("lesson__path")
    )


def finished_attempts() -> QuerySet:
    return Attempt.objects.filter(status=FINISHED)
