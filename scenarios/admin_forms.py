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
from .problem_messages import message

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

# Exchange-format field -> the page field where a problem without a step is shown.
PAGE_FIELDS = {
    "title": "title",
    "start": "start_key",
    "principles": "principles",
    "persona": "persona_situation",
    "persona.name": "persona_name",
    "persona.age": "persona_age",
    "persona.situation": "persona_situation",
    "setting": "setting",
    "intro": "intro",
    "language": "language",
    "role": "role",
}
# The parts of a step's and a choice's block (scenarios.blocks) a problem can concern.
NODE_PARTS = {"key", "speaker", "speaker_name", "text", "end", "outcome", "choices", "fixed_order"}
CHOICE_PARTS = {"key", "text", "target", "quality", "scores", "feedback"}


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
            text = message(problem)
            indices = node_index.get(problem.node, []) if problem.node is not None else []
            if not indices:
                field = PAGE_FIELDS.get(problem.field or "") if problem.node is None else None
                if field and field in self.fields:
                    field_errors[field].append(text)
                else:
                    unplaced.append(text)
                continue
            # A key used twice is marked at the second and later uses, not at the first.
            if problem.code == "duplicate_node_key" and len(indices) > 1:
                targets = indices[1:]
            else:
                targets = indices[:1]
            for index in targets:
                if problem.choice is not None:
                    choices = graph[index].value.get("choices") or []
                    positions = [i for i, c in enumerate(choices) if c.get("key") == problem.choice]
                    if problem.code == "duplicate_choice_key" and len(positions) > 1:
                        positions = positions[1:]
                    elif positions:
                        positions = positions[:1]
                    if positions:
                        part = problem.field if problem.field in CHOICE_PARTS else "__all__"
                        for position in positions:
                            choice_errors[index][position][part].append(text)
                        continue
                part = problem.field if problem.field in NODE_PARTS else "__all__"
                node_errors[index][part].append(text)

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
