"""What a page shows of a reflection or reply: its rendered text (or none when hidden), and
the name and role of who wrote it. Bodies are stored as typed and rendered here, on output.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from ..access import Membership
from ..models import Cohort
from ..rendering import render_reflection
from .access import shows_body
from .models import Reflection, ReflectionReply


def person_label(user, trainer_ids: set[int]) -> dict[str, str]:
    """Name and role of someone who wrote in a cohort, as shown next to what they wrote."""
    profile = getattr(user, "profile", None)
    name = (profile.display_name if profile else "") or user.get_username()
    if user.pk in trainer_ids:
        role = _("trainer")
    else:
        role = profile.get_role_display() if profile and profile.role else ""
    return {"name": name, "role": role}


def prepare_for_display(item: Reflection | ReflectionReply, membership: Membership, trainers):
    """Attach what a template shows: rendered body (or nothing when hidden), name and role."""
    item.shows_body = shows_body(membership, item)
    item.body_html = render_reflection(item.body) if item.shows_body else ""
    item.person = person_label(item.author, trainers)
    item.is_own = item.author_id == membership.user_id


def trainer_ids(cohort: Cohort) -> set[int]:
    return set(cohort.trainers.values_list("pk", flat=True))
