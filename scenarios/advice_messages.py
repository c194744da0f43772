"""The one place where authoring advice (``scenarios.engine.Advice``) becomes a sentence.

Advice is not a problem: publishing stays possible. Each code has one message, translated
with gettext; keys are quoted like in problem messages, principles shown by their names.
"""

from __future__ import annotations

from django.utils.translation import gettext, gettext_lazy

from .engine import Advice
from .problem_messages import principle_name, quote, signed
from .story_map import step_anchor

_ = gettext_lazy

MESSAGES = {
    "single_choice": _(
        "Step %(node)s has one choice, so it does not count in the score: with a single "
        "choice there is nothing to choose. That is fine for a step that only moves the "
        "conversation on; add a second choice with other scores if this moment matters."
    ),
    "choices_score_alike": _(
        "Step %(node)s does not count in the score: its choices do not differ on any "
        "principle. Give them different scores if this choice matters."
    ),
    "quality_against_scores": _(
        "Choice %(choice)s in step %(node)s is marked desired, but scores lower than the less "
        "desired choice %(other)s on %(scores)s. The scores do not fit the quality: a learner "
        "who makes the desired choice earns little here. Change the scores or the quality."
    ),
}


def advice_message(advice: Advice) -> str:
    """The advice as a sentence (or three) in the active language."""
    values: dict[str, object] = {
        "node": quote(advice.node),
        "choice": quote(advice.choice or ""),
    }
    if "other" in advice.params:
        values["other"] = quote(advice.params["other"])
    if "scores" in advice.params:
        values["scores"] = ", ".join(
            gettext("%(principle)s (%(this)s against %(other)s)")
            % {"principle": principle_name(slug), "this": signed(mine), "other": signed(theirs)}
            for slug, mine, theirs in advice.params["scores"]
        )
    return str(MESSAGES[advice.code]) % values


def advice_rows(advice: list[Advice], map_url: str) -> list[dict]:
    """Each piece of advice's sentence, with a link to its step on the map."""
    return [
        {"text": advice_message(item), "url": f"{map_url}#{step_anchor(item.node)}"}
        for item in advice
    ]


def advice_data(advice: list[Advice]) -> list[dict]:
    """The advice for the map editor's JSON: its code, step and choice, and its sentence."""
    return [
        {
            "code": item.code,
            "node": item.node,
            "choice": item.choice,
            "text": advice_message(item),
        }
        for item in advice
    ]
