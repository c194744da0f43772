from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.permissions import register_permission_policy

from people import roles
from people.admin_permissions import ScopedDeleteView, ScopedModelViewSet, ScopedPermissionPolicy
from scenarios import hooks as scenario_hooks

from .access import may_play_scenario, trained_cohorts, trainer_sees_attempt
from .completion import mark_lessons_of_finished_scenario
from .models import Cohort, CoursePage, LessonPage, LessonProgress
from .reflections.hooks import reflection_panel
from .result_panels import way_on_panel

register_permission_policy(Cohort, ScopedPermissionPolicy(Cohort, trained_cohorts))


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = getattr(getattr(obj, "profile", None), "display_name", "")
        return f"{name} ({obj.email})" if name else obj.email


class CohortForm(WagtailAdminModelForm):
    """People are the group's own: co-trainers from the trainer's organisation, participants
    who joined. New participants come by invitation link or by their exact email address,
    never from a list of every account.
    """

    # Only removals are sent back, so someone who joins while the form is open stays in.
    remove_participants = PersonChoiceField(
        label=_("Take out of the group"),
        queryset=get_user_model().objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    add_participant = forms.EmailField(
        label=_("Add a participant"),
        required=False,
        help_text=_(
            "The exact email address of someone who has an account. Everyone else joins "
            "through the invitation link."
        ),
    )

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "starts_on",
            "ends_on",
            "invite_expires_on",
            "trainers",
        ]
        field_classes = {"trainers": PersonChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        current = self.instance.pk
        chosen = Q(pk__in=self.instance.trainers.all()) if current else Q(pk__in=[])
        colleagues = roles.trainer_accounts()
        if self.for_user is not None and not self.for_user.is_superuser:
            colleagues = colleagues.filter(
                profile__organisation_id=self.for_user.profile.organisation_id
            )
        people = get_user_model().objects.select_related("profile")
        order = ("profile__display_name", "email")
        self.fields["trainers"].queryset = (
            people.filter(Q(pk__in=colleagues) | chosen).distinct().order_by(*order)
        )
        if current:
            self.fields["remove_participants"].queryset = self.instance.participants.select_related(
                "profile"
            ).order_by(*order)
        else:
            del self.fields["remove_participants"]
        self.fields["course"].queryset = CoursePage.objects.order_by("title")

    def clean_add_participant(self):
        email = self.cleaned_data["add_participant"]
        if not email:
            return None
        person = get_user_model().objects.filter(email__iexact=email, is_active=True).first()
        if person is None:
            raise forms.ValidationError(
                _(
                    "There is no account with this email address. Send this person the "
                    "invitation link of the group instead."
                )
            )
        return person

    def save(self, commit=True):
        self.creating = self.instance.pk is None
        return super().save(commit=commit)

    def _save_m2m(self):
        """Take out, add by address, and make the trainer who created the group its trainer."""
        super()._save_m2m()
        if self.cleaned_data.get("remove_participants"):
            self.instance.participants.remove(*self.cleaned_data["remove_participants"])
        if self.cleaned_data.get("add_participant"):
            self.instance.participants.add(self.cleaned_data["add_participant"])
        if self.creating and self.for_user is not None and not self.for_user.is_superuser:
            self.instance.trainers.add(self.for_user)


class CohortDeleteView(ScopedDeleteView):
    """Refuse to delete a group with participants: their reflections would go with it."""

    def run_before_hook(self):
        if self.object.participants.exists():
            messages.error(
                self.request,
                _(
                    "This learning group still has participants. Deleting it would delete "
                    "their reflections. Remove the participants first, or give the group an "
                    "end date instead."
                ),
            )
            return redirect(self.edit_url_name, self.object.pk)
        return super().run_before_hook()


class CohortViewSet(ScopedModelViewSet):
    """Trainers see and change only the groups they train; the policy scopes every view."""

    model = Cohort
    delete_view_class = CohortDeleteView
    name = "cohorts"
    icon = "group"
    menu_label = _("Learning groups")
    menu_order = 220
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            FieldPanel("name"),
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("starts_on"), FieldPanel("ends_on")], heading=_("Period")),
            FieldPanel("invite_expires_on"),
            MultiFieldPanel(
                [
                    FieldPanel("trainers", widget=forms.CheckboxSelectMultiple),
                    FieldPanel("remove_participants"),
                    FieldPanel("add_participant"),
                ],
                heading=_("People"),
            ),
        ],
        base_form_class=CohortForm,
    )
    list_display = ["name", "course", "starts_on", "ends_on"]
    list_filter = ["course"]
    search_fields = ["name"]
    ordering = ["-starts_on", "name"]
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_cohort_viewset():
    return CohortViewSet()


def _pages_in_use(page) -> list:
    """Return courses with learning groups and lessons with progress in ``page``'s subtree."""
    subtree = page.get_descendants(inclusive=True)
    courses = CoursePage.objects.filter(pk__in=subtree, cohorts__isnull=False).distinct()
    lessons = LessonPage.objects.filter(
        pk__in=LessonProgress.objects.filter(lesson__in=subtree).values("lesson")
    )
    return [*courses, *lessons]


@hooks.register("before_delete_page")
def keep_courses_in_use(request, page):
    in_use = _pages_in_use(page)
    if not in_use:
        return None
    names = ", ".join(f"“{used.title}”" for used in in_use[:5])
    messages.error(
        request,
        _(
            "%(pages)s cannot be deleted: learning groups use it and learners' progress must "
            "stay readable. Unpublish the page instead."
        )
        % {"pages": names},
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


# Courses answer the scenarios app's questions (see scenarios/hooks.py).
hooks.register(scenario_hooks.MAY_PLAY, may_play_scenario)
hooks.register(scenario_hooks.MAY_VIEW_ATTEMPT, trainer_sees_attempt)
hooks.register(scenario_hooks.RESULT_PANEL, reflection_panel, order=10)
hooks.register(scenario_hooks.RESULT_PANEL, way_on_panel, order=20)


@hooks.register(scenario_hooks.ATTEMPT_FINISHED)
def mark_lessons_done_when_their_scenarios_are_finished(attempt):
    if attempt.user_id is not None:
        mark_lessons_of_finished_scenario(attempt.user, attempt.page_id)
