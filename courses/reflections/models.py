from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Reflection(models.Model):
    """What a learner takes with them, after a scenario or at a lesson's reflection prompt."""

    class Visibility(models.TextChoices):
        PRIVATE = "private", _("only me and the trainers")
        COHORT = "cohort", _("my learning group")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflections"
    )
    cohort = models.ForeignKey(
        "courses.Cohort", on_delete=models.CASCADE, related_name="reflections"
    )
    lesson = models.ForeignKey(
        "courses.LessonPage", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    prompt = models.TextField(blank=True)
    attempt = models.ForeignKey(
        "scenarios.Attempt",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="reflections",
    )
    body = models.TextField(_("reflection"))
    visibility = models.CharField(
        _("who may read it"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
    )
    hidden = models.BooleanField(_("hidden by the trainer"), default=False)
    # The form's one-time key: the same form sent twice (a double click, a retry) is stored once.
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["cohort", "-created_at"], name="reflection_cohort")]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="reflection_submitted_once"
            )
        ]
        verbose_name = _("reflection")
        verbose_name_plural = _("reflections")

    def __str__(self):
        return self.body[:60]


class ReflectionReply(models.Model):
    reflection = models.ForeignKey(Reflection, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="reflection_replies"
    )
    body = models.TextField(_("reply"))
    hidden = models.BooleanField(_("hidden by the trainer"), default=False)
    submission_key = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["author", "submission_key"], name="reflection_reply_submitted_once"
            )
        ]
        verbose_name = _("reply")
        verbose_name_plural = _("replies")

    def __str__(self):
        return self.body[:60]
