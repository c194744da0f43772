"""A live group session: a trainer plays one scenario revision with a whole learning group.

The session walks the scenario graph one step at a time. Participants (members, or guests
known only by a first name and a role) vote at each step; the trainer reveals the votes and
picks the choice the group follows, which is kept as the route (``LiveStep``).
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Revision

from people.models import Role

from .codes import new_code

# A code stops working this long after the session started, even if nobody finished it.
OPEN_FOR = timedelta(hours=12)


class LiveSession(models.Model):
    class State(models.TextChoices):
        RUNNING = "running", _("running")
        FINISHED = "finished", _("finished")

    cohort = models.ForeignKey(
        "courses.Cohort",
        on_delete=models.CASCADE,
        related_name="live_sessions",
        verbose_name=_("learning group"),
    )
    scenario = models.ForeignKey(
        "scenarios.ScenarioPage", on_delete=models.PROTECT, related_name="live_sessions"
    )
    # The published revision the session plays, so a later edit cannot change its graph.
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    trainer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="live_sessions_led",
    )
    code = models.CharField(_("code"), max_length=6, default=new_code)
    allow_guests = models.BooleanField(_("guests may join"), default=False)
    node_key = models.CharField(max_length=64)
    step = models.PositiveIntegerField(default=1)
    revealed = models.BooleanField(default=False)
    # The choice the trainer picked to follow at this step (shown with its feedback).
    followed_key = models.CharField(max_length=64, blank=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.RUNNING)
    # Raised on every change (votes too): the state endpoint's ETag.
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["code"],
                condition=models.Q(state="running"),
                name="live_code_unique_while_running",
            )
        ]
        verbose_name = _("live session")
        verbose_name_plural = _("live sessions")

    def __str__(self):
        return f"{self.cohort} · {self.scenario_id} · {self.code}"

    def get_absolute_url(self):
        return reverse("live-record", args=[self.pk])

    @property
    def is_running(self) -> bool:
        return self.state == self.State.RUNNING

    @property
    def is_open(self) -> bool:
        """May people still join and vote with the code?"""
        return self.is_running and timezone.now() - self.created_at < OPEN_FOR


class LiveParticipant(models.Model):
    """Someone in the room: a member (``user``) or a guest (a first name and nothing else)."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="live_participations",
    )
    first_name = models.CharField(_("first name"), max_length=30, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "user"],
                condition=models.Q(user__isnull=False),
                name="live_member_joins_once",
            )
        ]

    def __str__(self):
        return self.first_name or str(self.user_id)

    @property
    def is_guest(self) -> bool:
        return self.user_id is None


class LiveVote(models.Model):
    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="votes")
    participant = models.ForeignKey(LiveParticipant, on_delete=models.CASCADE, related_name="votes")
    step = models.PositiveIntegerField()
    node_key = models.CharField(max_length=64)
    choice_key = models.CharField(max_length=64)
    voted_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["step"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "step"], name="live_one_vote_per_step")
        ]
        indexes = [models.Index(fields=["session", "step"], name="live_vote_session_step")]

    def __str__(self):
        return f"{self.step}: {self.choice_key}"


class LiveStep(models.Model):
    """The group's route: at this step, at this node, the trainer followed this choice."""

    session = models.ForeignKey(LiveSession, on_delete=models.CASCADE, related_name="route")
    step = models.PositiveIntegerField()
    node_key = models.CharField(max_length=64)
    choice_key = models.CharField(max_length=64)

    class Meta:
        ordering = ["step"]
        constraints = [
            models.UniqueConstraint(fields=["session", "step"], name="live_one_route_step")
        ]

    def __str__(self):
        return f"{self.step}: {self.node_key} → {self.choice_key}"
