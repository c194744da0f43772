"""The form that removes an account: the password again, and a clear yes."""

from allauth.core import ratelimit
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=gettext_lazy("Your password"), widget=forms.PasswordInput, max_length=4096
    )
    confirm = forms.BooleanField(
        label=gettext_lazy("I understand that my account and my reflections are removed for good.")
    )

    def __init__(self, *args, request, **kwargs):
        super().__init__(*args, **kwargs)
        self.request = request
        self.user = request.user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not ratelimit.consume(self.request, action="delete_account", user=self.user):
            raise forms.ValidationError(
                _("You have tried too many times. Wait a minute, then try again."),
                code="rate_limited",
            )
        if not self.user.check_password(password):
            raise forms.ValidationError(_("That password is not correct."))
        return password
