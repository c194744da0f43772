from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClosingTestAttempt(models.Model):
    """One attempt at a lesson's closing test: the questions drawn for it, in their order,
    kept with it (a reload shows the same ones), and once handed in the learner's answers.

    Answers and results are personal data: only the learner sees them (privacy exports and
    erases them). A passed attempt makes its lesson done (courses.completion).
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="test_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    number = models.PositiveSmallIntegerField(_("attempt"))
    # The drawn questions as shown, with their answers (see rules.Question.as_json).
    questions = models.JSONField(default=list)
    pass_mark = models.PositiveSmallIntegerField(_("pass mark (percent right)"))
    # Question key -> the answer keys the learner chose; None until handed in.
    answers = models.JSONField(null=True, blank=True)
    correct = models.PositiveSmallIntegerField(null=True, blank=True)
    passed = models.BooleanField(null=True, blank=True)
    started_at = models.DateTimeField(auto_now_add=True)
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["number"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "lesson", "number"], name="one_test_attempt_per_number"
            )
        ]
        verbose_name = _("closing test attempt")
        verbose_name_plural = _("closing test attempts")

    def __str__(self):
        return f"{self.user_id}: {self.lesson_id} #{self.number}"

    @property
    def submitted(self) -> bool:
        return self.submitted_at is not None


class ExtraTestAttempt(models.Model):
    """One more attempt a trainer of the learner's group granted after the last was used."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="extra_test_attempts"
    )
    lesson = models.ForeignKey("courses.LessonPage", on_delete=models.CASCADE, related_name="+")
    granted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("extra closing test attempt")
        verbose_name_plural = _("extra closing test attempts")

    def __str__(self):
        return f"{self.user_id}: {self.lesson_id} +1"
