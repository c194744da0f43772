"""The scenario editor's form: a draft may have problems, a published scenario may not.

On publish, every problem the engine finds is attached where the author can fix it: at the
step and choice inside the StreamField (Wagtail's block validation errors), at the field it
concerns (title, first step, principles), or at the top of the form.
"""

from __future__ import annotations

from collections import defaultdict
from types import SimpleNamespace

from django.core.exceptions import ValidationError
from django.utils.translation import ngettext
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.blocks import (
    ListBlockValidationError,
    StreamBlockValidationError,
    StructBlockValidationError,
)

from .engine import Problem

# The page fields the engine's Scenario is built from.
SCENARIO_FIELDS = (
    "title",
    "principles",
    "start_key",
    "graph",
    "language",
    "role",
    "persona_name",
    "persona_age",
    "persona_situation",
    "setting",
    "intro",
)

# Problems without a step, recognised by the file field their message names.
_FIELD_HINTS = (
    ("('title')", "title"),
    ("'start'", "start_key"),
    ("'principles'", "principles"),
    ("Het principe ", "principles"),
    ("('persona.name')", "persona_name"),
    ("('persona.age')", "persona_age"),
    ("('persona')", "persona_situation"),
    ("'setting'", "setting"),
    ("'intro'", "intro"),
    ("('language')", "language"),
    ("('role')", "role"),
)

# Problems at a step, by the part of the step their message is about.
_NODE_HINTS = (
    ("meerdere stappen met de sleutel", "key"),
    ("De sleutel ", "key"),
    ("De tekst van stap", "text"),
    ("De uitkomst van stap", "outcome"),
    ("De spreker van stap", "speaker"),
    ("keuzes", "choices"),
)

# Problems at a choice, by the part of the choice their message is about.
_CHOICE_HINTS = (
    ("meerdere keuzes met de sleutel", "key"),
    ("De sleutel ", "key"),
    ("verwijst naar", "target"),
    ("doel ('target')", "target"),
    ("De tekst van keuze", "text"),
    ("De feedback van keuze", "feedback"),
    ("De kwaliteit van keuze", "quality"),
    ("score", "scores"),
)


def _hint(message: str, hints) -> str | None:
    return next((name for needle, name in hints if needle in message), None)


class _GraphErrors(StreamBlockValidationError):
    """The StreamField's errors, with a readable summary instead of Wagtail's generic text."""

    def __init__(self, block_errors, summary):
        super().__init__(block_errors=block_errors)
        self.message = summary


class ScenarioPageForm(WagtailAdminPageForm):
    """The scenario editor's form: problems block publishing, not saving a draft."""

    def clean(self):
        cleaned_data = super().clean()
        if self.is_publishing:
            problems = self.scenario_problems()
            if problems:
                self.attach_problems(problems)
        return cleaned_data

    @property
    def is_publishing(self) -> bool:
        """Publishing, or asking a content lead to publish it (their approval does not edit)."""
        return any(
            self.data.get(action)
            for action in ("action-publish", "action-submit", "action-workflow-action")
        )

    def scenario_problems(self) -> list[Problem] | None:
        """Check the submitted scenario with the engine; None when a field is itself invalid."""
        from .graph import check_page
        from .models import Principle

        if any(name in self.errors for name in SCENARIO_FIELDS):
            return None  # the field's own error comes first
        values = {}
        for name in SCENARIO_FIELDS:
            if name in self.cleaned_data:
                values[name] = self.cleaned_data[name]
            else:
                values[name] = getattr(self.instance, name)
        if values["principles"] is None:
            values["principles"] = Principle.objects.none()
        page = SimpleNamespace(**values)
        known = set(Principle.objects.values_list("slug", flat=True))
        return check_page(page, known)

    def attach_problems(self, problems: list[Problem]) -> None:
        """Refuse to publish: put each problem at its step, choice or field."""
        graph = self.cleaned_data.get("graph") or []
        node_index: dict[str, list[int]] = defaultdict(list)
        for index, block in enumerate(graph):
            node_index[block.value.get("key") or ""].append(index)

        # node index -> part -> messages; choices: node index -> choice index -> part -> msgs
        node_errors: dict[int, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        choice_errors: dict[int, dict[int, dict[str, list[str]]]] = defaultdict(
            lambda: defaultdict(lambda: defaultdict(list))
        )
        field_errors: dict[str, list[str]] = defaultdict(list)
        unplaced: list[str] = []

        for problem in problems:
            message = problem.message
            indices = node_index.get(problem.node or "", []) if problem.node else []
            if not indices:
                field = None if problem.node else _hint(message, _FIELD_HINTS)
                if field and field in self.fields:
                    field_errors[field].append(message)
                else:
                    unplaced.append(message)
                continue
            duplicate = "meerdere stappen met de sleutel" in message
            targets = indices[1:] if duplicate and len(indices) > 1 else indices[:1]
            for index in targets:
                if problem.choice is not None:
                    choices = graph[index].value.get("choices") or []
                    positions = [i for i, c in enumerate(choices) if c.get("key") == problem.choice]
                    if "meerdere keuzes" in message and len(positions) > 1:
                        positions = positions[1:]
                    if positions:
                        part = _hint(message, _CHOICE_HINTS) or "__all__"
                        for position in positions[:1] if part != "key" else positions:
                            choice_errors[index][position][part].append(message)
                        continue
                part = _hint(message, _NODE_HINTS) or "__all__"
                node_errors[index][part].append(message)

        located = sum(
            len(messages) for parts in node_errors.values() for messages in parts.values()
        ) + sum(
            len(messages)
            for per_choice in choice_errors.values()
            for parts in per_choice.values()
            for messages in parts.values()
        )
        if node_errors or choice_errors:
            block_errors = {}
            for index in sorted(set(node_errors) | set(choice_errors)):
                block_errors[index] = self._node_error(
                    node_errors.get(index, {}), choice_errors.get(index, {})
                )
            summary = ngettext(
                "%(count)s problem in the steps; it is marked at the step or choice.",
                "%(count)s problems in the steps; each is marked at its step or choice.",
                located,
            ) % {"count": located}
            self.add_error("graph", _GraphErrors(block_errors, summary))
        for field, messages in field_errors.items():
            self.add_error(field, ValidationError(messages))
        count = len(problems)
        summary = ngettext(
            "This scenario cannot be published yet: %(count)s problem needs fixing. "
            "You can save it as a draft.",
            "This scenario cannot be published yet: %(count)s problems need fixing. "
            "You can save it as a draft.",
            count,
        ) % {"count": count}
        self.add_error(None, ValidationError([summary, *unplaced]))

    @staticmethod
    def _node_error(parts, per_choice) -> StructBlockValidationError:
        block_errors = {
            part: ValidationError(messages)
            for part, messages in parts.items()
            if part not in ("__all__", "choices")
        }
        choice_list_messages = parts.get("choices", [])
        if per_choice or choice_list_messages:
            block_errors["choices"] = ListBlockValidationError(
                block_errors={
                    position: StructBlockValidationError(
                        block_errors={
                            part: ValidationError(messages)
                            for part, messages in choice_parts.items()
                            if part != "__all__"
                        },
                        non_block_errors=choice_parts.get("__all__"),
                    )
                    for position, choice_parts in per_choice.items()
                },
                non_block_errors=choice_list_messages or None,
            )
        return StructBlockValidationError(
            block_errors=block_errors, non_block_errors=parts.get("__all__")
        )
