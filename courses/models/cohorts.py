import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


def new_invite_code() -> str:
    return secrets.token_urlsafe(12)


class Cohort(models.Model):
    """A learning group (leergroep): one run of a course, with trainers and participants."""

    name = models.CharField(_("name"), max_length=200)
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="cohorts",
        verbose_name=_("course"),
    )
    trainers = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="trained_cohorts",
        verbose_name=_("trainers"),
    )
    participants = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        through="Participation",
        related_name="cohorts",
        verbose_name=_("participants"),
    )
    starts_on = models.DateField(_("start date"), null=True, blank=True)
    ends_on = models.DateField(_("end date"), null=True, blank=True)
    invite_code = models.CharField(
        _("invitation code"), max_length=32, unique=True, default=new_invite_code
    )
    invite_expires_on = models.DateField(
        _("invitation valid until"),
        null=True,
        blank=True,
        help_text=_("After this date the invitation link no longer works. Empty: no end."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "name"]
        verbose_name = _("learning group")
        verbose_name_plural = _("learning groups")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("cohort-detail", args=[self.pk])

    def get_invite_url(self):
        return reverse("cohort-join", args=[self.invite_code])

    def renew_invite_code(self) -> None:
        """Give the group a new invitation code; the old link stops working."""
        self.invite_code = new_invite_code()
        self.save(update_fields=["invite_code"])

    @property
    def invite_is_open(self) -> bool:
        today = timezone.localdate()
        if self.invite_expires_on and today > self.invite_expires_on:
            return False
        return not (self.ends_on and today > self.ends_on)


class Participation(models.Model):
    """A participant's place in a learning group, and since when: trainers see only from then."""

    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    joined_at = models.DateTimeField(_("joined at"), default=timezone.now)

    class Meta:
        # The table Django made for the plain many-to-many before joined_at existed.
        db_table = "courses_cohort_participants"
        unique_together = [("cohort", "user")]
        verbose_name = _("participation")
        verbose_name_plural = _("participations")

    def __str__(self):
        return f"{self.user} in {self.cohort}"
