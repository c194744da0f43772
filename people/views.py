"""The learner's own profile: name, discipline, sharing scores with a manager, and asking to
change their role or organisation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from . import membership
from .forms import ChangeRequestForm, ProfileSettingsForm
from .models import Profile

CHANGE = "change"


@login_required
def profile_settings(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    asking = request.method == "POST" and request.POST.get("action") == CHANGE
    saving = request.method == "POST" and not asking
    form = ProfileSettingsForm(request.POST if saving else None, instance=profile)
    change = ChangeRequestForm(request.POST if asking else None, profile=profile, prefix=CHANGE)
    if saving and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile-settings")
    if asking and change.is_valid():
        change.save()
        messages.success(
            request, _("Your request has been sent. Your organisation's administrator decides.")
        )
        return redirect("profile-settings")
    context = {
        "form": form,
        "change": change,
        "profile": profile,
        "teams": list(profile.teams.order_by("name")),
        "waiting": list(membership.waiting_requests(request.user)),
        "manages": profile.managed_teams.exists(),
    }
    return render(request, "people/profile_settings.html", context)
