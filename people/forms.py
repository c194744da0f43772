"""Forms that fill a learner's profile: at sign-up, and when joining a group without one."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .models import Organisation, Profile, Role, Team


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Your role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_("The courses bring these roles together in one group."),
    )


def _organisation_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Organisation.objects.all(),
        label=_("Your organisation"),
        empty_label=_("Choose your organisation"),
    )


def _team_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        Team.objects.select_related("organisation"),
        label=_("Your team"),
        required=False,
        empty_label=_("No team, or I don't know"),
        help_text=_("Optional."),
    )


def _check_team(form: forms.Form) -> None:
    team, organisation = form.cleaned_data.get("team"), form.cleaned_data.get("organisation")
    if team and organisation and team.organisation_id != organisation.pk:
        form.add_error("team", _("This team belongs to another organisation."))


class ProfileDetailsForm(forms.ModelForm):
    """Role, organisation and (optional) team, asked of someone whose profile lacks them."""

    role = _role_field()
    organisation = _organisation_field()
    team = _team_field()

    class Meta:
        model = Profile
        fields = ["role", "organisation"]

    def clean(self):
        cleaned = super().clean()
        _check_team(self)
        return cleaned

    def save(self, commit: bool = True) -> Profile:
        profile = super().save(commit=commit)
        if commit and self.cleaned_data.get("team"):
            profile.teams.add(self.cleaned_data["team"])
        return profile


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    # allauth's own fields first, then who you are; allauth reads this order.
    field_order = [
        "email",
        "password1",
        "password2",
        "display_name",
        "role",
        "organisation",
        "team",
    ]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As your group will see it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    role = _role_field()
    organisation = _organisation_field()
    team = _team_field()

    def clean(self):
        cleaned = super().clean()
        _check_team(self)
        return cleaned

    def signup(self, request, user) -> None:
        """Fill the new user's profile; allauth calls this once the user is saved."""
        profile, _created = Profile.objects.get_or_create(user=user)
        profile.display_name = self.cleaned_data["display_name"]
        profile.role = self.cleaned_data["role"]
        profile.organisation = self.cleaned_data["organisation"]
        profile.save()
        if self.cleaned_data.get("team"):
            profile.teams.add(self.cleaned_data["team"])
