"""The words for a score band (``engine.band``), shown before any number, in one place."""

from django.utils.translation import gettext_lazy as _

from .engine import band

BAND_LABELS = {
    "mostly_desired": _("mostly desired"),
    "partly_desired": _("partly desired"),
    "mostly_less_desired": _("mostly less desired"),
    "not_practised": _("not practised"),
}


def band_label(score: int | None) -> str:
    """Return the translated band of a 0–100 score; None is "niet geoefend"."""
    return str(BAND_LABELS[band(score)])
