from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSetGroup
from wagtail.models import Page
from wagtail.permissions import register_permission_policy

from . import roles
from .admin_permissions import ScopedModelViewSet, ScopedPermissionPolicy
from .models import Organisation, Profile, Team


def _organisation_id(user):
    profile = getattr(user, "profile", None)
    return profile.organisation_id if profile else None


def own_organisations(user, queryset):
    """An organisation administrator looks after their own organisation only."""
    return queryset.filter(pk=_organisation_id(user))


def own_teams(user, queryset):
    return queryset.filter(organisation_id=_organisation_id(user))


def own_profiles(user, queryset):
    return queryset.filter(organisation_id=_organisation_id(user))


register_permission_policy(Organisation, ScopedPermissionPolicy(Organisation, own_organisations))
register_permission_policy(Team, ScopedPermissionPolicy(Team, own_teams))
register_permission_policy(Profile, ScopedPermissionPolicy(Profile, own_profiles))


class OwnOrganisationForm(WagtailAdminModelForm):
    """Choices of organisations and teams stay within the editor's own organisation."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        for field in self.fields.values():
            model = getattr(getattr(field, "queryset", None), "model", None)
            if model is Organisation:
                field.queryset = own_organisations(for_user, field.queryset)
                field.required = True
            elif model is Team:
                field.queryset = own_teams(for_user, field.queryset)


class OrganisationViewSet(ScopedModelViewSet):
    model = Organisation
    icon = "site"
    form_fields = ["name", "kind"]
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["name", "kind"]


class TeamViewSet(ScopedModelViewSet):
    model = Team
    icon = "group"
    edit_handler = ObjectList(
        [FieldPanel("organisation"), FieldPanel("name"), FieldPanel("parent")],
        base_form_class=OwnOrganisationForm,
    )
    list_display = ["name", "organisation", "parent"]
    search_fields = ["name", "organisation__name"]
    list_export = ["name", "organisation", "parent"]


class ProfileViewSet(ScopedModelViewSet):
    model = Profile
    icon = "user"
    edit_handler = ObjectList(
        [
            FieldPanel("display_name"),
            FieldPanel("role"),
            FieldPanel("discipline"),
            FieldPanel("organisation"),
            FieldPanel("teams"),
            FieldPanel("managed_teams"),
            FieldPanel("share_scores_with_manager"),
        ],
        base_form_class=OwnOrganisationForm,
    )
    list_display = ["display_name", "user", "role", "organisation"]
    list_filter = ["role"]
    search_fields = ["display_name", "user__email", "discipline"]
    list_export = ["display_name", "role", "discipline", "organisation"]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("People")
    menu_icon = "group"
    menu_order = 300
    items = (OrganisationViewSet("organisations"), TeamViewSet("teams"), ProfileViewSet("profiles"))


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()


@hooks.register("register_log_actions")
def register_staff_log_actions(actions):
    actions.register_action(
        "kantelwerk.first_admin_visit",
        _("First visit to the admin"),
        _("First visit to the admin: the period to set up two-step verification starts"),
    )


@hooks.register("construct_reports_menu")
def hide_site_wide_reports(request, menu_items):
    if not roles.sees_whole_site(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "site-history"]


def _refuse_removal(request, pages):
    names = ", ".join(f"“{page.title}”" for page in pages)
    messages.error(
        request,
        _(
            "%(pages)s is someone else's work: only its author or a content lead may delete "
            "or move it."
        )
        % {"pages": names},
    )
    return redirect("wagtailadmin_explore", pages[0].get_parent().pk)


def _not_removable(request, pages):
    return [page for page in pages if not roles.may_remove_page(request.user, page)]


@hooks.register("before_delete_page")
def keep_others_pages_from_deletion(request, page):
    if refused := _not_removable(request, [page]):
        return _refuse_removal(request, refused)
    return None


@hooks.register("before_move_page")
def keep_others_pages_in_place(request, page, destination):
    if refused := _not_removable(request, [page]):
        return _refuse_removal(request, refused)
    return None


@hooks.register("before_bulk_action")
def keep_others_pages_in_bulk(request, action_type, objects, action_class_instance):
    if action_type not in ("delete", "move"):
        return None
    if refused := _not_removable(request, [obj for obj in objects if isinstance(obj, Page)]):
        return _refuse_removal(request, refused)
    return None
