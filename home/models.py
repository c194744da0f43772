from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import MultiFieldPanel
from wagtail.models import Page


class HomePage(Page):
    """The site's front page: what Kantelwerk is, and the way in to one's own learning.

    The texts are editable in Dutch, with an optional English version shown under /en/.
    """

    heading = models.CharField(_("heading"), max_length=200)
    intro = models.TextField(_("introduction"), help_text=_("The first paragraph, in large type."))
    body = models.TextField(_("explanation"), blank=True, help_text=_("The paragraph below it."))
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    body_en = models.TextField(_("explanation (English)"), blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(["heading", "intro", "body"], heading=_("Dutch")),
        MultiFieldPanel(["heading_en", "intro_en", "body_en"], heading=_("English")),
    ]
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["courses.CourseIndexPage", "scenarios.ScenarioIndexPage"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A lesson URL (overview/course/lesson/) in one query instead of walking the tree.

        courses/routing.py explains why access is unchanged; anything else routes as usual.
        """
        if len(path_components) == 3:
            from courses.routing import lesson_route

            found = lesson_route(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def _in_language(self, field: str) -> str:
        if get_language() == "en":
            return getattr(self, f"{field}_en") or getattr(self, field)
        return getattr(self, field)

    def get_context(self, request, *args, **kwargs):
        from courses.welcome import is_newcomer

        context = super().get_context(request, *args, **kwargs)
        context["first_visit"] = is_newcomer(request)
        return context

    @property
    def display_heading(self) -> str:
        return self._in_language("heading")

    @property
    def display_intro(self) -> str:
        return self._in_language("intro")

    @property
    def display_body(self) -> str:
        return self._in_language("body")
