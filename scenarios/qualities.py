"""The quality of a choice, with its words: the one definition every page and form uses.

The values are the exchange format's (``engine.QUALITIES``); a test keeps the two in step.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Quality(models.TextChoices):
    DESIRED = "desired", _("desired")
    ACCEPTABLE = "acceptable", _("acceptable")
    LESS_DESIRED = "less_desired", _("less desired")


def quality_label(value: str) -> str:
    """The words for a quality value; an unknown value is shown as it is."""
    return str(Quality(value).label) if value in Quality.values else value
