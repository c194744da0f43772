import secrets

from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, Revision
from wagtail.search import index

from people.models import Role
from people.prepared import prepared

from .admin_forms import ScenarioPageForm
from .blocks import NodeBlock
from .engine import shown_choices
from .panels import ScenarioCheckPanel
from .qualities import Quality


class Principle(index.Indexed, models.Model):
    """A principle of the shift that choices are scored on (eigen kracht, presentie, …)."""

    class Family(models.TextChoices):
        KANTELING = "kanteling", _("the shift (Kanteling)")
        PRESENTIE = "presentie", _("presence approach")

    slug = models.SlugField(
        _("code"),
        max_length=64,
        unique=True,
        help_text=_("Used in scenario files, for example: eigen-kracht. Do not change it."),
    )
    name = models.CharField(_("name"), max_length=120)
    short_label = models.CharField(_("short label"), max_length=24)
    description = models.TextField(_("description"))
    family = models.CharField(_("family"), max_length=20, choices=Family.choices)
    order = models.PositiveSmallIntegerField(_("order"), default=100)
    name_en = models.CharField(_("name (English)"), max_length=120, blank=True)
    short_label_en = models.CharField(_("short label (English)"), max_length=24, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)

    search_fields = [index.SearchField("name"), index.SearchField("description")]

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("principle")
        verbose_name_plural = _("principles")

    def __str__(self):
        return self.name

    def _in_language(self, field: str) -> str:
        if get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    @property
    def display_name(self) -> str:
        return self._in_language("name")

    @property
    def display_label(self) -> str:
        return self._in_language("short_label")

    @property
    def display_description(self) -> str:
        return self._in_language("description")


class ScenarioIndexPage(Page):
    """The library of scenarios; lessons pick scenarios from here."""

    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + ["intro"]
    subpage_types = ["scenarios.ScenarioPage"]

    class Meta:
        verbose_name = _("scenario library")

    def serve(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        """List the scenarios the visitor may play; authors of the library see all of them."""
        from .access import may_play

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        author = self.permissions_for_user(user).can_add_subpage()
        scenarios = []
        for scenario in ScenarioPage.objects.live().child_of(self):
            scenario.playable = may_play(user, scenario)
            if scenario.playable or author:
                scenario.editable = author and scenario.permissions_for_user(user).can_edit()
                scenarios.append(scenario)
        context["scenarios"] = scenarios
        return context


class ScenarioPage(Page):
    """A kitchen-table role-play: a persona, a setting and a graph of steps and choices."""

    class LearnerRole(models.TextChoices):
        ANY = "any", _("any role")
        PROFESSIONAL = Role.PROFESSIONAL.value, Role.PROFESSIONAL.label
        VOLUNTEER = Role.VOLUNTEER.value, Role.VOLUNTEER.label
        CIVIL_SERVANT = Role.CIVIL_SERVANT.value, Role.CIVIL_SERVANT.label

    class Language(models.TextChoices):
        DUTCH = "nl", _("Dutch")
        ENGLISH = "en", _("English")

    persona_name = models.CharField(_("name of the resident"), max_length=120, blank=True)
    persona_age = models.PositiveSmallIntegerField(_("age"), null=True, blank=True)
    persona_situation = models.TextField(_("situation of the resident"), blank=True)
    persona_photo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("photo"),
    )
    # Learners read it under the same name (scenario_page.html), so it is not confused with
    # the resident's situation.
    setting = models.TextField(
        _("place of the conversation"),
        blank=True,
        help_text=_(
            "Where the conversation takes place, for example: at the kitchen table with Mark "
            "and his mother."
        ),
    )
    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("What the learner reads first.")
    )
    role = models.CharField(
        _("written for"), max_length=20, choices=LearnerRole.choices, default=LearnerRole.ANY
    )
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    principles = ParentalManyToManyField(
        Principle, blank=True, related_name="scenarios", verbose_name=_("principles scored")
    )
    start_key = models.CharField(
        _("first step"),
        max_length=64,
        default="begin",
        help_text=_("The key of the step the conversation starts with."),
    )
    graph = StreamField(
        [("node", NodeBlock(label=capfirst(_("step"))))],
        blank=True,
        verbose_name=_("steps"),
        help_text=_("Each step is something the resident (or someone else) says, with choices."),
    )

    # Where each step's card lies on the map editor, by step key: {"begin": [40, 24]}. Saved
    # with every draft like Twine's passage positions; a step without one is laid out in layers.
    map_positions = models.JSONField(
        _("positions on the map"), default=dict, blank=True, editable=False
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            ["persona_name", "persona_age", "persona_situation", "persona_photo"],
            heading=_("The resident"),
        ),
        "setting",
        "intro",
        "role",
        "language",
        FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
        ScenarioCheckPanel(heading=_("Check and map")),
        "start_key",
        "graph",
    ]
    base_form_class = ScenarioPageForm
    parent_page_types = ["scenarios.ScenarioIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("scenario")
        verbose_name_plural = _("scenarios")

    @cached_property
    def whole(self) -> "ScenarioPage":
        """This page with every field but the conversation graph: itself, or fetched once more
        when it was read light (a lesson reads only what is shown outside its cached parts)."""
        if not self.get_deferred_fields() - {"graph"}:
            return self
        return ScenarioPage.objects.defer("graph").get(pk=self.pk)

    def serve(self, request, *args, **kwargs):
        from .access import may_play

        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not may_play(request.user, self):
            raise Http404
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["attempts"] = list(
            self.attempts.filter(user_id=request.user.pk).order_by("-started_at")[:10]
        )
        context["running"] = next(
            (a for a in context["attempts"] if a.status == Attempt.Status.PLAYING), None
        )
        return context

    def serve_preview(self, request, mode_name):
        from .preview import render_preview

        return render_preview(request, self)


def new_shuffle_seed() -> int:
    """A random seed for the order in which one attempt shows each step's choices."""
    return secrets.randbelow(2**31)


class Attempt(models.Model):
    """One play-through of a scenario, pinned to the page revision it started on."""

    class Status(models.TextChoices):
        PLAYING = "playing", _("in progress")
        FINISHED = "finished", _("finished")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="attempts",
    )
    page = models.ForeignKey(ScenarioPage, on_delete=models.PROTECT, related_name="attempts")
    revision = models.ForeignKey(Revision, on_delete=models.PROTECT, related_name="+")
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.PLAYING)
    step = models.PositiveIntegerField(default=0)
    current_node = models.CharField(max_length=64)
    overall = models.PositiveSmallIntegerField(null=True, blank=True)
    scoring_version = models.PositiveSmallIntegerField(
        default=2, help_text="The version of scenario-format.md's scoring rules it was scored by."
    )
    shuffle_seed = models.PositiveIntegerField(default=new_shuffle_seed, editable=False)
    started_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        indexes = [
            models.Index(fields=["user", "page", "-started_at"], name="attempt_user_page"),
            models.Index(fields=["page", "status"], name="attempt_page_status"),
            models.Index(fields=["status", "finished_at"], name="attempt_finished"),
            # A member's latest finished attempt (team overview): without it the database
            # walks every finished attempt by date for each member on the page.
            models.Index(fields=["user", "status", "finished_at"], name="attempt_user_finished"),
        ]
        constraints = [
            # A double click or ten parallel "start" requests resume one running attempt.
            models.UniqueConstraint(
                fields=["user", "page"],
                condition=models.Q(status="playing"),
                name="one_running_attempt_per_scenario",
            )
        ]
        verbose_name = _("attempt")
        verbose_name_plural = _("attempts")

    def __str__(self):
        return f"{self.page_id}/{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status == self.Status.FINISHED

    def shown_choices(self, node):
        """The node's choices in the order this attempt shows them (see engine.shown_choices)."""
        return shown_choices(node, self.shuffle_seed)

    def last_exchange(self, scenario):
        """The step before the current one and the choice made there, or None at the start.

        The play page shows it above the current step, so the learner reads a conversation
        rather than a single line.
        """
        found = _last_choice(attempt_id=self.pk)
        node = scenario.node(found[0][0]) if found else None
        choice = node.choice(found[0][1]) if node else None
        return (node, choice) if choice else None


@prepared
def _last_choice(attempt_id: int):
    choices = AttemptChoice.objects.filter(attempt_id=attempt_id).order_by("-step")
    return choices.values_list("node_key", "choice_key")[:1]


class AttemptChoice(models.Model):
    """A choice made in an attempt; one per step, so a step can never be taken twice."""

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="choices")
    step = models.PositiveIntegerField()
    node_key = models.CharField(max_length=64)
    choice_key = models.CharField(max_length=64)
    quality = models.CharField(max_length=20, choices=Quality.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["attempt", "step"]
        constraints = [
            models.UniqueConstraint(fields=["attempt", "step"], name="one_choice_per_step")
        ]

    def __str__(self):
        return f"{self.node_key}/{self.choice_key}"


class PrincipleScore(models.Model):
    """A finished attempt's score on one principle it practised, kept to aggregate in the database.

    A principle that was never at stake on the attempt's route has no row: "niet geoefend" is
    absent, so no count, average or chart can take it for a 0 or a 100.
    """

    attempt = models.ForeignKey(Attempt, on_delete=models.CASCADE, related_name="principle_scores")
    principle = models.CharField(max_length=64)
    score = models.PositiveSmallIntegerField()
    practised = models.PositiveSmallIntegerField(
        default=1, help_text="How many of the attempt's steps put this principle at stake."
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["attempt", "principle"], name="one_score_per_principle")
        ]

    def __str__(self):
        return f"{self.principle}: {self.score}"
