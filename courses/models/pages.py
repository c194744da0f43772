from dataclasses import dataclass

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.db import models
from django.http import Http404
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

    def route(self, request, path_components):
        """A lesson (course/lesson/) in two queries (courses/routing.py); the rest as Wagtail
        does."""
        from ..routing import lesson_route

        if path_components and not self.live:  # a draft overview hides every course below it
            raise Http404
        if len(path_components) == 2:
            found = lesson_route(self, request, path_components)
            if found is not None:
                return found
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["courses"] = CoursePage.objects.live().child_of(self)
        return context


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
    requires_attendance = models.BooleanField(
        _("completion requires attendance at the meetings"),
        default=False,
        help_text=_(
            "Learners complete the course only when they were present at every meeting of "
            "their learning group (for the certificate and the registers)."
        ),
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
        "requires_attendance",
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("course")
        verbose_name_plural = _("courses")

    @property
    def meant_for(self) -> list[str]:
        """The roles this course is written for, as labels."""
        from people.models import Role

        flags = [
            (self.for_professionals, Role.PROFESSIONAL),
            (self.for_volunteers, Role.VOLUNTEER),
            (self.for_civil_servants, Role.CIVIL_SERVANT),
        ]
        return [str(role.label) for wanted, role in flags if wanted]

    def get_context(self, request, *args, **kwargs):
        """The summary is public; lessons and progress only for those who may see them."""
        from ..access import cohort_for_course, may_see_course
        from ..conversations import conversations_in
        from ..progress import course_progress

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        context["principles"] = list(self.principles.order_by("order", "name"))
        # Membership of a group decides access: one lookup answers both questions.
        cohort = cohort_for_course(user, self)
        self.viewer_cohort_id = cohort.pk if cohort else None
        context["can_see_lessons"] = may_see_course(user, self)
        if context["can_see_lessons"]:
            context["progress"] = course_progress(user, [self])[self.pk]
            context["conversations"] = conversations_in(user, context["progress"])
            context["cohort"] = cohort
        return context


class LessonPage(Page):
    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("content"))

    content_panels = Page.content_panels + ["intro", "body"]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")
        verbose_name_plural = _("lessons")

    def serve(self, request, *args, **kwargs):
        """Lessons are for the course's learning groups: others get a login page or a 404."""
        from ..access import get_course_for_lesson

        if getattr(request, "is_preview", False):
            return super().serve(request, *args, **kwargs)
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        self.course = get_course_for_lesson(request.user, self)
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from scenarios.principle_cache import principles_stamp

        from ..access import course_for_viewer
        from ..closing_test.reading import has_closing_test
        from ..progress import lessons_of, progress_of, scenario_ids_in, scenarios_with_state

        context = super().get_context(request, *args, **kwargs)
        user = request.user
        course = getattr(self, "course", None) or course_for_viewer(user, self)
        lessons = getattr(self, "course_lessons", None)  # set when routed (see route)
        if course is not None and lessons is None:
            lessons = lessons_of([course], user)[course.pk]
        # The scenarios of this lesson as shown (a preview shows the draft).
        scenarios = scenarios_with_state(user, scenario_ids_in(self))
        context["body_parts"] = body_parts(self, scenarios)
        context["principles_stamp"] = principles_stamp()  # callouts show principles
        context["has_closing_test"] = has_closing_test(self)
        if course is None:  # a preview of a lesson not yet in place
            return context
        progress = progress_of(course, lessons)
        state = progress.state_of(self.pk)
        following = [s for s in progress.lessons if state and s.number > state.number]
        context.update(
            course=course,
            progress=progress,
            lesson_state=state,
            next_lesson=following[0] if following else None,
            cohort_pk=course.viewer_cohort_id,
            trains_cohort=course.viewer_trains,
        )
        return context


# Blocks that show something of the learner's own, rendered on every request; every other
# block looks the same to every reader of the revision and is cached with it.
PER_LEARNER_BLOCKS = {"scenario", "reflection", "closing_test"}  # never cached


@dataclass(frozen=True)
class BodyPart:
    """One part of a lesson's body, in order:

    - ``shared``: the indexes of a run of blocks every reader sees alike (text, images,
      quotes, principle callouts); the template keeps their HTML per published revision;
    - ``scenario``: a scenario block with its page and the learner's state at hand;
    - ``block``: a block of the learner's own (a reflection prompt, the closing test with
      the learner's attempts), rendered each time.
    """

    lesson: object = None
    index: int = 0
    shared: tuple[int, ...] = ()
    block: object = None
    scenario: object = None
    value: dict | None = None

    @property
    def blocks(self) -> list:
        """The shared blocks themselves: only needed when their HTML is not cached."""
        return [self.lesson.body[index] for index in self.shared]


def body_parts(lesson: LessonPage, scenarios: dict) -> list[BodyPart]:
    """The lesson's parts in order. Scenario blocks take their page from ``scenarios``
    (fetched with the learner's state) instead of a query of their own; runs of shared
    blocks become one part, so a cached lesson body is one cache read per run."""
    parts: list[BodyPart] = []
    run: list[int] = []

    def close_run():
        if run:
            parts.append(BodyPart(lesson=lesson, index=run[0], shared=tuple(run)))
            run.clear()

    for index, raw in enumerate(lesson.body.raw_data):
        if raw["type"] not in PER_LEARNER_BLOCKS:
            run.append(index)
            continue
        close_run()
        if raw["type"] == "scenario":
            value = raw.get("value") or {}
            page = scenarios.get(int(value["scenario"])) if value.get("scenario") else None
            if page is not None:
                parts.append(BodyPart(scenario=page, value=value))
        else:
            parts.append(BodyPart(block=lesson.body[index]))
    close_run()
    return parts
