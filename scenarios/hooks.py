"""Extra panels that apps higher up (courses) add to the attempt result page.

Scenarios know nothing of courses; a panel is a function ``(request, attempt) -> str`` (safe
HTML, already escaped) that the result page shows below the scores, such as a reflection box.
"""

from collections.abc import Callable

from django.utils.safestring import SafeString, mark_safe

ResultPanel = Callable[[object, object], str]

_result_panels: list[ResultPanel] = []


def register_result_panel(panel: ResultPanel) -> None:
    _result_panels.append(panel)


def result_panels(request, attempt) -> list[SafeString]:
    """Render every registered panel for this attempt; panels return escaped HTML."""
    return [mark_safe(html) for panel in _result_panels if (html := panel(request, attempt))]  # noqa: S308
