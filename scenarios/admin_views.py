"""Admin views for authors: a scenario's story map, its export, and importing a file."""

from __future__ import annotations

import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from . import interop, map_editor
from .advice_messages import advice_data
from .blocks import SPEAKER_CHOICES
from .engine import MAX_FILE_BYTES
from .graph import scenario_from_page
from .map_words import map_words
from .models import Principle, ScenarioIndexPage, ScenarioPage
from .preview import render_preview
from .principle_cache import principles_stamp
from .problem_messages import message, problem_rows
from .qualities import Quality
from .revision_cache import cached_html
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
    """The map editor: steps as cards, choices as arrows, edited in a side panel.

    The page form stays the accessible fallback; the static picture of the graph (story_map)
    is the map's text-free print version and the fallback without JavaScript.
    """

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
        permissions = self.page.permissions_for_user(self.request.user)
        lock = self.page.get_lock()
        context.update(
            page=self.page,
            svg=self.story_map_svg(scenario, problems),
            problems=problem_rows(problems, ""),
            step_count=len(scenario.nodes),
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
            export_url=reverse("scenarios_admin:export", args=[self.page.pk]),
            map_data={
                "document": map_editor.map_document(latest),
                "revision": self.page.latest_revision_id,
                "problems": map_editor.problem_data(problems),
                "advice": map_editor.scenario_advice(scenario),
                "principles": [
                    {"slug": p.slug, "label": p.display_label}
                    for p in Principle.objects.order_by("order", "name")
                ],
                "speakers": [[value, str(label)] for value, label in SPEAKER_CHOICES],
                "qualities": [[value, str(label)] for value, label in Quality.choices],
                "canPublish": permissions.can_publish(),
                "state": map_editor.publication_state(self.page),
                "locked": str(lock.get_message(self.request.user))
                if lock is not None and lock.for_user(self.request.user)
                else "",
                "urls": {
                    "check": reverse("scenarios_admin:map_check", args=[self.page.pk]),
                    "save": reverse("scenarios_admin:map_save", args=[self.page.pk]),
                    "play": reverse("scenarios_admin:map_play", args=[self.page.pk]),
                    "live": self.page.url if self.page.live else "",
                },
                "card": {"width": map_editor.CARD_W, "height": map_editor.CARD_H},
                "csrf": get_token(self.request),
            },
            map_text=map_words(),
        )
        return context

    def story_map_svg(self, scenario, problems):
        """The picture of the last saved version (its layout is the costly part), kept per
        revision: saving a draft makes a new one. The problems on it are checked against the
        principles, so their stamp is part of the key."""
        page = self.page
        if page.latest_revision_id is None:
            return render_map(scenario, problems, message)
        parts = [page.latest_revision_id, page.latest_revision_created_at, principles_stamp()]
        return cached_html("story-map", parts, lambda: render_map(scenario, problems, message))


def _posted_document(request):
    try:
        payload = json.loads(request.body or b"{}")
    except (ValueError, UnicodeDecodeError):
        payload = None
    if not isinstance(payload, dict):
        raise map_editor.SaveRefused(map_editor.not_a_scenario())
    return payload


@require_POST
def map_check_view(request, page_id: int):
    """Check the map's document as an import would, storing nothing: its problems, worded."""
    editable_scenario(request, page_id)
    try:
        payload = _posted_document(request)
    except map_editor.SaveRefused as refused:
        return JsonResponse({"error": refused.message}, status=refused.status)
    scenario, problems, _positions = map_editor.read_document(payload.get("document"))
    return JsonResponse(
        {
            "problems": map_editor.problem_data(problems),
            "advice": map_editor.scenario_advice(scenario),
        }
    )


@require_POST
def map_save_view(request, page_id: int):
    """Save the map's document as a new draft revision, and publish it when asked and allowed."""
    page = editable_scenario(request, page_id)
    try:
        payload = _posted_document(request)
        saved = map_editor.save_from_map(
            page,
            request.user,
            payload.get("document"),
            payload.get("revision"),
            publish=bool(payload.get("publish")),
        )
    except map_editor.SaveRefused as refused:
        return JsonResponse(
            {"error": refused.message, "problems": map_editor.problem_data(refused.problems)},
            status=refused.status,
        )
    page.refresh_from_db()
    return JsonResponse(
        {
            "revision": saved.revision_id,
            "published": saved.published,
            "state": map_editor.publication_state(page),
            "live": page.url if page.live else "",
            "problems": map_editor.problem_data(saved.problems),
            "advice": advice_data(saved.advice),
        }
    )


@require_POST
def map_play_view(request, page_id: int):
    """Play the map's scenario as it is now, from any step: the preview, nothing stored."""
    page = editable_scenario(request, page_id)
    try:
        document = json.loads(request.POST.get("document", ""))
    except ValueError:
        document = None
    scenario, _problems, _positions = map_editor.read_document(document)
    if scenario is None:
        messages.error(request, map_editor.not_a_scenario())
        return redirect("scenarios_admin:map", page.pk)
    return render_preview(request, page.get_latest_revision_as_object(), scenario)


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
        label=gettext_lazy("Scenario library"),
        help_text=gettext_lazy("The new scenario is added here as a draft."),
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
        advice = interop.page_advice(imported.page)
        if advice:
            messages.info(
                request,
                ngettext(
                    "There is %(count)s piece of advice about the score under 'Check and map'.",
                    "There are %(count)s pieces of advice about the score under 'Check and map'.",
                    len(advice),
                )
                % {"count": len(advice)},
            )
        return redirect("wagtailadmin_pages:edit", imported.page.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["no_parents"] = not context["form"].fields["parent"].queryset.exists()
        return context
