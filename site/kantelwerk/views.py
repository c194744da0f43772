import json

from allauth.core import ratelimit
from django import forms
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from . import privacy


def privacy_statement(request):
    return render(request, "privacy.html")


def accessibility_statement(request):
    return render(request, "accessibility.html")


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


@login_required
def my_data(request):
    form = DeleteAccountForm(request=request)
    return render(request, "my_data.html", {"form": form})


@login_required
def my_data_export(request):
    data = privacy.export_user_data(request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    stamp = timezone.localdate().isoformat()
    response["Content-Disposition"] = (
        f'attachment; filename="kantelwerk-mijn-gegevens-{stamp}.json"'
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def delete_account(request):
    form = DeleteAccountForm(request.POST, request=request)
    if not form.is_valid():
        status = 429 if form.has_error("password", code="rate_limited") else 400
        return render(request, "my_data.html", {"form": form}, status=status)
    privacy.anonymise_account(request.user)
    logout(request)
    messages.success(request, _("Your account has been removed. Thank you for learning with us."))
    return redirect("home")
