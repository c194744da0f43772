"""The content lead's PE-online pages in the Wagtail admin (content leads only).

- ``send``: choose a course and period, see what will be sent and who is left out and why,
  press "versturen"; the course's batches below, with their status.
- ``batches``: every batch, newest first (a Wagtail report).
- ``batch``: one batch's rows with their outcome, rejected rows with PE-online's own message.

The credentials are never shown: the page says only whether they are set.
"""

from __future__ import annotations

import datetime
from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin.ui.tables import Column, TitleColumn, UserColumn
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.views.reports import ReportView

from courses.models import CoursePage
from people import roles

from . import registers
from .models import PeOnlineBatch, PeOnlineRow
from .pe_online import PE_ONLINE_REGISTERS, Settings
from .pe_online_sending import (
    AlreadySending,
    NothingToSend,
    latest_batch_id,
    plan,
    start_sending,
)

REASONS = {
    "no-number": _("no registration number"),
    "invalid-number": _("the registration number is not valid for this register"),
    "outside-period": _("completed outside the accreditation period"),
    "not-complete": _("not completed yet"),
    "revoked": _("certificate revoked"),
}
PROBLEMS = {
    "not-configured": _("The address of PE-online is not set (PE_ONLINE_ENDPOINT)."),
    "timeout": _("PE-online did not answer within %(detail)s seconds."),
    "unreachable": _("PE-online could not be reached."),
    "http-error": _("PE-online answered with an error (HTTP %(detail)s)."),
    "unreadable": _("PE-online's answer could not be read: it was not a PE-online summary."),
    "stuck": _("Sending stopped halfway: the background worker stopped."),
    "error": _("Something went wrong while sending."),
}
NOTHING_LOST = _(
    "Nothing is lost: these rows are ready to be sent again. PE-online ignores a row it "
    "already has, so sending again is safe."
)


def _local(moment) -> str:
    return timezone.localtime(moment).strftime("%d-%m-%Y %H:%M")


def problem_text(batch: PeOnlineBatch) -> str:
    if batch.status != PeOnlineBatch.Status.FAILED:
        return ""
    text = PROBLEMS.get(batch.problem, PROBLEMS["error"])
    return f"{text % {'detail': batch.problem_detail}} {NOTHING_LOST}"


class ContentLeadsOnly:
    def dispatch(self, request, *args, **kwargs):
        if not roles.is_content_lead(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def reported_courses():
    """Courses with an accreditation by a register on PE-online."""
    return (
        CoursePage.objects.filter(accreditations__register__in=PE_ONLINE_REGISTERS)
        .distinct()
        .order_by("title")
    )


DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class PeriodForm(forms.Form):
    course = forms.ModelChoiceField(
        label=_("Course"), queryset=CoursePage.objects.none(), empty_label=None
    )
    since = forms.DateField(label=_("Completed from"), widget=DATE)
    until = forms.DateField(label=_("Completed until"), widget=DATE)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = reported_courses()

    def clean(self):
        data = super().clean()
        if data.get("since") and data.get("until") and data["until"] < data["since"]:
            raise forms.ValidationError(_("The end date comes before the start date."))
        return data


class SendForm(PeriodForm):
    # The newest batch of the course when the list was shown: a second click or an old tab
    # sees that something was sent since.
    last_batch = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    include_rejected = forms.BooleanField(
        label=_("Also send the rows rejected before, unchanged since"),
        help_text=_("Only when the cause was fixed at PE-online, for example the accreditation."),
        required=False,
    )


def connection(credentials: Settings) -> dict:
    """What the page may say about the connection: never the key, nor the user's ID."""
    endpoint = settings.PE_ONLINE_ENDPOINT
    return {
        "host": urlsplit(endpoint).netloc if endpoint else "",
        "fake": settings.PE_ONLINE_FAKE and "/dev/pe-online/" in endpoint,
        "has_user": bool(credentials.user_id and credentials.org_id),
        "has_key": bool(credentials.user_key),
    }


def _query(data) -> str:
    return urlencode({"course": data["course"].pk, "since": data["since"], "until": data["until"]})


def _say_how_it_went(request, made: list[PeOnlineBatch]) -> None:
    """Where the task ran at once (development), say what came of it; else that it is on
    its way."""
    batches = list(PeOnlineBatch.objects.filter(pk__in=[b.pk for b in made]))
    failed = [b for b in batches if b.status == PeOnlineBatch.Status.FAILED]
    if failed:
        messages.error(request, problem_text(failed[0]))
    elif all(b.status == PeOnlineBatch.Status.ANSWERED for b in batches):
        rejected = any(b.rejected_count for b in batches)
        (messages.warning if rejected else messages.success)(
            request,
            _("PE-online: %(accepted)s accepted, %(rejected)s rejected.")
            % {
                "accepted": sum(b.accepted_count for b in batches),
                "rejected": sum(b.rejected_count for b in batches),
            },
        )
    else:
        rows = PeOnlineRow.objects.filter(batch__in=batches).count()
        messages.success(
            request,
            ngettext(
                "%(rows)s row was handed over to be sent to PE-online. Its status is below.",
                "%(rows)s rows were handed over to be sent to PE-online. The status of each "
                "batch is below.",
                rows,
            )
            % {"rows": rows},
        )


class SendView(ContentLeadsOnly, WagtailAdminTemplateMixin, TemplateView):
    template_name = "accreditation/admin/pe_online_send.html"
    page_title = _("Report to PE-online")
    header_icon = "upload"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        today = timezone.localdate()
        first = reported_courses().first()
        if first is None:  # nothing to report yet: an empty form, no errors
            form = PeriodForm()
        else:
            shown = {"course": first.pk, "since": today - datetime.timedelta(days=365)}
            form = PeriodForm({**shown, "until": today, **request.GET.dict()})
        return self.render_to_response(self.get_context_data(form=form, no_courses=not first))

    def post(self, request, *args, **kwargs):
        form = SendForm(request.POST)
        if not form.is_valid():  # a tampered or outdated form
            messages.error(
                request,
                _("The form was not complete. Nothing was sent; check the list and send again."),
            )
            return redirect("pe_online:send")
        data = form.cleaned_data
        back = f"{reverse('pe_online:send')}?{_query(data)}"
        if data["last_batch"] != latest_batch_id(data["course"]):
            messages.warning(
                request,
                _(
                    "Something was sent for this course after this list was shown (a second "
                    "click, another tab or a colleague). Nothing was sent twice. Check the list "
                    "below and send again if rows are left."
                ),
            )
            return redirect(back)
        try:
            made = start_sending(
                data["course"],
                data["since"],
                data["until"],
                request.user,
                include_rejected=data["include_rejected"],
            )
        except AlreadySending:
            messages.warning(
                request,
                _(
                    "These rows are already being sent. Nothing was sent twice; the status "
                    "of each batch is below."
                ),
            )
        except NothingToSend as nothing:
            if nothing.rejected:
                messages.info(
                    request,
                    _(
                        "Nothing new to send. Rows rejected before are sent again only when "
                        "you tick “Also send the rows rejected before”."
                    ),
                )
            else:
                messages.info(request, _("There is nothing left to send for this period."))
        else:
            _say_how_it_went(request, made)
        return redirect(back)

    def get_context_data(self, form, **kwargs):
        context = super().get_context_data(**kwargs)
        context["form"] = form
        context["connection"] = connection(Settings.from_environment())
        if form.is_valid():
            data = form.cleaned_data
            course = data["course"]
            current = plan(course, data["since"], data["until"])
            context["plan"] = current
            context["to_send"] = [
                (row, registers.NAMES.get(row.register, row.register)) for row in current.to_send
            ]
            context["skipped"] = [
                (item, REASONS[item.reason])
                for item in current.skipped
                if item.reason != "not-complete"
            ]
            context["not_complete"] = [
                item.name for item in current.skipped if item.reason == "not-complete"
            ]
            context["send_form"] = SendForm(
                initial={**data, "course": course.pk, "last_batch": latest_batch_id(course)}
            )
            recent = PeOnlineBatch.objects.filter(course=course).select_related(
                "created_by__profile"
            )[:10]
            context["batches"] = [(batch, problem_text(batch)) for batch in recent]
        return context


class BatchesView(ContentLeadsOnly, ReportView):
    """Every batch, newest first."""

    template_name = "accreditation/admin/pe_online_batches.html"
    page_title = _("PE-online batches")
    header_icon = "list-ul"
    index_url_name = "pe_online:batches"
    paginate_by = 25
    columns = [
        TitleColumn(
            "created_at",
            label=_("Created"),
            url_name="pe_online:batch",
            accessor=lambda batch: _local(batch.created_at),
        ),
        Column("course", label=_("Course"), accessor="course.title"),
        Column("period", label=_("Period"), accessor="period"),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("accepted_count", label=_("Accepted")),
        Column("rejected_count", label=_("Rejected")),
        UserColumn("created_by", label=_("Sent by")),
    ]

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("pe_online:send"), "label": _("Report to PE-online")},
            {"url": "", "label": self.page_title},
        ]

    def get_queryset(self):
        return PeOnlineBatch.objects.select_related("course", "created_by__profile")

    def decorate_paginated_queryset(self, object_list):
        for batch in object_list:
            batch.period = f"{batch.since:%d-%m-%Y} – {batch.until:%d-%m-%Y}"
        return object_list


class BatchView(ContentLeadsOnly, ReportView):
    """One batch: its rows and their outcome."""

    template_name = "accreditation/admin/pe_online_batch.html"
    header_icon = "list-ul"
    paginate_by = 100  # a batch holds at most 100 rows
    columns = [
        Column("name", label=_("Name"), accessor="user.profile.display_name"),
        Column("register", label=_("Register"), accessor="get_register_display"),
        Column("course_id", label=_("Accreditation ID")),
        Column("person_id", label=_("Registration number")),
        Column("end", label=_("Completed at"), accessor=lambda row: _local(row.end)),
        Column("status", label=_("Status"), accessor="get_status_display"),
        Column("message", label=_("Message from PE-online"), accessor="message"),
    ]

    @cached_property
    def batch(self):  # looked up only after the permission check (no probing of ids)
        return get_object_or_404(
            PeOnlineBatch.objects.select_related("course", "created_by__profile"),
            pk=self.kwargs["pk"],
        )

    def get_page_title(self):
        return _("Batch of %(when)s") % {"when": _local(self.batch.created_at)}

    def get_index_url(self):
        return reverse("pe_online:batch", args=[self.batch.pk])

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {"url": reverse("pe_online:send"), "label": _("Report to PE-online")},
            {"url": reverse("pe_online:batches"), "label": _("PE-online batches")},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_queryset(self):
        return PeOnlineRow.objects.filter(batch=self.batch).select_related("user__profile")

    def decorate_paginated_queryset(self, object_list):
        for row in object_list:
            row.message = (
                f"{row.error_number}: {row.error_message}"
                if row.error_number
                else row.error_message
            )
        return object_list

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["batch"] = self.batch
        context["problem"] = problem_text(self.batch)
        context["rejected_rows"] = self.get_queryset().filter(status=PeOnlineRow.Status.REJECTED)
        context["send_again_url"] = f"{reverse('pe_online:send')}?" + urlencode(
            {
                "course": self.batch.course_id,
                "since": self.batch.since,
                "until": self.batch.until,
            }
        )
        return context
