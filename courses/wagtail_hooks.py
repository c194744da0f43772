from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views.generic import DeleteView
from wagtail.admin.viewsets.model import ModelViewSet

from scenarios import hooks as scenario_hooks

from .access import may_play_scenario, trainer_sees_attempt
from .flows import mark_lessons_of_finished_scenario
from .models import Cohort, CoursePage, LessonPage, LessonProgress
from .reflection_hooks import reflection_panel, way_on_panel


class PersonChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        name = getattr(getattr(obj, "profile", None), "display_name", "")
        return f"{name} ({obj.email})" if name else obj.email


class CohortForm(WagtailAdminModelForm):
    """Trainers are chosen from the Trainers group; the course from the course pages."""

    class Meta:
        model = Cohort
        fields = [
            "name",
            "course",
            "starts_on",
            "ends_on",
            "invite_expires_on",
            "trainers",
            "participants",
        ]
        field_classes = {"trainers": PersonChoiceField, "participants": PersonChoiceField}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = (
            get_user_model()
            .objects.select_related("profile")
            .order_by("profile__display_name", "email")
        )
        chosen = Q(pk__in=self.instance.trainers.all()) if self.instance.pk else Q(pk__in=[])
        self.fields["trainers"].queryset = users.filter(
            Q(groups__name="Trainers") | Q(is_superuser=True) | chosen
        ).distinct()
        self.fields["participants"].queryset = users.filter(is_active=True)
        self.fields["participants"].help_text = _(
            "Participants usually join themselves through the invitation link."
        )
        self.fields["course"].queryset = CoursePage.objects.order_by("title")


class CohortDeleteView(DeleteView):
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


class CohortViewSet(ModelViewSet):
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
                    FieldPanel("participants"),
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
