"""The sign-up form allauth uses (ACCOUNT_FORMS["signup"])."""

from allauth.account.forms import SignupForm as AllauthSignupForm
from django.contrib.auth.hashers import make_password


class SignupForm(AllauthSignupForm):
    def try_save(self, request):
        """Do the work of a new account for a known address too, so timing tells nothing.

        A new account costs a password hash; a known address only gets a mail, which
        without this answers several times faster and so tells an attacker the address
        has an account. The hash is thrown away.
        """
        if self.account_already_exists:
            make_password(self.cleaned_data["password1"])
        return super().try_save(request)
