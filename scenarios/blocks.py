"""The scenario graph as Wagtail blocks: steps (nodes) with choices and their scores.

Labels start with a capital, like the model fields' labels above them and the map's.
"""

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .qualities import Quality

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
SCORE_CHOICES = [(str(value), f"{value:+d}" if value else "0") for value in range(2, -3, -1)]


def principle_choices():
    """List the platform's principles; evaluated for every score when the editor form is
    built or read, so from the principle cache (a large scenario has thousands of scores)."""
    from .principle_cache import all_principles

    return [(p.slug, p.name) for p in all_principles()]


class ScoreBlock(blocks.StructBlock):
    principle = blocks.ChoiceBlock(choices=principle_choices, label=capfirst(_("principle")))
    value = blocks.ChoiceBlock(choices=SCORE_CHOICES, default="1", label=capfirst(_("score")))

    class Meta:
        icon = "pick"
        label_format = "{principle} {value}"


class ChoiceBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=capfirst(_("key")),
        help_text=_("Unique within this step, for example: ask-further."),
    )
    text = blocks.TextBlock(label=capfirst(_("what the learner says or does")))
    target = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=capfirst(_("leads to step")),
        help_text=_(
            "The step this choice leads to, picked from the steps of this scenario "
            "(without JavaScript: the step's key)."
        ),
    )
    quality = blocks.ChoiceBlock(
        choices=Quality.choices, default=Quality.ACCEPTABLE, label=capfirst(_("quality"))
    )
    scores = blocks.ListBlock(
        ScoreBlock(),
        default=[],
        label=capfirst(_("scores per principle")),
        help_text=_("From -2 to +2. A principle that is not listed scores 0."),
    )
    feedback = blocks.TextBlock(
        required=False,
        label=capfirst(_("feedback")),
        help_text=_("Why this choice is desired or less desired. Shown right after choosing."),
    )

    class Meta:
        icon = "arrow-right"
        label_format = "{key} → {target}"


class NodeBlock(blocks.StructBlock):
    key = blocks.RegexBlock(
        regex=KEY_REGEX,
        error_messages=KEY_ERRORS,
        label=capfirst(_("key")),
        help_text=_("Unique within the scenario, for example: start or motive."),
    )
    speaker = blocks.ChoiceBlock(
        choices=SPEAKER_CHOICES, default="resident", label=capfirst(_("speaker"))
    )
    speaker_name = blocks.CharBlock(
        required=False,
        max_length=120,
        label=capfirst(_("name of the speaker")),
        help_text=_(
            "For someone else: the name shown above the text, e.g. Sandra (housing consultant)."
        ),
    )
    text = blocks.TextBlock(label=capfirst(_("text")))
    end = blocks.BooleanBlock(
        required=False,
        label=capfirst(_("this is an ending")),
        help_text=_("An ending has no choices."),
    )
    outcome = blocks.TextBlock(
        required=False,
        label=capfirst(_("outcome")),
        help_text=_("For an ending: what happened, shown on the result page."),
    )
    choices = blocks.ListBlock(ChoiceBlock(), default=[], label=capfirst(_("choices")))
    fixed_order = blocks.BooleanBlock(
        required=False,
        label=capfirst(_("keep the choices in this order")),
        help_text=_(
            "Learners normally see the choices in a shuffled order. Tick this when the order "
            "matters, for example choices that follow a time line."
        ),
    )

    class Meta:
        icon = "openquote"
        label_format = "{key}: {text}"
        preview_value = {
            "key": "begin",
            "speaker": "resident",
            "text": "Ik wil naar de zorgboerderij, daar gaat mijn vriend ook heen.",
            "choices": [],
        }
