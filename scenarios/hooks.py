"""The extension points of scenarios, as Wagtail hooks (``wagtail.hooks.register``).

Scenarios know nothing of courses. Apps higher up register functions under these names in
their ``wagtail_hooks.py``; with none registered, every logged-in user may play, an attempt
is visible to its player only, and the result page has no extra panels.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from wagtail import hooks

# ``fn(user, page) -> bool``: every one must say yes before a user may play a scenario page.
MAY_PLAY = "kantelwerk_may_play_scenario"
# ``fn(user, attempt) -> bool``: any one saying yes lets someone besides the player see it.
MAY_VIEW_ATTEMPT = "kantelwerk_may_view_attempt"
# ``fn(request, attempt) -> str``: safe, escaped HTML shown at the end of the result page.
RESULT_PANEL = "kantelwerk_result_panel"
# ``fn(attempt)``: an attempt has just finished, inside the step's transaction.
ATTEMPT_FINISHED = "kantelwerk_attempt_finished"


def result_panels(request, attempt) -> list[SafeString]:
    """Render every registered panel for this attempt; panels return escaped HTML."""
    return [
        mark_safe(html)  # noqa: S308
        for panel in hooks.get_hooks(RESULT_PANEL)
        if (html := panel(request, attempt))
    ]
