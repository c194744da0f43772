from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup

from .models import Organisation, Profile, Team


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    form_fields = ["name", "kind"]
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["name", "kind"]


class TeamViewSet(ModelViewSet):
    model = Team
    icon = "group"
    form_fields = ["organisation", "name", "parent"]
    list_display = ["name", "organisation", "parent"]
    list_filter = ["organisation"]
    search_fields = ["name", "organisation__name"]
    list_export = ["name", "organisation", "parent"]


class ProfileViewSet(ModelViewSet):
    model = Profile
    icon = "user"
    form_fields = [
        "display_name",
        "role",
        "discipline",
        "organisation",
        "teams",
        "managed_teams",
        "share_scores_with_manager",
    ]
    list_display = ["display_name", "user", "role", "organisation"]
    list_filter = ["role", "organisation", "teams"]
    search_fields = ["display_name", "user__email", "discipline"]
    list_export = ["display_name", "role", "discipline", "organisation"]


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("People")
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
