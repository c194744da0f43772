"""The privacy and accessibility statements, and a person's own data: download or delete."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import personal_data
from .forms import DeleteAccountForm


def privacy_statement(request):
    return render(request, "privacy/privacy_statement.html")


def accessibility_statement(request):
    return render(request, "privacy/accessibility_statement.html")


@login_required
def my_data(request):
    form = DeleteAccountForm(request=request)
    return render(request, "privacy/my_data.html", {"form": form})


@login_required
def my_data_export(request):
    data = personal_data.export_user_data(request.user)
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
        return render(request, "privacy/my_data.html", {"form": form}, status=status)
    personal_data.anonymise_account(request.user)
    logout(request)
    messages.success(request, _("Your account has been removed. Thank you for learning with us."))
    return redirect("home")
