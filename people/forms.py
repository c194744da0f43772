"""Forms that fill a learner's profile: at sign-up, when joining a group without one, and on
the profile page.

None lists organisations or teams, and none makes anyone a member: a code from the
organisation only asks to join, and the organisation's administrator decides
(``people.membership``).
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from . import membership
from .models import Profile, Role


def _role_field() -> forms.ChoiceField:
    return forms.ChoiceField(
        label=_("Your role"),
        choices=Role.choices,
        widget=forms.RadioSelect,
        help_text=_("The courses bring these roles together in one group."),
    )


def _organisation_code_field() -> forms.CharField:
    return forms.CharField(
        label=_("Sign-up code of your organisation"),
        max_length=32,
        required=False,
        help_text=_(
            "Optional. With the code from your organisation you ask to join it; "
            "its administrator approves you and puts you in your team."
        ),
        widget=forms.TextInput(attrs={"autocomplete": "off"}),
    )


def _clean_code(form: forms.Form) -> None:
    code = form.cleaned_data.get("organisation_code", "")
    form.cleaned_data["organisation"] = None
    if not code:
        return
    organisation = membership.organisation_for_code(code)
    if organisation is None:
        form.add_error(
            "organisation_code",
            _("We do not know this code. Check it with your organisation, or leave it empty."),
        )
    form.cleaned_data["organisation"] = organisation


class ProfileDetailsForm(forms.ModelForm):
    """Role (and optionally a request to join an organisation), asked when it is missing."""

    role = _role_field()
    organisation_code = _organisation_code_field()

    class Meta:
        model = Profile
        fields = ["role"]

    def clean(self):
        cleaned = super().clean()
        _clean_code(self)
        return cleaned

    def save(self, commit: bool = True) -> Profile:
        profile = super().save(commit=commit)
        if commit and self.cleaned_data.get("organisation"):
            membership.ask_to_join(profile.user, self.cleaned_data["organisation"])
        return profile


class SignupForm(forms.Form):
    """Extra sign-up fields for allauth (ACCOUNT_SIGNUP_FORM_CLASS)."""

    # allauth's own fields first, then who you are; allauth reads this order.
    field_order = ["email", "password1", "password2", "display_name", "role", "organisation_code"]

    display_name = forms.CharField(
        label=_("Your name"),
        max_length=150,
        help_text=_("As your group will see it."),
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    role = _role_field()
    organisation_code = _organisation_code_field()

    def clean(self):
        cleaned = super().clean()
        _clean_code(self)
        return cleaned

    def signup(self, request, user) -> None:
        """Fill the new user's profile; allauth calls this once the user is saved."""
        profile, _created = Profile.objects.get_or_create(user=user)
        profile.display_name = self.cleaned_data["display_name"]
        profile.role = self.cleaned_data["role"]
        profile.save()
        if self.cleaned_data.get("organisation"):
            membership.ask_to_join(user, self.cleaned_data["organisation"])


class ProfileSettingsForm(forms.ModelForm):
    """What a learner changes on their own profile page (``people.views.profile_settings``)."""

    class Meta:
        model = Profile
        fields = ["display_name", "discipline", "share_scores_with_manager"]


class ChangeRequestForm(forms.Form):
    """Ask to change one's role or organisation; the organisation's administrator decides.

    Role and organisation decide which team figures someone counts in, so a learner asks
    and does not set them (``people.membership``).
    """

    role = forms.ChoiceField(label=_("Your role"), choices=Role.choices, widget=forms.RadioSelect)
    organisation_code = _organisation_code_field()

    def __init__(self, *args, profile: Profile, **kwargs):
        super().__init__(*args, **kwargs)
        self.profile = profile
        self.fields["role"].initial = profile.role
        self.fields["organisation_code"].help_text = _(
            "Only when you move to another organisation: its sign-up code. Leave it empty "
            "to ask your own organisation."
        )

    def clean(self):
        cleaned = super().clean()
        _clean_code(self)
        organisation = cleaned.get("organisation") or self.profile.organisation
        if self.errors:
            return cleaned
        if organisation is None:
            self.add_error(
                "organisation_code",
                _("Enter your organisation's sign-up code: its administrator approves changes."),
            )
        elif organisation == self.profile.organisation and cleaned["role"] == self.profile.role:
            raise forms.ValidationError(
                _("Nothing changes yet: choose another role, or enter another organisation's code.")
            )
        cleaned["organisation"] = organisation
        return cleaned

    def save(self):
        role = self.cleaned_data["role"]
        return membership.ask_to_join(
            self.profile.user,
            self.cleaned_data["organisation"],
            role if role != self.profile.role else "",
        )
