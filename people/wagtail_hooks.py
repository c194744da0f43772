from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import policy_registry, register_permission_policy

from . import membership, names, roles
from .admin_permissions import ScopedModelViewSet, ScopedPermissionPolicy
from .avatars import initials
from .models import MembershipRequest, Organisation, OrganisationStyle, Profile, Role, Team


# An organisation administrator (the group gives the admin rights) looks after the
# organisations that list them as administrator (Organisation.administrators) and nothing else.
def own_organisations(user, queryset):
    return queryset.filter(administrators=user)


def own_teams(user, queryset):
    return queryset.filter(organisation__administrators=user)


def own_profiles(user, queryset):
    return queryset.filter(organisation__administrators=user)


register_permission_policy(Organisation, ScopedPermissionPolicy(Organisation, own_organisations))
register_permission_policy(
    OrganisationStyle, ScopedPermissionPolicy(OrganisationStyle, own_organisations)
)
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
    form_fields = ["name", "kind", "administrators", "join_code"]
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name"]
    list_export = ["name", "kind"]


class HouseStyleForm(WagtailAdminModelForm):
    """The logo is one of the images the editor may choose: those of their organisation's
    collection (``roles.open_image_collection``), or the logo it already has."""

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, for_user=for_user, **kwargs)
        if for_user is None or for_user.is_superuser:
            return
        choosable = policy_registry.get_by_type(
            get_image_model()
        ).instances_user_has_any_permission_for(for_user, ["choose"])
        current = get_image_model().objects.filter(pk=self.instance.logo_id)
        self.fields["logo"].queryset = choosable | current


class HouseStyleViewSet(ScopedModelViewSet):
    """An organisation administrator sets their organisation's colour and logo (people/theme.py)."""

    model = OrganisationStyle
    icon = "image"
    edit_handler = ObjectList(
        [FieldPanel("brand_colour"), FieldPanel("logo")], base_form_class=HouseStyleForm
    )
    list_display = ["name", "brand_colour"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False


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
    list_display = [
        "display_name",
        Column("email", label=_("Email address"), accessor="user.email"),
        "role",
        "organisation",
    ]
    list_filter = ["role"]
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

    field_order = ["decision", "team"]

    class Meta:
        model = MembershipRequest
        fields = ["team"]

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.decided_by = for_user
        self.fields["team"].queryset = Team.objects.filter(
            organisation_id=self.instance.organisation_id
        )
        self.fields["team"].help_text = _(
            "The person is added to this team. Leave it empty to add them to no team."
        )

    def clean(self):
        cleaned = super().clean()
        if self.instance.status != MembershipRequest.Status.PENDING:
            raise forms.ValidationError(
                _("This request has already been decided. The person can send a new request.")
            )
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


def _role_label(role: str) -> str:
    return Role(role).label if role else ""


def _teams(profile) -> str:
    return ", ".join(team.name for team in profile.teams.all()) or gettext_lazy("no team")


def _now(request) -> str:
    """The person's organisation and role as they are (before a decision: what would change)."""
    profile = request.user.profile
    organisation = profile.organisation.name if profile.organisation else _("no organisation")
    return " · ".join(str(part) for part in (organisation, _role_label(profile.role)) if part)


def _asked(request) -> str:
    role = _role_label(request.role)
    if request.status != MembershipRequest.Status.PENDING:  # the profile already changed
        return " · ".join(str(part) for part in (request.organisation.name, role) if part)
    if not request.moves_organisation:
        return _("role: %(role)s") % {"role": role} if role else "—"
    return " · ".join(str(part) for part in (request.organisation.name, role) if part)


def request_comparison(request) -> list[tuple[str, str, str]]:
    """(what, now, asked) rows for the decision form: the person's organisation, role and
    team as they are and as they would become."""
    profile = request.user.profile
    now_organisation = profile.organisation.name if profile.organisation else _("none")
    now_role = _role_label(profile.role) or _("none")
    asked_role = _role_label(request.role) or _("unchanged")
    asked_organisation = request.organisation.name if request.moves_organisation else _("unchanged")
    return [
        (_("Organisation"), now_organisation, asked_organisation),
        (_("Role"), now_role, asked_role),
        (_("Team"), _teams(profile), _("you choose below")),
    ]


class MembershipRequestIndexView(IndexView):
    def get_base_queryset(self):
        return membership.requests_for_administrator(self.request.user).select_related(
            "user__profile__organisation"
        )


class MembershipRequestEditView(EditView):
    template_name = "people/admin/membership_request_edit.html"

    def get_object(self, queryset=None):
        obj = super().get_object(queryset)
        if not membership.may_decide(self.request.user, obj):
            raise PermissionDenied
        return obj

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "for_user": self.request.user}

    def get_context_data(self, **kwargs):
        return {
            **super().get_context_data(**kwargs),
            "person": names.display_name(self.object.user),
            "comparison": request_comparison(self.object),
        }


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
    menu_label = _("Requests")
    index_view_class = MembershipRequestIndexView
    edit_view_class = MembershipRequestEditView
    history_view_class = MembershipRequestHistoryView
    usage_view_class = MembershipRequestUsageView
    form_fields = ["team"]
    list_display = [
        TitleColumn(
            "person",
            label=_("Person"),
            accessor=lambda r: names.display_name(r.user),
            get_url=lambda r: reverse("membership_requests:edit", args=[r.pk]),
        ),
        Column("now", label=_("Now"), accessor=_now),
        Column("asked", label=_("Asks for"), accessor=_asked),
        "status",
        "created_at",
    ]
    list_filter = ["status"]
    add_view_enabled = False
    copy_view_enabled = False
    inspect_view_enabled = False

    def get_form_class(self, for_update=False):
        return MembershipDecisionForm


class PeopleViewSetGroup(ModelViewSetGroup):
    menu_label = gettext_lazy("People")
    menu_icon = "group"
    menu_order = 300
    items = (
        OrganisationViewSet("organisations"),
        HouseStyleViewSet("house_style"),
        TeamViewSet("teams"),
        ProfileViewSet("profiles"),
        MembershipRequestViewSet("membership_requests"),
    )


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


@hooks.register("construct_main_menu")
def hide_wagtails_help(request, menu_items):
    """Wagtail's own help menu points to Wagtail's English guide and release notes: nothing a
    Kantelwerk trainer or manager asked for (the help they need is in the admin's own texts)."""
    menu_items[:] = [item for item in menu_items if item.name != "help"]


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


@hooks.register("get_avatar_url")
def initials_avatar(user, size):
    if user is None:  # a history entry of a deleted account
        return reverse("initials-avatar", args=["?"])
    letters = initials(user.first_name, user.last_name, user.get_username())
    return reverse("initials-avatar", args=[letters])
