""" "Nieuw scenario" in the admin menu: straight to the form for a new scenario.

Wagtail's own way is Pagina's → the library → a small "add child page" icon, which a trainer
new to Kantelwerk did not find. With one library the user may add to, this opens its form for
a new scenario; with several, the list of libraries to choose from; with none, it refuses.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect

from .admin_views import import_parents


def new_scenario_view(request):
    libraries = list(import_parents(request.user))
    if not libraries:
        raise PermissionDenied
    if len(libraries) == 1:
        return redirect("wagtailadmin_pages:add", "scenarios", "scenariopage", libraries[0].pk)
    return redirect("wagtailadmin_explore", libraries[0].get_parent().pk)
