"""The one place where a scenario problem (``scenarios.engine.Problem``) becomes a sentence.

Each code has one message, translated with gettext, so the Dutch admin reads Dutch and the
English admin English. A message names its step once and, where there is one, says how to
fix it. Keys, targets and principle names are user input: they are quoted and cut short.
"""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext, gettext_lazy, pgettext_lazy

from .engine import MAX_FILE_BYTES, Problem
from .story_map import step_anchor

_ = gettext_lazy

MESSAGES = {
    "file_not_utf8": _("The file is not valid UTF-8 text."),
    "file_too_large": _("The file is larger than %(limit)s MiB. Make the scenario smaller."),
    "file_too_deep": _("The file is nested too deeply to read."),
    "file_not_json": _("The file is not valid JSON (error at line %(line)s, column %(column)s)."),
    "file_bad_number": _("The file is not valid JSON (a number is invalid)."),
    "file_unreadable": _("The file could not be read."),
    "not_an_object": _("The file must contain one JSON object (between { and })."),
    "wrong_format": _("This is not a Kantelwerk scenario: 'format' must be \"%(expected)s\"."),
    "wrong_version": _(
        "Only version %(expected)s of the format is supported: 'version' must be %(expected)s."
    ),
    "too_many_principles": _("The scenario names %(count)s principles; the maximum is %(limit)s."),
    "too_many_nodes": _("The scenario has %(count)s steps; the maximum is %(limit)s."),
    "too_many_choices": _("%(step)s has %(count)s choices; the maximum is %(limit)s."),
    "too_many_scores": _(
        "A choice in %(step)s has %(count)s scores; the maximum is %(limit)s, one per principle."
    ),
    "text_missing": _("%(what)s is missing or empty."),
    "text_not_text": _("%(what)s must be text."),
    "text_too_long": _("%(what)s is too long: at most %(limit)s characters."),
    "text_bad_character": _("%(what)s contains an invisible or invalid character."),
    "text_only_spaces": _("%(what)s contains only spaces."),
    "not_one_of": _("%(what)s must be one of these: %(allowed)s."),
    "not_a_flag": _("'%(field)s' in step %(node)s must be true or false."),
    "persona_not_object": _("'persona' must be an object with 'name', 'age' and 'situation'."),
    "bad_age": _("The age ('persona.age') must be a whole number from 0 to %(limit)s."),
    "principles_missing": _("The field 'principles' is missing or is not a list of principles."),
    "bad_principle_name": _(
        "Principle number %(number)s in 'principles' must be a name of 1 to 64 lowercase "
        "letters, digits, - or _."
    ),
    "duplicate_principle": _("The principle %(principle)s appears twice in 'principles'."),
    "unknown_principle": _(
        "The principle %(principle)s does not exist on this platform. Add it under "
        "Principles first, or remove it from the scenario."
    ),
    "start_missing": _("The field 'start' is missing: give the key of the first step."),
    "nodes_missing": _("The field 'nodes' is missing or is not a list of steps."),
    "node_not_object": _("Step number %(number)s must be an object."),
    "node_without_key": _("Step number %(number)s has no key ('key')."),
    "bad_node_key": _(
        "The key %(node)s of step number %(number)s may only contain lowercase letters, "
        "digits, - and _ (1 to 64 characters)."
    ),
    "duplicate_node_key": _(
        "There are several steps with the key %(node)s. Give each step its own key."
    ),
    "choices_not_list": _("The choices of step %(node)s must be a list."),
    "choice_not_object": _("Choice number %(number)s in step %(node)s must be an object."),
    "choice_without_key": _("Choice number %(number)s in step %(node)s has no key ('key')."),
    "bad_choice_key": _(
        "The key %(choice)s of choice number %(number)s in step %(node)s may only contain "
        "lowercase letters, digits, - and _ (1 to 64 characters)."
    ),
    "duplicate_choice_key": _(
        "Step %(node)s has several choices with the key %(choice)s. Give each choice its own key."
    ),
    "no_target": _(
        "Choice %(choice)s in step %(node)s has no target ('target'): give the key of a step."
    ),
    "bad_quality": _(
        "The quality of choice %(choice)s in step %(node)s must be one of these: %(allowed)s."
    ),
    "scores_not_object": _(
        "The scores of choice %(choice)s in step %(node)s must be an object (principle: number)."
    ),
    "score_for_unlisted_principle": _(
        "Choice %(choice)s in step %(node)s gives a score for %(principle)s, but that "
        "principle is not in 'principles'."
    ),
    "score_out_of_range": _(
        "The score for %(principle)s in choice %(choice)s of step %(node)s must be a whole "
        "number from %(low)s to %(high)s."
    ),
    "duplicate_score": _(
        "Choice %(choice)s in step %(node)s gives principle %(principle)s more than one "
        "score; only the first counts. Remove the others."
    ),
    "no_steps": _(
        "The scenario has no steps yet. Add a first step with the key %(start)s: the "
        "conversation begins there."
    ),
    "unknown_start": _("The start ('start') is %(start)s, but that step does not exist."),
    "unknown_target": _(
        "Choice %(choice)s in step %(node)s leads to %(target)s, but that step does not exist."
    ),
    "no_ending": _("The scenario has no ending. Make at least one step an ending."),
    "ending_with_choices": _(
        "Step %(node)s is an ending but has choices: remove the choices or make it an "
        "ordinary step."
    ),
    "no_choices": _("Step %(node)s has no choice yet: add a choice or make it an ending."),
    "unreachable": _(
        "Step %(node)s cannot be reached from the start: let a choice lead to it, or remove it."
    ),
    "cannot_reach_end": _(
        "No ending can be reached from step %(node)s: give it, or a step after it, a choice "
        "that leads to an ending."
    ),
    "score_in_loop": _(
        "Choice %(choice)s in step %(node)s lies in a loop, so it may not have a score (now: "
        "%(scores)s): a learner can choose it again and again, and its score would keep "
        "adding up. Set its scores to 0."
    ),
    "cannot_be_placed_here": _("A scenario cannot be placed under this page."),
}

# What a text problem is about, by field: at the top of the file, in a step, in a choice.
_TOP_FIELDS = {
    "title": _("the title ('title')"),
    "persona.name": _("the name ('persona.name')"),
    "persona.situation": _("the situation ('persona')"),
    "setting": pgettext_lazy("scenario field", "'setting'"),
    "intro": pgettext_lazy("scenario field", "'intro'"),
    "language": _("the language ('language')"),
    "role": _("the role ('role')"),
}
_NODE_FIELDS = {
    "text": _("the text of step %(node)s"),
    "speaker": _("the speaker of step %(node)s"),
    "speaker_name": _("the name of the speaker in step %(node)s"),
    "outcome": _("the outcome of step %(node)s"),
}
_CHOICE_FIELDS = {
    "text": _("the text of choice %(choice)s in step %(node)s"),
    "feedback": _("the feedback of choice %(choice)s in step %(node)s"),
}

_SUGGESTION = _("Did you mean %(suggestion)s?")
_NO_SUGGESTION = {
    "unknown_start": _("Choose an existing step as the start."),
    "unknown_target": _("Choose an existing step, or add a step with that key."),
}


def quote(value: object) -> str:
    """Quote a user-supplied key for a message: short and printable."""
    text = value if isinstance(value, str) else type(value).__name__
    shown = "".join(ch if ch.isprintable() else "?" for ch in text[:40])
    return f"'{shown}…'" if len(text) > 40 else f"'{shown}'"


def message(problem: Problem) -> str:
    """The problem as one sentence (or two, with the fix) in the active language."""
    values = _values(problem)
    text = str(MESSAGES[problem.code]) % values
    if problem.code in _NO_SUGGESTION:
        if problem.params.get("suggestion"):
            text += " " + str(_SUGGESTION) % values
        else:
            text += " " + str(_NO_SUGGESTION[problem.code])
    return text[:1].upper() + text[1:]


def _values(problem: Problem) -> dict[str, object]:
    params = problem.params
    values: dict[str, object] = {
        "node": quote(problem.node or ""),
        "choice": quote(problem.choice or ""),
        "field": problem.field or "",
    }
    for name, value in params.items():
        if name in ("target", "start", "suggestion", "principle"):
            values[name] = quote(value)
        elif name == "allowed":
            values[name] = ", ".join(value)
        elif name == "scores":
            values[name] = ", ".join(
                f"{principle_name(slug)} {signed(score)}" for slug, score in value
            )
        elif isinstance(value, int) and not isinstance(value, bool):
            values[name] = number_format(value, force_grouping=True)
        else:
            values[name] = value
    if problem.code == "file_too_large":
        values["limit"] = MAX_FILE_BYTES // 1_048_576
    if "number" in params or problem.code in ("too_many_choices", "too_many_scores"):
        values["step"] = _step(problem)
    values["what"] = _what(problem, values)
    return values


def _step(problem: Problem) -> str:
    if problem.node is not None:
        return gettext("step %(node)s") % {"node": quote(problem.node)}
    return gettext("step number %(number)s") % {"number": problem.params.get("number")}


def _what(problem: Problem, values: dict[str, object]) -> str:
    if problem.choice is not None:
        label = _CHOICE_FIELDS.get(problem.field or "")
    elif problem.node is not None:
        label = _NODE_FIELDS.get(problem.field or "")
    else:
        label = _TOP_FIELDS.get(problem.field or "")
    return str(label) % values if label is not None else f"'{problem.field}'"


def signed(score: object) -> str:
    """A score as authors write it: +2, 0, −1 (with a real minus sign)."""
    if type(score) is not int or abs(score) >= 10**6:
        return "?"
    return f"{score:+d}".replace("-", "\u2212") if score else "0"


def principle_name(slug: object) -> str:
    """The principle's name in the reader's language ("Eigen kracht"), not its code.

    A code the platform does not know (a file's typo) is shown quoted, as typed.
    """
    from .principle_cache import principles_by_slug

    principle = principles_by_slug().get(slug) if isinstance(slug, str) else None
    return principle.display_name if principle is not None else quote(slug)


def problem_rows(problems, map_url: str) -> list[dict]:
    """Each problem's sentence, with a link to its step on the map when it has one."""
    return [
        {
            "text": message(problem),
            "url": f"{map_url}#{step_anchor(problem.node)}" if problem.node else "",
        }
        for problem in problems
    ]
