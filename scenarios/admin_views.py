"""Admin views for authors: a scenario's story map, its export, and importing a file."""

from __future__ import annotations

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import interop
from .engine import MAX_FILE_BYTES
from .graph import scenario_from_page
from .models import ScenarioIndexPage, ScenarioPage
from .problem_messages import message, problem_rows
from .story_map import render_map

MAX_PROBLEMS_SHOWN = 100


def editable_scenario(request, page_id: int) -> ScenarioPage:
    """Return the scenario page if the user may edit it: 404 if it is none, 403 if not theirs."""
    page = get_object_or_404(Page, pk=page_id).specific
    if not isinstance(page, ScenarioPage):
        raise Http404
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def can_add_pages(user) -> bool:
    return PagePermissionPolicy().user_has_permission(user, "add")


def import_parents(user):
    """The scenario libraries this user may add a scenario to."""
    ids = [
        index.pk
        for index in ScenarioIndexPage.objects.all()
        if index.permissions_for_user(user).can_add_subpage() and ScenarioPage.can_create_at(index)
    ]
    return ScenarioIndexPage.objects.filter(pk__in=ids).order_by("path")


class ScenarioMapView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "scenarios/admin/map.html"
    header_icon = "site"

    def dispatch(self, request, page_id, *args, **kwargs):
        self.page = editable_scenario(request, page_id)
        return super().dispatch(request, page_id, *args, **kwargs)

    def get_page_title(self):
        return _("Map")

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": _("Map")},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        latest = self.page.get_latest_revision_as_object()
        problems = interop.page_problems(latest)
        scenario = scenario_from_page(latest)
        context.update(
            page=self.page,
            svg=render_map(scenario, problems, message),
            problems=problem_rows(problems, ""),
            step_count=len(scenario.nodes),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            export_url=reverse("scenarios_admin:export", args=[self.page.pk]),
        )
        return context


def export_view(request, page_id: int):
    page = editable_scenario(request, page_id)
    response = HttpResponse(
        interop.export_json(page), content_type="application/json; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.json"'
    return response


class ImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Scenario file (JSON)"),
        help_text=gettext_lazy("A file in the Kantelwerk exchange format, at most 1 MiB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
    parent = forms.ModelChoiceField(
        queryset=ScenarioIndexPage.objects.none(),
        label=gettext_lazy("Put it in"),
        help_text=gettext_lazy("The scenario library the new scenario is added to, as a draft."),
        empty_label=None,
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["parent"].queryset = import_parents(user)

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_FILE_BYTES:
            raise forms.ValidationError(
                _("The file is larger than 1 MiB. Make the scenario smaller.")
            )
        return upload


class ScenarioImportView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "scenarios/admin/import.html"
    header_icon = "upload"
    page_title = gettext_lazy("Import a scenario")

    def dispatch(self, request, *args, **kwargs):
        if not can_add_pages(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.page_title}]

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=ImportForm(user=request.user)))

    def post(self, request, *args, **kwargs):
        form = ImportForm(request.POST, request.FILES, user=request.user)
        if not form.is_valid():
            return self.render_to_response(self.get_context_data(form=form))
        raw = form.cleaned_data["file"].read(MAX_FILE_BYTES + 1)
        try:
            imported = interop.import_scenario(raw, form.cleaned_data["parent"], user=request.user)
        except interop.ImportRefused as refused:
            lines = [interop.problem_line(problem) for problem in refused.problems]
            return self.render_to_response(
                self.get_context_data(
                    form=form,
                    problems=lines[:MAX_PROBLEMS_SHOWN],
                    problem_count=len(lines),
                    more=max(len(lines) - MAX_PROBLEMS_SHOWN, 0),
                )
            )
        messages.success(
            request,
            _("Scenario '%(title)s' imported as a draft. Check it, then publish it.")
            % {"title": imported.page.title},
        )
        return redirect("wagtailadmin_pages:edit", imported.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_parents"] = not context["form"].fields["parent"].queryset.exists()
        return context
