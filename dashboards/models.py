from django.conf import settings
from django.db import models


class MemberCourseSummary(models.Model):
    """A member's lessons done of a course's live lessons, kept for sorting the overview.

    A copy of what ``courses.progress`` counts, kept up to date by ``dashboards.summaries``
    whenever a lesson is done or undone, a member joins or leaves a learning group, or a
    lesson is published, unpublished, moved or deleted. Only the overview's sort by
    completion reads it; every figure a page shows is still counted from the lessons.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="course_summaries"
    )
    course = models.ForeignKey(
        "courses.CoursePage", on_delete=models.CASCADE, related_name="member_summaries"
    )
    lessons_done = models.PositiveIntegerField(default=0)
    lessons_total = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_summary_per_course")
        ]
        indexes = [models.Index(fields=["course", "user"], name="summary_course_user")]

    def __str__(self):
        return f"{self.user_id} in {self.course_id}: {self.lessons_done}/{self.lessons_total}"


class MemberSummary(models.Model):
    """A member's lessons done of the live lessons of all their courses: the sum of their
    ``MemberCourseSummary`` rows, with the share the overview sorts on (None: no lessons)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="summary",
    )
    lessons_done = models.PositiveIntegerField(default=0)
    lessons_total = models.PositiveIntegerField(default=0)
    completion = models.FloatField(null=True, db_index=True)

    def __str__(self):
        return f"{self.user_id}: {self.lessons_done}/{self.lessons_total}"
