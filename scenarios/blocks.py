"""The scenario graph as Wagtail blocks: steps (nodes) with choices and their scores."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .engine import QUALITIES

KEY_REGEX = r"^[a-z0-9_-]{1,64}$"
KEY_ERRORS = {
    "invalid": _("Use 1 to 64 lower-case letters, digits, - or _ (for example: ask-further).")
}

SPEAKER_CHOICES = [
    ("resident", _("resident")),
    ("narrator", _("narrator")),
    ("learner", _("learner")),
    ("other", _("someone else")),
]
QUALITY_LABELS = {
    "desired": _("desired"),
    "acceptable": _("acceptable"),
    "less_desired": _("less desired"),
}
QUALITY_CHOICES = [(quality, QUALITY_LABELS[quality]) for quality in QUALITIES]
SCORE_CHOICES = [(str(value), f"{value:+d}" if value else "0") for value in range(2, -3, -1)]


def principle_choices():
    """List the platform's principles; evaluated for every score when the editor form is
    built or read, so from the principle cache (a large scenario has thousands of scores)."""
    from .principle_cache import all_principles

    return [(p.slug, p.name) for p in all_principles()]


class ScoreBlock(blocks.StructBlock):
    principle = blocks.ChoiceBlock(choices=principle_choices, label=_("principle"))
    value = blocks.ChoiceBlock(choices=SCORE_CHOICES, default="1", label=_("score"))

    class Meta:
        icon = "pick"
        label_format = "{principle} {value}"


class ChoiceBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=_("key"),
        help_text=_("Unique within this step, for example: ask-further."),
    )
    text = blocks.TextBlock(label=_("what the learner says or does"))
    target = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=_("leads to step"),
        help_text=_("The key of the step this choice leads to."),
    )
    quality = blocks.ChoiceBlock(choices=QUALITY_CHOICES, default="acceptable", label=_("quality"))
    scores = blocks.ListBlock(
        ScoreBlock(),
        default=[],
        label=_("scores per principle"),
        help_text=_("From -2 to +2. A principle that is not listed scores 0."),
    )
    feedback = blocks.TextBlock(
        required=False,
        label=_("feedback"),
        help_text=_("Why this choice is desired or less desired. Shown right after choosing."),
    )

    class Meta:
        icon = "arrow-right"
        label_format = "{key} → {target}"


class NodeBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=_("key"),
        help_text=_("Unique within the scenario, for example: start or motive."),
    )
    speaker = blocks.ChoiceBlock(choices=SPEAKER_CHOICES, default="resident", label=_("speaker"))
    text = blocks.TextBlock(label=_("text"))
    end = blocks.BooleanBlock(
        required=False,
        label=_("this is an ending"),
        help_text=_("An ending has no choices."),
    )
    outcome = blocks.TextBlock(
        required=False,
        label=_("outcome"),
        help_text=_("For an ending: what happened, shown on the result page."),
    )
    choices = blocks.ListBlock(ChoiceBlock(), default=[], label=_("choices"))

    class Meta:
        icon = "openquote"
        label_format = "{key}: {text}"
        preview_value = {
            "key": "begin",
            "speaker": "resident",
            "text": "Ik wil naar de zorgboerderij, daar gaat mijn vriend ook heen.",
            "choices": [],
        }
