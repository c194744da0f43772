from datetime import timedelta

from django.template.loader import render_to_string
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet

from courses import hooks as course_hooks
from people import roles
from people.hooks import ERASE_PERSONAL_DATA, PERSONAL_DATA

from . import pe_online_admin
from .models import Accreditation, Meeting
from .personal_data import erase, export

# Meetings stay on the group's page for a week after they were held.
WEEK = timedelta(days=7)


class AccreditationViewSet(ModelViewSet):
    """Content leads add and change a course's accreditations; trainers may look (model
    permissions, granted in migration 0002)."""

    model = Accreditation
    name = "accreditations"
    icon = "tick-inverse"
    menu_label = _("Accreditations")
    menu_order = 230
    add_to_admin_menu = True
    edit_handler = ObjectList(
        [
            FieldPanel("course"),
            FieldRowPanel([FieldPanel("register"), FieldPanel("register_name")]),
            FieldPanel("accreditation_id"),
            FieldRowPanel([FieldPanel("points"), FieldPanel("study_hours")]),
            FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        ]
    )
    list_display = ["course", "register", "accreditation_id", "points", "valid_until"]
    list_filter = ["course", "register"]
    search_fields = ["accreditation_id"]
    copy_view_enabled = False
    inspect_view_enabled = True


@hooks.register("register_admin_viewset")
def register_accreditation_viewset():
    return AccreditationViewSet()


class ContentLeadMenuItem(MenuItem):
    def is_shown(self, request):
        return roles.is_content_lead(request.user)


@hooks.register("register_admin_menu_item")
def certificates_menu_item():
    """The certificates overview is on the site; content leads reach it from the admin."""
    return ContentLeadMenuItem(
        _("Certificates"), reverse("certificate-overview"), icon_name="doc-full", order=240
    )


@hooks.register("register_admin_menu_item")
def pe_online_menu_item():
    return ContentLeadMenuItem(
        _("PE-online"), reverse("pe_online:send"), icon_name="upload", order=245
    )


@hooks.register("register_admin_urls")
def pe_online_admin_urls():
    urls = [
        path("", pe_online_admin.SendView.as_view(), name="send"),
        path("verzendingen/", pe_online_admin.BatchesView.as_view(), name="batches"),
        path("verzendingen/<int:pk>/", pe_online_admin.BatchView.as_view(), name="batch"),
    ]
    return [path("pe-online/", include((urls, "pe_online"), namespace="pe_online"))]


hooks.register(PERSONAL_DATA, export)
hooks.register(ERASE_PERSONAL_DATA, erase)


@hooks.register(course_hooks.COHORT_PANEL)
def meetings_panel(request, cohort, is_trainer):
    """The group's meetings on its page: when and where for everyone, the attendance list
    for its trainers."""
    planned = list(Meeting.objects.filter(cohort=cohort, starts_at__gte=timezone.now() - WEEK))
    if not is_trainer and not planned:
        return ""
    context = {"cohort": cohort, "is_trainer": is_trainer, "meetings": planned}
    return render_to_string("accreditation/includes/meetings_panel.html", context, request=request)
