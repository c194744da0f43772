"""The blocks a lesson is made of."""

import uuid

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
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
