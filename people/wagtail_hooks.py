from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from . import membership
from .models import MembershipRequest, Organisation, Profile, Team


class OrganisationViewSet(ModelViewSet):
    model = Organisation
    icon = "site"
    form_fields = ["name", "kind", "administrators", "join_code"]
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


class MembershipRequestPolicy(ModelPermissionPolicy):
    """Administrators of an organisation see and decide its requests; nobody adds or deletes.

    Not a Django permission: being an organisation's administrator is per organisation.
    """

    def user_has_permission(self, user, action):
        if action not in ("view", "change"):
            return False
        return user.is_superuser or user.administered_organisations.exists()

    def instances_user_has_any_permission_for(self, user, actions):
        if not any(action in ("view", "change") for action in actions):
            return self.model.objects.none()
        return membership.requests_for_administrator(user)

    def user_has_permission_for_instance(self, user, action, instance):
        return (
            action in ("view", "change")
            and self.instances_user_has_any_permission_for(user, [action])
            .filter(pk=instance.pk)
            .exists()
        )


register_permission_policy(MembershipRequest, MembershipRequestPolicy(MembershipRequest))


class MembershipDecisionForm(WagtailAdminModelForm):
    """Approve or refuse, and choose the team; ``membership.decide`` does the rest."""

    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            (MembershipRequest.Status.APPROVED, _("Approve")),
            (MembershipRequest.Status.REFUSED, _("Refuse")),
        ],
        widget=forms.RadioSelect,
    )

    class Meta:
        model = MembershipRequest
        fields = ["team"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.decided_by = for_user
        self.fields["team"].queryset = Team.objects.filter(
            organisation_id=self.instance.organisation_id
        )

    def clean(self):
        cleaned = super().clean()
        approve = cleaned.get("decision") == MembershipRequest.Status.APPROVED
        if approve and not membership.may_decide(
            self.decided_by, self.instance, cleaned.get("team")
        ):
            self.add_error(
                "team",
                _("You manage this team, so another administrator must approve this request."),
            )
        return cleaned

    def save(self, commit=True):
        membership.decide(
            self.decided_by,
            self.instance,
            approve=self.cleaned_data["decision"] == MembershipRequest.Status.APPROVED,
            team=self.cleaned_data.get("team"),
        )
        return self.instance


class MembershipRequestIndexView(IndexView):
    def get_base_queryset(self):
        return membership.requests_for_administrator(self.request.user)


class MembershipRequestEditView(EditView):
    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not membership.may_decide(self.request.user, obj):
            raise PermissionDenied
        return obj

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}


class ScopedToAdministrator:
    """Look objects up only among the requests the user may decide (404 for the rest)."""

    def get_base_object_queryset(self):
        return membership.requests_for_administrator(self.request.user)


class MembershipRequestHistoryView(ScopedToAdministrator, HistoryView):
    pass


class MembershipRequestUsageView(ScopedToAdministrator, UsageView):
    pass


class MembershipRequestViewSet(ModelViewSet):
    model = MembershipRequest
    icon = "user"
    menu_label = _("Requests to join")
    index_view_class = MembershipRequestIndexView
    edit_view_class = MembershipRequestEditView
    history_view_class = MembershipRequestHistoryView
    usage_view_class = MembershipRequestUsageView
    form_fields = ["team"]
    list_display = ["user", "organisation", "status", "created_at"]
    list_filter = ["status"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return MembershipDecisionForm


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = _("People")
    menu_icon = "group"
    menu_order = 300
    items = (
        OrganisationViewSet("organisations"),
        TeamViewSet("teams"),
        ProfileViewSet("profiles"),
        MembershipRequestViewSet("membership_requests"),
    )


@hooks.register("register_admin_viewset")
def register_people_viewsets():
    return PeopleViewSetGroup()
