import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from .theme import AA_NORMAL_TEXT, HEX, contrast_ratio


def new_join_code() -> str:
    return secrets.token_urlsafe(9)


class Role(models.TextChoices):
    """The learner roles a mixed group brings together (values match the scenario format)."""

    PROFESSIONAL = "professional", _("professional")
    VOLUNTEER = "volunteer", _("volunteer")
    CIVIL_SERVANT = "civil_servant", _("civil servant")


def validate_brand_colour(value: str) -> None:
    if not HEX.match(value):
        raise ValidationError(_("Enter a colour as # followed by six hexadecimal digits."))
    ratio = contrast_ratio(value, "#ffffff")
    if ratio < AA_NORMAL_TEXT:
        raise ValidationError(
            _(
                "This colour is too light: white text on it has a contrast of %(ratio)s:1, "
                "at least 4.5:1 is needed. Choose a darker shade."
            ),
            params={"ratio": number_format(ratio, 1)},
        )


class Organisation(models.Model):
    class Kind(models.TextChoices):
        MUNICIPALITY = "gemeente", _("municipality")
        WELFARE = "welzijn", _("welfare organisation")
        CARE = "zorg", _("care organisation")
        VOLUNTEERS = "vrijwilligers", _("volunteer organisation")
        OTHER = "anders", _("other")

    name = models.CharField(_("name"), max_length=200, unique=True)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.OTHER)
    administrators = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="administered_organisations",
        verbose_name=_("administrators"),
        help_text=_(
            "Organisation administrators approve who joins the organisation and its teams."
        ),
    )
    join_code = models.CharField(
        _("sign-up code"),
        max_length=32,
        unique=True,
        default=new_join_code,
        help_text=_(
            "Staff enter this code when they sign up; an administrator of the organisation "
            "then approves them."
        ),
    )

    brand_colour = models.CharField(
        _("colour"),
        max_length=7,
        blank=True,
        validators=[validate_brand_colour],
        help_text=_(
            "Your organisation's colour as #rrggbb, for the header, buttons and links of its "
            "people. It must be dark enough for white text (contrast at least 4.5:1)."
        ),
    )
    logo = models.ForeignKey(
        "wagtailimages.Image",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown beside Kantelwerk in the header, for the organisation's people."),
    )
    # Where its administrators upload and choose its logo (people.roles.open_image_collection).
    image_collection = models.ForeignKey(
        "wagtailcore.Collection",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("image collection"),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return self.name


class OrganisationStyle(Organisation):
    """An organisation's colour and logo, which its own administrators may change."""

    class Meta:
        proxy = True
        verbose_name = _("house style")
        verbose_name_plural = _("house styles")


class Team(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="teams", verbose_name=_("organisation")
    )
    name = models.CharField(_("name"), max_length=200)
    parent = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="subteams",
        verbose_name=_("part of team"),
    )

    class Meta:
        ordering = ["organisation__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="unique_team_name")
        ]
        verbose_name = _("team")
        verbose_name_plural = _("teams")

    def __str__(self):
        return f"{self.name} ({self.organisation})"


class Profile(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    display_name = models.CharField(_("name"), max_length=150, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, blank=True)
    discipline = models.CharField(
        _("discipline"),
        max_length=150,
        blank=True,
        help_text=_("For example: district nurse, social worker, Wmo consultant."),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="profiles",
        verbose_name=_("organisation"),
    )
    teams = models.ManyToManyField(
        Team, blank=True, related_name="members", verbose_name=_("teams")
    )
    managed_teams = models.ManyToManyField(
        Team,
        blank=True,
        related_name="managers",
        verbose_name=_("manages teams"),
        help_text=_("A manager sees progress of these teams only."),
    )
    share_scores_with_manager = models.BooleanField(
        _("share my scores with my manager"),
        default=False,
        help_text=_("Your manager always sees your progress; your scores only when you allow it."),
    )
    forgotten_at = models.DateTimeField(
        _("account deleted at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the person deleted their account: they are no longer listed."),
    )

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self):
        return self.display_name or self.user.email


class MembershipRequest(models.Model):
    """Someone asks to join an organisation, to move to another, or to change their role in
    their own; the (new) organisation's administrator decides, and chooses the team.

    Team figures count a team's members, so a manager must not be able to add people of
    their own making: membership comes only from an administrator's approval.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("waiting for approval")
        APPROVED = "approved", _("approved")
        REFUSED = "refused", _("refused")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="membership_requests",
        verbose_name=_("person"),
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="membership_requests",
        verbose_name=_("organisation"),
    )
    team = models.ForeignKey(
        Team,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("team"),
    )
    role = models.CharField(
        _("requested role"),
        max_length=20,
        choices=Role.choices,
        blank=True,
        help_text=_("Empty when the person does not ask to change their role."),
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True, editable=False)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
        verbose_name=_("decided by"),
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("request for organisation and role")
        verbose_name_plural = _("requests for organisation and role")

    def __str__(self):
        return f"{self.user.profile} → {self.organisation}"

    @property
    def moves_organisation(self) -> bool:
        """Joining an organisation, or moving to another; otherwise a change of role."""
        return self.user.profile.organisation_id != self.organisation_id


def listed_people(users):
    """``users`` without deleted accounts: those count in figures but are never listed."""
    return users.filter(profile__forgotten_at__isnull=True)
