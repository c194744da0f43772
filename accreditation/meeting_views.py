"""A learning group's meetings: its trainers plan them and take attendance on their phone,
and download the attendance list. Only the group's trainers and content leads come in
(``views.get_cohort_for_staff``); the rules are in ``meetings`` and ``attendance``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people import roles
from people.workbooks import csv_response, xlsx_response

from . import meetings
from .attendance import attendance_about, attendance_filename, attendance_sheet
from .forms import MeetingForm
from .models import Meeting
from .views import get_cohort_for_staff


def get_meeting_for_staff(user, pk: int) -> Meeting:
    """A meeting of a group the user trains (or any, for a content lead), or 404."""
    meeting = get_object_or_404(Meeting.objects.select_related("cohort__course"), pk=pk)
    cohort = meeting.cohort
    if roles.is_content_lead(user) or cohort.trainers.filter(pk=user.pk).exists():
        return meeting
    raise Http404


@login_required
def cohort_meetings(request, pk: int):
    """The group's meetings with how many were present, and a form to plan a new one."""
    cohort = get_cohort_for_staff(request.user, pk)
    form = MeetingForm(request.POST or None, cohort=cohort)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The meeting has been added."))
        return redirect("cohort-meetings", pk=cohort.pk)
    planned, present = meetings.attended(cohort)
    size = cohort.participants.count()
    rows = [(meeting, len(present[meeting.pk])) for meeting in planned]
    context = {"cohort": cohort, "form": form, "rows": rows, "size": size}
    return render(
        request,
        "accreditation/cohort_meetings.html",
        context,
        status=400 if form.errors else 200,
    )


def _attendance_list(meeting):
    people = list(
        meeting.cohort.participants.select_related("profile").order_by("profile__display_name")
    )
    present = meetings.presence(meeting.cohort, [meeting])[meeting.pk]
    marked = set(meeting.attendances.values_list("user_id", flat=True))
    return [
        {
            "person": person,
            "present": person.pk in present,
            # Seen in a live session meanwhile: present, whatever the trainer marks.
            "live": person.pk in present and person.pk not in marked,
        }
        for person in people
    ]


@login_required
def meeting_attendance(request, pk: int):
    """The phone list: one tap per person. Each tap says the state it asks for (present or
    not), so a double tap or a tap from a stale tab sets that state again, losing nothing."""
    meeting = get_meeting_for_staff(request.user, pk)
    opens = timezone.localdate(meeting.starts_at)
    wants_json = request.headers.get("Accept", "").startswith("application/json")
    if request.method == "POST":
        error = None
        person_id = request.POST.get("person", "")
        wanted = request.POST.get("present")
        participants = meeting.cohort.participants
        if timezone.localdate() < opens:
            error = _("You can take attendance from the day of the meeting.")
        elif wanted not in ("0", "1") or not person_id.isdigit():
            error = _("That tap was not understood. The list below is up to date; try again.")
        elif not participants.filter(pk=int(person_id)).exists():
            error = _("This person is no longer in the group. The list below is up to date.")
        if error:
            if wants_json:
                return JsonResponse({"error": error}, status=400)
            messages.error(request, error)
            return redirect("meeting-attendance", pk=meeting.pk)
        meetings.mark(meeting, int(person_id), wanted == "1", request.user)
        if wants_json:
            return JsonResponse({"person": int(person_id), "present": wanted == "1"})
        return redirect(reverse("meeting-attendance", args=[meeting.pk]) + f"#p{person_id}")
    rows = _attendance_list(meeting)
    context = {
        "meeting": meeting,
        "cohort": meeting.cohort,
        "rows": rows,
        "present_count": sum(1 for row in rows if row["present"]),
        "open": timezone.localdate() >= opens,
    }
    return render(request, "accreditation/meeting_attendance.html", context)


@login_required
@require_POST
def meeting_delete(request, pk: int):
    """Remove a meeting planned by mistake, with the attendance taken at it."""
    meeting = get_meeting_for_staff(request.user, pk)
    cohort_pk = meeting.cohort_id
    meeting.delete()
    messages.success(request, _("The meeting has been removed."))
    return redirect("cohort-meetings", pk=cohort_pk)


@login_required
def cohort_attendance_export(request, pk: int, fmt: str):
    """The attendance list as CSV (Dutch Excel) or as an Excel workbook."""
    cohort = get_cohort_for_staff(request.user, pk)
    sheet = attendance_sheet(cohort)
    filename = attendance_filename(cohort)
    if fmt == "xlsx":
        return xlsx_response(filename, [sheet], attendance_about(cohort, request.user))
    return csv_response(filename, [sheet])
