"""Register numbers, certificates and their public verification. Views stay thin: the rules
are in ``certificates`` and ``registers``."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.access import courses_for_user
from courses.models import Cohort
from people import roles
from people.models import listed_people
from people.names import display_name
from people.team_scope import get_teams_for_manager, members_of, subtree_of, teams_for_manager

from . import certificates, pdf, registers
from .forms import ERRORS, RegisterNumbersForm, RevokeForm
from .models import Certificate, RegisterNumber, normalise_code
from .ratelimit import verification_allowed


def save_numbers(user, form) -> str | None:
    """Save the form's numbers together; returns the register whose number someone else
    holds (and saves nothing), or None."""
    try:
        with transaction.atomic():
            for code, _name in registers.REGISTERS:
                value = form.cleaned_data[code]
                if not value:
                    RegisterNumber.objects.filter(user=user, register=code).delete()
                    continue
                try:
                    with transaction.atomic():
                        RegisterNumber.objects.update_or_create(
                            user=user, register=code, defaults={"number": value}
                        )
                except IntegrityError:
                    raise NumberTaken(code) from None
    except NumberTaken as taken:
        return taken.register
    return None


class NumberTaken(Exception):
    def __init__(self, register: str):
        self.register = register


@login_required
def my_registrations(request):
    numbers = certificates.numbers_of(request.user)
    form = RegisterNumbersForm(request.POST or None, numbers=numbers, user=request.user)
    if request.method == "POST" and form.is_valid():
        claimed = save_numbers(request.user, form)
        if claimed is None:
            messages.success(request, _("Your registration numbers have been saved."))
            return redirect("my-registrations")
        # Someone claimed the number between the form's check and the save: the database's
        # constraint (one person per number) refused it, and nothing was saved.
        form.add_error(claimed, ERRORS["taken"])
    mine = Certificate.objects.filter(user=request.user).select_related("course")
    return render(
        request,
        "accreditation/my_registrations.html",
        {"form": form, "certificates": mine},
        status=400 if form.errors else 200,
    )


@login_required
@require_POST
def certificate_claim(request, course_pk: int):
    course = get_object_or_404(courses_for_user(request.user), pk=course_pk)
    try:
        certificate = certificates.issue(request.user, course)
    except certificates.NotCompleted:
        if course.requires_attendance:
            messages.error(
                request,
                _(
                    "You get a certificate once you have done every lesson and were present "
                    "at every meeting of your learning group."
                ),
            )
        else:
            messages.error(request, _("You get a certificate once you have done every lesson."))
        return redirect(course.url)
    return redirect("certificate-pdf", pk=certificate.pk)


def verification_url(request, certificate) -> str:
    return request.build_absolute_uri(reverse("certificate-verify", args=[certificate.code]))


@login_required
def certificate_pdf(request, pk: int):
    certificate = get_object_or_404(Certificate, pk=pk, user=request.user)
    if certificate.revoked:
        return render(
            request, "accreditation/revoked.html", {"certificate": certificate}, status=410
        )
    body = pdf.render(certificate, verification_url(request, certificate), provider())
    response = HttpResponse(body, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="certificaat-{certificate.code}.pdf"'
    response["Cache-Control"] = "no-store"
    return response


def provider() -> str:
    return getattr(settings, "CERTIFICATE_PROVIDER", "Kantelwerk")


def certificate_check(request):
    """Public: a field to type the code from a certificate (the QR code links straight on)."""
    typed = request.GET.get("code", "").strip()
    if typed:
        return redirect("certificate-verify", code=normalise_code(typed)[:40] or "-")
    return render(request, "accreditation/verify.html", {"ask": True})


def certificate_verify(request, code: str):
    """Public: confirms name, course, date and points, nothing else. Rate-limited per
    address, so codes cannot be guessed by trying many."""
    if not verification_allowed(request):
        return render(request, "accreditation/verify.html", {"limited": True}, status=429)
    certificate = Certificate.objects.filter(code=normalise_code(code)).first()
    status = 200 if certificate else 404
    return render(
        request,
        "accreditation/verify.html",
        {"certificate": certificate, "code": code},
        status=status,
    )


@login_required
def certificate_revoke(request, pk: int):
    certificate = get_object_or_404(Certificate, pk=pk)
    if not certificates.may_revoke(request.user, certificate):
        raise Http404
    form = RevokeForm(request.POST or None)
    if request.method == "POST" and not certificate.revoked and form.is_valid():
        certificates.revoke(certificate, request.user, form.cleaned_data["reason"])
        messages.success(request, _("The certificate has been revoked."))
        return redirect("certificate-revoke", pk=certificate.pk)
    return render(
        request,
        "accreditation/revoke.html",
        {"certificate": certificate, "form": form},
        status=400 if form.errors else 200,
    )


def get_cohort_for_staff(user, pk: int) -> Cohort:
    """A learning group its trainers and the content leads may see certificates of, or 404."""
    cohort = get_object_or_404(Cohort.objects.select_related("course"), pk=pk)
    if roles.is_content_lead(user) or cohort.trainers.filter(pk=user.pk).exists():
        return cohort
    raise Http404


@login_required
def cohort_certificates(request, pk: int):
    cohort = get_cohort_for_staff(request.user, pk)
    people = cohort.participants.select_related("profile").order_by("profile__display_name")
    mine = Certificate.objects.filter(course_id=cohort.course_id, user__in=people)
    issued = {c.user_id: c for c in mine}
    rows = [(person, issued.get(person.pk)) for person in people]
    return render(
        request, "accreditation/cohort_certificates.html", {"cohort": cohort, "rows": rows}
    )


@login_required
def certificate_overview(request):
    """Content leads find any certificate by its code, or see the latest, to revoke it."""
    if not roles.is_content_lead(request.user):
        raise Http404
    code = request.GET.get("code", "").strip().upper()
    found = Certificate.objects.select_related("course").order_by("-issued_at")
    found = found.filter(code=code) if code else found[:100]
    return render(
        request, "accreditation/certificate_overview.html", {"certificates": found, "code": code}
    )


@login_required
def team_completions(request):
    """A manager sees which of their teams' people completed which course, when, and the
    points per register on the certificate: never test answers, scores or register numbers.
    The teams are scoped as on the dashboards (``people.team_scope``)."""
    teams = get_teams_for_manager(request.user)
    raw = request.GET.get("team", "")
    team = next((t for t in teams if str(t.pk) == raw), None)
    if raw and team is None:
        return render(
            request,
            "dashboards/bad_filter.html",
            {"message": _("Unknown team in the filter.")},
            status=400,
        )
    members = listed_people(
        members_of(subtree_of(team) if team else teams_for_manager(request.user))
    )
    completions = (
        Certificate.objects.filter(user__in=members, revoked_at__isnull=True)
        .select_related("user__profile")
        .order_by("-completed_on", "user__profile__display_name")
    )
    rows = [
        {
            "name": display_name(c.user),
            "course": c.course_title,
            "completed_on": c.completed_on,
            "study_hours": c.study_hours,
            "points": [
                {"register": p.get("register_name") or p["register"], "points": p["points"]}
                for p in c.points
            ],
        }
        for c in completions
    ]
    return render(
        request,
        "accreditation/team_completions.html",
        {"teams": teams, "team": team, "rows": rows},
    )
