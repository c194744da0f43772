"""The group debrief: per step of a scenario, how a cohort chose, split by role.

Every number is counted in the database (``values`` + ``annotate``), so the page costs the
same few queries for 5 or 200 members. Each participant counts once, with their latest
finished attempt: otherwise someone who plays five times weighs five times as much.

Counts of 1 or 2 are masked as "< 3" here, in the output of the aggregation, so no template
or export can show them by accident. The choices at a step add up to those who reached it,
so they also get secondary suppression (``people.disclosure``): a hidden count cannot be
worked out from the others. An average per role and principle needs 3 people with a score
for that principle.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.db.models import Avg, Count, OuterRef, QuerySet, Subquery
from django.utils.translation import gettext_lazy as _

from people.disclosure import GROUP_MINIMUM, may_show, suppress_counts
from people.models import Role
from scenarios.graph import scenario_for_revision
from scenarios.models import Attempt, AttemptChoice, PrincipleScore, ScenarioPage
from scenarios.principle_cache import all_principles

from .cohorts import group_attempts
from .models import Cohort, CoursePage
from .progress import distinct_scenario_ids, lessons_of

MIN_GROUP = GROUP_MINIMUM
MASKED = "< 3"
# A choice count may be hidden because it is small or because it would reveal one that
# is: every hidden choice count looks the same, so nobody can tell which is which.
HIDDEN = _("hidden")
ROLES: tuple[Role, ...] = (Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT)


@dataclass(frozen=True)
class Cell:
    """A count as it may be shown: exact from 3 up (and 0), otherwise only "< 3"."""

    value: int | None
    percent: int | None = None
    role: str = ""
    masked_label: str = MASKED

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""

    @property
    def masked(self) -> bool:
        return self.value is None

    @property
    def label(self) -> str:
        return str(self.masked_label) if self.value is None else str(self.value)

    def __str__(self) -> str:
        return self.label


def mask(count: int, out_of: int | None = None, role: str = "") -> Cell:
    """Hide counts of 1 and 2; give a percentage only for a count that may be shown."""
    if 0 < count < MIN_GROUP:
        return Cell(None, role=role)
    percent = round(100 * count / out_of) if out_of and out_of >= MIN_GROUP else None
    return Cell(count, percent, role)


def mask_row(counts: list[int], out_of: int, role: str = "") -> list[Cell]:
    """Cells for counts that add up to ``out_of`` (shown too): hidden ones cannot be derived."""
    hidden = suppress_counts(counts, MIN_GROUP)
    return [
        Cell(None, role=role, masked_label=HIDDEN) if hide else mask(count, out_of, role)
        for count, hide in zip(counts, hidden, strict=True)
    ]


@dataclass
class ChoiceRow:
    key: str
    text: str
    quality: str
    cells: list[Cell]


@dataclass
class NodeRow:
    key: str
    text: str
    speaker: str
    reached: list[Cell]
    choices: list[ChoiceRow] = field(default_factory=list)


@dataclass(frozen=True)
class Average:
    """A role's average score on a principle; ``None`` when fewer than 3 people have one."""

    value: int | None
    enough: bool
    role: str = ""

    @property
    def role_label(self) -> str:
        return Role(self.role).label if self.role else ""


@dataclass
class AverageRow:
    slug: str
    name: str
    averages: list[Average]


@dataclass
class Debrief:
    scenario: ScenarioPage
    roles: list[tuple[str, str]]
    attempts: list[Cell]
    enough: list[bool]
    nodes: list[NodeRow]
    averages: list[AverageRow]


def course_scenario_ids(course: CoursePage) -> list[int]:
    """Return the scenarios used in a course's live lessons, in lesson order, once each."""
    return scenario_ids_by_course([course]).get(course.pk, [])


def scenario_ids_by_course(courses) -> dict[int, list[int]]:
    """Return, per course, the scenario page ids its live lessons use, in one query."""
    return {pk: distinct_scenario_ids(lessons) for pk, lessons in lessons_of(courses).items()}


def counted_attempts(cohort: Cohort, page: ScenarioPage) -> QuerySet[Attempt]:
    """Each participant's latest finished attempt for the group (``group_attempts``) on the
    scenario, for the three roles."""
    finished = group_attempts(cohort).filter(page_id=page.pk, status=Attempt.Status.FINISHED)
    latest = (
        finished.filter(user_id=OuterRef("user_id"))
        .order_by("-finished_at", "-pk")
        .values("pk")[:1]
    )
    return finished.filter(role__in=[role.value for role in ROLES]).filter(pk=Subquery(latest))


def build_debrief(cohort: Cohort, page: ScenarioPage) -> Debrief:
    """Count how the cohort chose at every step, per role, with the averages per principle."""
    attempts = counted_attempts(cohort, page)
    role_values = [role.value for role in ROLES]

    per_role = dict(attempts.order_by().values_list("role").annotate(n=Count("pk")))
    role_totals = [per_role.get(role, 0) for role in role_values]

    choices = AttemptChoice.objects.filter(attempt__in=attempts).order_by()
    chose: dict[tuple[str, str, str], int] = {
        (row["node_key"], row["choice_key"], row["attempt__role"]): row["n"]
        for row in choices.values("node_key", "choice_key", "attempt__role").annotate(
            n=Count("attempt_id", distinct=True)
        )
    }
    reached: dict[tuple[str, str], int] = {
        (row["node_key"], row["attempt__role"]): row["n"]
        for row in choices.values("node_key", "attempt__role").annotate(
            n=Count("attempt_id", distinct=True)
        )
    }

    scores = (
        PrincipleScore.objects.filter(attempt__in=attempts)
        .order_by()
        .values("principle", "attempt__role")
        .annotate(avg=Avg("score"), people=Count("attempt__user", distinct=True))
    )
    # A principle that was not practised has no score row: it counts nobody, never a 0.
    average: dict[tuple[str, str], tuple[float, int]] = {
        (row["principle"], row["attempt__role"]): (row["avg"], row["people"]) for row in scores
    }

    enough = [may_show(total, MIN_GROUP) for total in role_totals]
    revision = page.live_revision or page.latest_revision
    scenario = scenario_for_revision(revision) if revision else None
    return Debrief(
        scenario=page,
        roles=[(role.value, role.label) for role in ROLES],
        attempts=[
            mask(total, role=role) for total, role in zip(role_totals, role_values, strict=True)
        ],
        enough=enough,
        nodes=_node_rows(scenario, role_values, chose, reached, role_totals),
        averages=_average_rows(scenario, role_values, average, enough),
    )


def _node_rows(scenario, roles, chose, reached, role_totals) -> list[NodeRow]:
    """Steps in scenario order; steps or choices only in older versions come last, by key."""
    rows: dict[str, NodeRow] = {}
    choice_index: dict[tuple[str, str], ChoiceRow] = {}

    def reached_hidden(key: str, index: int) -> bool:
        """Hide a step's count when it, or the few of the role who did not get there, is small.

        The role's total is shown, so "4 of 5 reached this step" would single out the one
        who took another turn earlier.
        """
        here = reached.get((key, roles[index]), 0)
        return suppress_counts([here, role_totals[index] - here], MIN_GROUP)[0]

    def suppress(row: NodeRow) -> None:
        """Mask each role's choice counts at this step together: they add up to ``reached``."""
        for index, role in enumerate(roles):
            counts = [chose.get((row.key, choice.key, role), 0) for choice in row.choices]
            if reached_hidden(row.key, index):
                masked = [Cell(None, role=role, masked_label=HIDDEN) for _count in counts]
            else:
                masked = mask_row(counts, reached.get((row.key, role), 0), role)
            for choice, cell in zip(row.choices, masked, strict=True):
                choice.cells[index] = cell

    def cells(node_key: str, choice_key: str) -> list[Cell]:
        return [Cell(chose.get((node_key, choice_key, role), 0), role=role) for role in roles]

    def node_row(key: str, text: str, speaker: str) -> NodeRow:
        return NodeRow(
            key=key,
            text=text,
            speaker=speaker,
            reached=[
                Cell(None, role=role, masked_label=HIDDEN)
                if reached_hidden(key, index)
                else mask(reached.get((key, role), 0), role=role)
                for index, role in enumerate(roles)
            ],
        )

    for node in scenario.nodes if scenario else ():
        if node.end or not node.choices:
            continue
        row = rows[node.key] = node_row(node.key, node.text, node.speaker)
        for choice in node.choices:
            choice_row = ChoiceRow(
                choice.key, choice.text, choice.quality, cells(node.key, choice.key)
            )
            row.choices.append(choice_row)
            choice_index[(node.key, choice.key)] = choice_row
    for node_key, choice_key, _role in sorted(chose):
        if (node_key, choice_key) in choice_index:
            continue
        if node_key not in rows:
            rows[node_key] = node_row(node_key, node_key, "")
        choice_row = ChoiceRow(choice_key, choice_key, "", cells(node_key, choice_key))
        rows[node_key].choices.append(choice_row)
        choice_index[(node_key, choice_key)] = choice_row
    for row in rows.values():
        suppress(row)
    return list(rows.values())


def _average_rows(scenario, roles, average, enough) -> list[AverageRow]:
    slugs = list(scenario.principles) if scenario else []
    slugs += sorted({slug for slug, _role in average} - set(slugs))
    names = {p.slug: p.display_name for p in all_principles()}
    return [
        AverageRow(
            slug=slug,
            name=names.get(slug, slug),
            averages=[
                _average(average.get((slug, role)), role_enough, role)
                for role, role_enough in zip(roles, enough, strict=True)
            ],
        )
        for slug in slugs
    ]


def _average(found: tuple[float, int] | None, role_enough: bool, role: str) -> Average:
    """The role's average on one principle, hidden unless 3 people have a score for it."""
    if found is None:
        return Average(None, role_enough, role)
    mean, people = found
    if not may_show(people, MIN_GROUP):
        return Average(None, False, role)
    return Average(round(mean), True, role)
