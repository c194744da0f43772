"""The learner's own profile settings: name, discipline, and sharing scores with a manager."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .forms import ProfileSettingsForm
from .models import Profile


@login_required
def profile_settings(request):
    profile, _created = Profile.objects.get_or_create(user=request.user)
    form = ProfileSettingsForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile has been saved."))
        return redirect("profile-settings")
    manages = profile.managed_teams.exists()
    return render(request, "people/profile_settings.html", {"form": form, "manages": manages})
