from django.contrib import messages
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path, reverse_lazy
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.menus.pages import PageMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import admin_views, interop
from .models import Attempt, Principle, ScenarioPage
from .new_scenario import new_scenario_view


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "pick"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "family", "order"]
    list_filter = ["family"]
    search_fields = ["name", "description", "slug"]
    ordering = ["order", "name"]
    panels = [
        "name",
        "short_label",
        "description",
        "slug",
        "family",
        "order",
        "name_en",
        "short_label_en",
        "description_en",
    ]


register_snippet(PrincipleViewSet)


# --------------------------------------------------------------------------- authoring


class ScenarioPageMenuItem(PageMenuItem):
    """A page action shown only on scenarios the user may edit."""

    def is_shown(self, user):
        return self.page.specific_class is ScenarioPage and (
            self.page.permissions_for_user(user).can_edit()
        )


class ScenarioMapButton(ScenarioPageMenuItem):
    label = gettext_lazy("Map")
    icon_name = "site"
    url_name = "scenarios_admin:map"


class ScenarioExportButton(ScenarioPageMenuItem):
    label = gettext_lazy("Export JSON")
    icon_name = "download"
    url_name = "scenarios_admin:export"


@hooks.register("register_page_header_buttons")
def scenario_header_buttons(page, user, view_name, next_url=None):
    yield ScenarioMapButton(page=page, priority=40)
    yield ScenarioExportButton(page=page, priority=45)


@hooks.register("register_page_listing_more_buttons")
def scenario_listing_buttons(page, user, next_url=None):
    yield ScenarioMapButton(page=page, priority=35)
    yield ScenarioExportButton(page=page, priority=36)


@hooks.register("register_admin_urls")
def scenario_admin_urls():
    urls = [
        path("<int:page_id>/kaart/", admin_views.ScenarioMapView.as_view(), name="map"),
        path("<int:page_id>/kaart/controle/", admin_views.map_check_view, name="map_check"),
        path("<int:page_id>/kaart/opslaan/", admin_views.map_save_view, name="map_save"),
        path("<int:page_id>/kaart/speel/", admin_views.map_play_view, name="map_play"),
        path("<int:page_id>/export/", admin_views.export_view, name="export"),
        path("import/", admin_views.ScenarioImportView.as_view(), name="import"),
        path("nieuw/", new_scenario_view, name="new"),
    ]
    return [path("scenarios/", include((urls, "scenarios_admin"), namespace="scenarios_admin"))]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.can_add_pages(request.user)


class NewScenarioMenuItem(MenuItem):
    def is_shown(self, request):
        return admin_views.import_parents(request.user).exists()


@hooks.register("register_admin_menu_item")
def new_scenario_menu_item():
    return NewScenarioMenuItem(
        gettext_lazy("New scenario"),
        reverse_lazy("scenarios_admin:new"),
        name="scenario-new",
        icon_name="plus",
        order=255,
    )


@hooks.register("register_admin_menu_item")
def scenario_import_menu_item():
    return ImportMenuItem(
        gettext_lazy("Import scenario"),
        reverse_lazy("scenarios_admin:import"),
        name="scenario-import",
        icon_name="upload",
        order=260,
    )


@hooks.register("insert_editor_js")
def scenario_target_select_js():
    """In the page form, a choice's target is picked from the steps (see the script)."""
    return format_html(
        '<script type="module" src="{}" data-kw-target-select data-choose="{}" '
        'data-missing="{}"></script>',
        static("js/scenario-target-select.js"),
        _("Choose a step"),
        _("(this step does not exist)"),
    )


def _warn_about_problems(request, page):
    """After saving a draft (not an autosave), say how many problems are left."""
    if not isinstance(page.specific, ScenarioPage) or not request.accepts("text/html"):
        return
    if request.POST.get("action-publish"):
        return
    count = len(interop.page_problems(page.specific.get_latest_revision_as_object()))
    if count:
        messages.warning(
            request,
            ngettext(
                "Draft saved. There is still %(count)s problem; you can publish once it is solved.",
                "Draft saved. There are still %(count)s problems; you can publish once they are "
                "solved.",
                count,
            )
            % {"count": count},
        )


@hooks.register("after_create_page")
def warn_after_create(request, page):
    _warn_about_problems(request, page)


@hooks.register("after_edit_page")
def warn_after_edit(request, page):
    _warn_about_problems(request, page)


def _pages_with_attempts(pages) -> list:
    """Return those of ``pages`` whose subtree holds scenarios that learners have played."""
    return [
        page for page in pages if Attempt.objects.filter(page__path__startswith=page.path).exists()
    ]


def _refuse_deletion(request, pages):
    names = ", ".join(f"“{page.title}”" for page in pages)
    messages.error(
        request,
        _(
            "%(pages)s cannot be deleted: learners have played these scenarios and their "
            "attempts and scores must stay readable. Unpublish the page instead."
        )
        % {"pages": names},
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


@hooks.register("before_delete_page")
def keep_played_scenarios(request, page):
    played = _pages_with_attempts([page])
    if played:
        return _refuse_deletion(request, played)
    return None


@hooks.register("before_bulk_action")
def keep_played_scenarios_in_bulk(request, action_type, objects, action_class_instance):
    if action_type != "delete":
        return None
    played = _pages_with_attempts([obj for obj in objects if hasattr(obj, "path")])
    if played:
        return _refuse_deletion(request, played)
    return None
