from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from .models import Cohort, CoursePage


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


class CohortViewSet(ModelViewSet):
    model = Cohort
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
