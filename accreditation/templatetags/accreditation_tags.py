from django import template
from django.utils import timezone

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
