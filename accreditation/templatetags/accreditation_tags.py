from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from .. import certificates
from ..models import Accreditation

register = template.Library()


@register.inclusion_tag("accreditation/includes/course_accreditation.html", takes_context=True)
def course_accreditation(context):
    """The points per register on a course page, and the learner's certificate once done."""
    page = context["page"]
    request = context.get("request")
    user = getattr(request, "user", None)
    today = timezone.localdate()
    current = [
        a
        for a in Accreditation.objects.filter(course=page, valid_until__gte=today)
        if a.valid_from <= today
    ]
    progress = context.get("progress")
    lessons_done = bool(
        context.get("can_see_lessons") and progress and certificates.is_complete(progress)
    )
    done = lessons_done and certificates.is_completed(user, page, progress)
    certificate = certificates.certificate_for(user, page) if done else None
    missing = []
    if done:
        numbers = certificates.numbers_of(user)
        missing = [a.display_register for a in current if a.register not in numbers]
    return {
        "missing": missing,
        "outdated": bool(certificate and certificates.is_outdated(certificate)),
        "accreditations": current,
        "course": page,
        "done": done,
        "waiting_for_meetings": lessons_done and not done,
        "certificate": certificate,
        "request": request,
    }


@register.simple_tag
def team_completions_item(current=""):
    """The manager pages' tab to the completions page, which lives in accreditation."""
    here = ' aria-current="page"' if current == "completions" else ""
    return format_html(
        '<li><a href="{}"{}>{}</a></li>',
        reverse("team-completions"),
        mark_safe(here),  # noqa: S308 — a fixed attribute
        _("Completed courses"),
    )
