import secrets
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registers

REGISTER_CHOICES = registers.REGISTERS


class Accreditation(models.Model):
    """A course's accreditation by one register: its ID there, points and hours, and when."""

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.CASCADE,
        related_name="accreditations",
        verbose_name=_("course"),
    )
    register = models.CharField(_("register"), max_length=20, choices=REGISTER_CHOICES)
    register_name = models.CharField(
        _("name of the register"),
        max_length=100,
        blank=True,
        help_text=_("Only for another register: its name as it appears on the certificate."),
    )
    accreditation_id = models.CharField(
        _("accreditation ID"),
        max_length=50,
        help_text=_("The PE course ID, or the ID the register gave the course."),
    )
    points = models.DecimalField(_("points"), max_digits=5, decimal_places=1)
    study_hours = models.DecimalField(_("net study hours"), max_digits=5, decimal_places=1)
    valid_from = models.DateField(_("valid from"))
    valid_until = models.DateField(_("valid until"))

    class Meta:
        ordering = ["course", "register"]
        verbose_name = _("accreditation")
        verbose_name_plural = _("accreditations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(valid_until__gte=models.F("valid_from")),
                name="accreditation_period_in_order",
            )
        ]

    def __str__(self):
        return f"{self.course.title} · {self.display_register} {self.accreditation_id}"

    @property
    def display_register(self) -> str:
        if self.register == registers.OTHER and self.register_name:
            return self.register_name
        return registers.NAMES.get(self.register, self.register)

    def clean(self):
        if self.valid_from and self.valid_until and self.valid_until < self.valid_from:
            raise ValidationError({"valid_until": _("The end date comes before the start date.")})
        if self.register == registers.OTHER and not self.register_name:
            raise ValidationError({"register_name": _("Give the name of the register.")})

    def is_valid_on(self, day) -> bool:
        return self.valid_from <= day <= self.valid_until


class RegisterNumber(models.Model):
    """A learner's registration number in one register, as they entered it themselves."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="register_numbers",
        verbose_name=_("person"),
    )
    register = models.CharField(_("register"), max_length=20, choices=REGISTER_CHOICES)
    number = models.CharField(_("registration number"), max_length=30)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["register"]
        verbose_name = _("register number")
        verbose_name_plural = _("register numbers")
        constraints = [
            models.UniqueConstraint(fields=["user", "register"], name="one_number_per_register"),
            # A number belongs to one person; the free "other" register may repeat.
            models.UniqueConstraint(
                fields=["register", "number"],
                condition=~models.Q(register=registers.OTHER),
                name="one_person_per_number",
            ),
        ]

    def __str__(self):
        return f"{registers.NAMES.get(self.register, self.register)}: {self.number}"


def new_verification_code() -> str:
    """Twelve characters that are easy to read aloud and type (no 0/O, 1/I/L)."""
    alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
    raw = "".join(secrets.choice(alphabet) for _ in range(12))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def normalise_code(typed: str) -> str:
    """What someone typed, as codes are stored: capitals, in groups of four ("abcd efgh…")."""
    raw = "".join(char for char in typed.upper() if char.isalnum())
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}" if len(raw) == 12 else raw


class Certificate(models.Model):
    """A certificate of completion. What it says is kept as issued, so it can be verified
    later even when the course or the learner's numbers change."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="certificates",
        verbose_name=_("person"),
    )
    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="certificates",
        verbose_name=_("course"),
    )
    code = models.CharField(
        _("verification code"), max_length=20, unique=True, default=new_verification_code
    )
    name = models.CharField(_("name"), max_length=200)
    course_title = models.CharField(_("course title"), max_length=255)
    study_hours = models.DecimalField(_("study hours"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("completed on"))
    # [{"register", "register_name", "accreditation_id", "points", "number"}]
    points = models.JSONField(_("points"), default=list, blank=True)
    issued_at = models.DateTimeField(_("issued at"), default=timezone.now)
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("revoked by"),
    )
    revoke_reason = models.TextField(_("reason for revoking"), blank=True)

    class Meta:
        ordering = ["-issued_at"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            models.UniqueConstraint(fields=["user", "course"], name="one_certificate_per_course")
        ]

    def __str__(self):
        return f"{self.course_title} · {self.name} · {self.code}"

    @property
    def revoked(self) -> bool:
        return self.revoked_at is not None


class Meeting(models.Model):
    """An in-person meeting of a learning group ("bijeenkomst"): when, how long, and
    optionally the accreditation it counts for separately."""

    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.CASCADE,
        related_name="meetings",
        verbose_name=_("learning group"),
    )
    title = models.CharField(_("title"), max_length=120, blank=True)
    starts_at = models.DateTimeField(_("starts at"))
    duration = models.PositiveSmallIntegerField(
        _("duration in minutes"),
        validators=[MinValueValidator(15), MaxValueValidator(12 * 60)],
    )
    place = models.CharField(_("place"), max_length=120, blank=True)
    accreditation = models.ForeignKey(
        Accreditation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="meetings",
        verbose_name=_("counts for"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")

    def __str__(self):
        return self.title or f"{self.cohort} · {timezone.localtime(self.starts_at):%Y-%m-%d %H:%M}"

    @property
    def ends_at(self):
        return self.starts_at + timedelta(minutes=self.duration)

    @property
    def has_started(self) -> bool:
        return self.starts_at <= timezone.now()


class MeetingAttendance(models.Model):
    """A participant marked present at a meeting by its trainer. Absent is no row."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendances")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="meeting_attendances",
        verbose_name=_("person"),
    )
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    marked_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["meeting", "user"], name="present_once_per_meeting")
        ]

    def __str__(self):
        return f"{self.meeting} · {self.user_id}"


class PeOnlineBatch(models.Model):
    """One call to PE-online's attendance service: at most 100 rows of one course's period,
    sent in the background (accreditation.pe_online_sending), and what came of it."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to be sent")
        SENDING = "sending", _("Being sent")
        ANSWERED = "answered", _("Answered")
        FAILED = "failed", _("Not sent")

    course = models.ForeignKey(
        "courses.CoursePage",
        on_delete=models.PROTECT,
        related_name="pe_online_batches",
        verbose_name=_("course"),
    )
    since = models.DateField(_("completed from"))
    until = models.DateField(_("completed until"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("sent by"),
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    answered_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    # Why the batch was not sent or not answered (pe_online_client.ServiceProblem codes,
    # "unreadable" for an answer that is no PE-online summary), worded in the admin.
    problem = models.CharField(_("problem"), max_length=20, blank=True)
    problem_detail = models.CharField(_("detail"), max_length=200, blank=True)
    accepted_count = models.PositiveIntegerField(_("accepted"), default=0)
    rejected_count = models.PositiveIntegerField(_("rejected"), default=0)
    # PE-online's errors that name no row of this batch: [{"number", "message"}]
    messages = models.JSONField(_("messages"), default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("PE-online batch")
        verbose_name_plural = _("PE-online batches")

    def __str__(self):
        return f"{self.course.title} · {self.created_at:%Y-%m-%d %H:%M}"


class PeOnlineRow(models.Model):
    """One person's attendance for one accreditation, as sent in a batch, and its outcome.

    A person and accreditation have at most one row that is waiting or accepted: what is on
    its way or accepted is never sent again (the database refuses a second one)."""

    class Status(models.TextChoices):
        WAITING = "waiting", _("Waiting for the answer")
        ACCEPTED = "accepted", _("Accepted")
        REJECTED = "rejected", _("Rejected")
        UNSENT = "unsent", _("Not sent")

    batch = models.ForeignKey(PeOnlineBatch, on_delete=models.CASCADE, related_name="rows")
    position = models.PositiveSmallIntegerField()  # 0-based, in the order sent
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="pe_online_rows",
        verbose_name=_("person"),
    )
    accreditation = models.ForeignKey(
        Accreditation,
        on_delete=models.SET_NULL,
        null=True,
        related_name="pe_online_rows",
        verbose_name=_("accreditation"),
    )
    # As sent: the register, its course ID, the person's register number, the completion.
    register = models.CharField(_("register"), max_length=20, choices=REGISTER_CHOICES)
    course_id = models.CharField(_("accreditation ID"), max_length=50)
    person_id = models.CharField(_("registration number"), max_length=30)
    end = models.DateTimeField(_("completed at"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WAITING
    )
    error_number = models.CharField(_("error number"), max_length=20, blank=True)
    error_message = models.TextField(_("message from PE-online"), blank=True)

    class Meta:
        ordering = ["batch", "position"]
        verbose_name = _("PE-online row")
        verbose_name_plural = _("PE-online rows")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "accreditation"],
                condition=models.Q(status__in=["waiting", "accepted"]),
                name="pe_online_one_row_on_its_way_or_accepted",
            )
        ]

    def __str__(self):
        return f"{self.course_id} · {self.person_id} · {self.status}"
