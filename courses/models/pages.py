from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from ..blocks import LessonStreamBlock


class CourseIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + ["intro"]
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course overview")


class CoursePage(Page):
    """A course: its summary is public, its lessons are for its cohorts (or everyone, if open)."""

    summary = models.TextField(_("summary"))
    principles = ParentalManyToManyField(
        "scenarios.Principle", blank=True, related_name="courses", verbose_name=_("principles")
    )
    for_professionals = models.BooleanField(_("for professionals"), default=True)
    for_volunteers = models.BooleanField(_("for volunteers"), default=True)
    for_civil_servants = models.BooleanField(_("for civil servants"), default=True)
    study_hours = models.DecimalField(
        _("study time in hours"), max_digits=4, decimal_places=1, default=2
    )
    open_to_all = models.BooleanField(
        _("open to every logged-in user"),
        default=False,
        help_text=_("Otherwise only members and trainers of a learning group see the lessons."),
    )

    content_panels = Page.content_panels + [
        "summary",
        FieldPanel("principles", widget=forms.CheckboxSelectMultiple),
        MultiFieldPanel(
            ["for_professionals", "for_volunteers", "for_civil_servants"],
            heading=_("Meant for"),
        ),
        "study_hours",
        "open_to_all",
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")


class LessonPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + ["intro", "body"]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")
