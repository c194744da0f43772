"""The blocks a lesson is made of."""

import uuid

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("image"))
    alt = blocks.CharBlock(
        required=False,
        label=_("text alternative"),
        help_text=_("Describe the image for people who cannot see it. Empty for decoration."),
    )
    caption = blocks.CharBlock(required=False, label=_("caption"))

    class Meta:
        icon = "image"
        template = "courses/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("quote"))
    attribution = blocks.CharBlock(required=False, label=_("who said it"))

    class Meta:
        icon = "openquote"
        template = "courses/blocks/quote.html"
        preview_value = {"quote": "Eerst de relatie, dan het probleem.", "attribution": ""}


class PrincipleChooserBlock(SnippetChooserBlock):
    """Chooses a principle; a lesson takes its principles from the cache, not a query."""

    def bulk_to_python(self, values):
        from scenarios.principle_cache import principles_by_pk

        known = principles_by_pk()
        if all(value is None or value in known for value in values):
            return [known.get(value) for value in values]
        return super().bulk_to_python(values)  # one just added: ask the database


class PrincipleCalloutBlock(blocks.StructBlock):
    principle = PrincipleChooserBlock("scenarios.Principle", label=_("principle"))
    note = blocks.TextBlock(
        required=False,
        label=_("note"),
        help_text=_("Optional: what this principle means in this lesson."),
    )

    class Meta:
        icon = "pick"
        template = "courses/blocks/principle_callout.html"


class ScenarioBlock(blocks.StructBlock):
    scenario = blocks.PageChooserBlock(page_type="scenarios.ScenarioPage", label=_("scenario"))
    introduction = blocks.TextBlock(required=False, label=_("introduction"))

    class Meta:
        icon = "group"
        template = "courses/blocks/scenario.html"

    def get_context(self, value, parent_context=None):
        """The block on its own (a block preview), without a learner's state.

        A lesson page renders its scenario blocks itself, with the page and the learner's
        state fetched in one query (see LessonPage.get_context).
        """
        context = super().get_context(value, parent_context=parent_context)
        scenario = value.get("scenario")
        context["scenario"] = scenario
        context["playable"] = scenario is not None and scenario.live
        context["state"] = None
        return context


class ReflectionPromptBlock(blocks.StructBlock):
    prompt = blocks.TextBlock(label=_("question"))

    class Meta:
        icon = "edit"
        template = "courses/blocks/reflection_prompt.html"
        preview_value = {"prompt": "Wat neem je mee uit dit gesprek?"}

    def get_context(self, value, parent_context=None):
        """Hand the reflection form its question, the lesson and the learner's group."""
        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        context["prompt"] = value.get("prompt", "")
        context["lesson"] = parent_context.get("page")
        context["cohort_pk"] = parent_context.get("cohort_pk")
        context["trains_cohort"] = parent_context.get("trains_cohort", False)
        context["submission_key"] = uuid.uuid4()
        return context


class TestAnswerBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("answer"), max_length=500)
    correct = blocks.BooleanBlock(required=False, label=_("correct"))

    class Meta:
        icon = "tick"
        label = _("answer")


class TestQuestionBlock(blocks.StructBlock):
    question = blocks.TextBlock(label=_("question"))
    answers = blocks.ListBlock(TestAnswerBlock(), min_num=2, label=_("answers"))

    class Meta:
        icon = "help"
        label = _("question")

    def clean(self, value):
        value = super().clean(value)
        if not any(answer.get("correct") for answer in value.get("answers") or []):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Mark at least one answer as correct."))]
            )
        return value


class ClosingTestBlock(blocks.StructBlock):
    """The closing test (afsluitende toets): knowledge questions with right and wrong answers.

    Its lesson is done only when the learner passes it (courses.completion). Rendered by the
    lesson page with the learner's attempts (closing_test.reading).
    """

    introduction = blocks.TextBlock(required=False, label=_("introduction"))
    questions = blocks.ListBlock(TestQuestionBlock(), min_num=1, label=_("questions"))
    questions_per_attempt = blocks.IntegerBlock(
        required=False,
        min_value=1,
        label=_("questions per attempt"),
        help_text=_("Each attempt draws this many questions, in an order of its own. Empty: all."),
    )
    pass_mark = blocks.IntegerBlock(
        default=70,
        min_value=1,
        max_value=100,
        label=_("pass mark (percent right)"),
    )
    attempts_allowed = blocks.IntegerBlock(
        default=3, min_value=1, max_value=20, label=_("attempts allowed")
    )

    class Meta:
        icon = "list-ul"
        label = _("closing test")
        template = "courses/blocks/closing_test.html"

    def get_context(self, value, parent_context=None):
        """The test with the learner's attempts (one query); none in a preview."""
        from .closing_test.attempts import state_of
        from .closing_test.reading import test_from_value

        context = super().get_context(value, parent_context=parent_context)
        parent_context = parent_context or {}
        request = parent_context.get("request")
        lesson = parent_context.get("page")
        test = test_from_value(value)
        context["test"] = test
        context["lesson"] = lesson
        user = getattr(request, "user", None)
        in_place = lesson is not None and getattr(lesson, "pk", None) and lesson.live
        if user is not None and user.is_authenticated and in_place:
            context["state"] = state_of(user, lesson, test)
        return context


class LessonStreamBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        features=["h2", "h3", "bold", "italic", "ol", "ul", "link"],
        label=_("text"),
        template="courses/blocks/text.html",
    )
    image = ImageBlock()
    video = EmbedBlock(label=_("video"), template="courses/blocks/video.html", icon="media")
    quote = QuoteBlock()
    principle = PrincipleCalloutBlock(label=_("principle callout"))
    scenario = ScenarioBlock()
    reflection = ReflectionPromptBlock(label=_("reflection prompt"))
    closing_test = ClosingTestBlock()

    class Meta:
        block_counts = {"closing_test": {"max_num": 1}}
