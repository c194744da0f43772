"""The reflection box on a scenario's result page: "Wat neem je mee?", for the player's
learning group(s). Registered as a result panel of the scenarios app in
``courses/wagtail_hooks.py``.
"""

from __future__ import annotations

import uuid

from django.template.loader import render_to_string

from ..result_panels import players_cohorts
from .access import reflections_on_attempt
from .forms import NewReflectionForm


def reflection_panel(request, attempt) -> str:
    """Offer the player a reflection box after a finished attempt, for their cohort(s)."""
    cohorts = players_cohorts(request, attempt)
    if not cohorts:
        return ""
    context = {
        "fields": NewReflectionForm.base_fields,
        "submission_key": uuid.uuid4(),
        "attempt": attempt,
        "cohorts": cohorts,
        "mine": reflections_on_attempt(request.user, attempt),
        "next": request.get_full_path(),
    }
    return render_to_string("courses/reflections/result_panel.html", context, request=request)
