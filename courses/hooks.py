"""The extension points of courses, as Wagtail hooks (``wagtail.hooks.register``).

Courses know nothing of the apps above them (live sessions, accreditation). Those register
functions under these names in their ``wagtail_hooks.py``; a panel returns safe, escaped HTML
or "", ``LIVE_PRESENCE`` returns data.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

# ``fn(request, cohort, is_trainer) -> str``: shown on a learning group's page.
COHORT_PANEL = "kantelwerk_cohort_panel"
# ``fn(request, cohort, page, is_trainer) -> str``: shown on a scenario's group debrief.
DEBRIEF_PANEL = "kantelwerk_debrief_panel"
# ``fn(request) -> str``: shown on the learner's own page (Mijn leren).
MY_LEARNING_PANEL = "kantelwerk_my_learning_panel"
# ``fn(cohort, since, until) -> Iterable[(user_id, moment)]``: each time a logged-in member
# took part in a live activity of the group between ``since`` and ``until`` (live sessions
# answer it; meeting attendance in accreditation counts it as presence).
LIVE_PRESENCE = "kantelwerk_live_presence"


def panels(name: str, *args) -> list[SafeString]:
    """Render every function registered under ``name``; they return escaped HTML."""
    return [
        mark_safe(html)  # noqa: S308
        for panel in hooks.get_hooks(name)
        if (html := panel(*args))
    ]
