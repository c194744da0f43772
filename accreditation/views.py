"""Register numbers, certificates and their public verification. Views stay thin: the rules
are in ``certificates`` and ``registers``."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from courses.access import courses_for_user
from courses.models import Cohort
from people import roles

from . import certificates, pdf, registers
from .attendance import attendance_csv
from .forms import RegisterNumbersForm, RevokeForm
from .models import Certificate, RegisterNumber, normalise_code
from .ratelimit import verification_allowed


@login_required
def my_registrations(request):
    numbers = certificates.numbers_of(request.user)
    form = RegisterNumbersForm(request.POST or None, numbers=numbers, user=request.user)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            for code, _name in registers.REGISTERS:
                value = form.cleaned_data[code]
                if value:
                    RegisterNumber.objects.update_or_create(
                        user=request.user, register=code, defaults={"number": value}
                    )
                else:
                    RegisterNumber.objects.filter(user=request.user, register=code).delete()
        messages.success(request, _("Your registration numbers have been saved."))
        return redirect("my-registrations")
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
def cohort_attendance(request, pk: int):
    cohort = get_cohort_for_staff(request.user, pk)
    response = HttpResponse(attendance_csv(cohort), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="presentielijst-{cohort.pk}.csv"'
    response["Cache-Control"] = "no-store"
    return response


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
