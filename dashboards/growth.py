"""A team's growth: principle profile now versus at the start, attempts and choices per month.

The database does the heavy lifting (one row per member and principle, one per month);
the small functions at the top finish the sums on those rows and are plain Python.

Every figure counts its own contributors (``people.disclosure``): a principle's mean the
members with a score for that principle, a month the members who finished an attempt in it.
A figure with fewer than 5 is hidden (None), whatever the team's size.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Avg, Count, DateField, OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncMonth

from people.disclosure import TEAM_MINIMUM, may_show, shown_or_none
from scenarios.engine import round_half_away
from scenarios.models import AttemptChoice, PrincipleScore
from scenarios.principle_cache import all_principles
from scenarios.qualities import Quality

from .queries import finished_attempts

MIN_CONTRIBUTORS = TEAM_MINIMUM
QUALITIES = tuple(Quality.values)


# --------------------------------------------------------------------------- pure sums


def mean_over_members(rows: Iterable[tuple[int, str, float]]) -> dict[str, int]:
    """Mean per principle over members, from (member, principle, member's mean) rows.

    Each member weighs the same, however many scenarios they played.
    """
    per_principle: dict[str, list[Fraction]] = defaultdict(list)
    for _member, principle, score in rows:
        per_principle[principle].append(Fraction(score))
    return {
        principle: round_half_away(sum(scores) / len(scores))
        for principle, scores in per_principle.items()
    }


def members_per_principle(rows: Iterable[tuple[int, str, float]]) -> dict[str, int]:
    """How many members have a score for each principle (a missing row counts nobody)."""
    members: dict[str, set[int]] = defaultdict(set)
    for member, principle, _score in rows:
        members[principle].add(member)
    return {principle: len(ids) for principle, ids in members.items()}


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every first-of-month from ``first``'s month to ``last``'s, both included."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def fill_months(
    counts: dict[datetime.date, int | None],
) -> list[tuple[datetime.date, int | None]]:
    """Counts per month with the empty months in between set to zero (None stays hidden)."""
    if not counts:
        return []
    return [(month, counts.get(month, 0)) for month in month_range(min(counts), max(counts))]


@dataclass(frozen=True)
class QualityMonth:
    month: datetime.date
    counts: dict[str, int]
    hidden: bool = False

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def share(self, quality: str) -> int:
        """Percentage of this month's choices with ``quality`` (0 in an empty month)."""
        if not self.total:
            return 0
        return round_half_away(Fraction(100 * self.counts[quality], self.total))

    @property
    def segments(self) -> list[tuple[str, str, str]]:
        """(quality, start, width) on a 0–100 scale, for a stacked bar (SVG numbers)."""
        segments, start = [], Fraction(0)
        for quality in QUALITIES:
            width = Fraction(100 * self.counts[quality], self.total) if self.total else Fraction(0)
            segments.append((quality, f"{float(start):.2f}", f"{float(width):.2f}"))
            start += width
        return segments

    @property
    def shares(self) -> list[tuple[str, int, int]]:
        return [(quality, self.counts[quality], self.share(quality)) for quality in QUALITIES]


def quality_by_month(
    rows: Iterable[tuple[datetime.date, str, int]],
    hidden: Iterable[datetime.date] = (),
) -> list[QualityMonth]:
    """Group (month, quality, count) rows into one QualityMonth per month, gaps filled.

    A month in ``hidden`` keeps no counts: it shows only that it is hidden.
    """
    hidden = set(hidden)
    counts: dict[datetime.date, dict[str, int]] = {}
    for month, quality, count in rows:
        if quality in QUALITIES:
            counts.setdefault(month, dict.fromkeys(QUALITIES, 0))[quality] += count
    if not counts:
        return []
    return [
        QualityMonth(month, dict.fromkeys(QUALITIES, 0), hidden=True)
        if month in hidden
        else QualityMonth(month, counts.get(month, dict.fromkeys(QUALITIES, 0)))
        for month in month_range(min(counts), max(counts))
    ]


def hidden_quality_months(
    rows: Iterable[tuple[datetime.date, str, int]],
    month_people: dict[datetime.date, int],
    minimum: int = TEAM_MINIMUM,
) -> set[datetime.date]:
    """Months whose choice shares must be hidden, from (month, quality, people) rows.

    A month's shares go together (they add up to 100%), so one quality chosen by too few
    members hides the whole month, as does a month with too few members at all.
    """
    hidden = {month for month, people in month_people.items() if not may_show(people, minimum)}
    hidden |= {month for month, _q, people in rows if people and not may_show(people, minimum)}
    return hidden


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class ProfileRow:
    """A principle's team mean at the start and now; None where too few members have one."""

    slug: str
    label: str
    name: str
    first: int | None
    latest: int | None

    @property
    def change(self) -> int | None:
        if self.first is None or self.latest is None:
            return None
        return self.latest - self.first


@dataclass(frozen=True)
class Growth:
    members: int
    contributors: int
    profile: list[ProfileRow]
    timeline: list[tuple[datetime.date, int | None]]
    quality: list[QualityMonth]

    @property
    def enough(self) -> bool:
        return self.contributors >= MIN_CONTRIBUTORS


def _picked_attempts(members: QuerySet, *, first: bool) -> QuerySet:
    """Each member's first (or latest) finished attempt per scenario."""
    order = ("finished_at", "pk") if first else ("-finished_at", "-pk")
    pick = (
        finished_attempts()
        .filter(user=OuterRef("user"), page=OuterRef("page"))
        .order_by(*order)
        .values("pk")[:1]
    )
    return finished_attempts().filter(user__in=members, pk=Subquery(pick))


def member_means(members: QuerySet, *, first: bool) -> list[tuple[int, str, float]]:
    """(member, principle, mean score over the member's scenarios) for the picked attempts."""
    rows = (
        PrincipleScore.objects.filter(attempt__in=_picked_attempts(members, first=first))
        .values("attempt__user_id", "principle")
        .annotate(mean=Avg("score"))
        .order_by()
    )
    return [(row["attempt__user_id"], row["principle"], row["mean"]) for row in rows]


def team_growth(members: QuerySet) -> Growth:
    """Every figure of the growth page for these members; scores only for 5 or more."""
    attempts = finished_attempts().filter(user__in=members)
    counts = attempts.aggregate(contributors=Count("user", distinct=True))
    contributors = counts["contributors"]
    member_count = members.count()
    months = list(
        attempts.annotate(month=TruncMonth("finished_at", output_field=DateField()))
        .values("month")
        .annotate(n=Count("pk"), people=Count("user", distinct=True))
        .order_by("month")
    )
    timeline = fill_months({row["month"]: shown_or_none(row["n"], row["people"]) for row in months})
    if not may_show(contributors):
        return Growth(member_count, contributors, [], timeline, [])
    latest_rows = member_means(members, first=False)
    first_rows = member_means(members, first=True)
    profile = _profile(
        mean_over_members(first_rows),
        members_per_principle(first_rows),
        mean_over_members(latest_rows),
        members_per_principle(latest_rows),
    )
    choices = list(
        AttemptChoice.objects.filter(attempt__in=attempts)
        .annotate(month=TruncMonth("attempt__finished_at", output_field=DateField()))
        .values("month", "quality")
        .annotate(n=Count("pk"), people=Count("attempt__user", distinct=True))
        .order_by()
    )
    hidden = hidden_quality_months(
        ((row["month"], row["quality"], row["people"]) for row in choices),
        {row["month"]: row["people"] for row in months},
    )
    quality = quality_by_month(
        ((row["month"], row["quality"], row["n"]) for row in choices), hidden
    )
    return Growth(member_count, contributors, profile, timeline, quality)


def _profile(first, first_members, latest, latest_members) -> list[ProfileRow]:
    """One row per principle someone practised, each mean hidden below 5 members."""
    return [
        ProfileRow(
            p.slug,
            p.display_label,
            p.display_name,
            shown_or_none(first.get(p.slug), first_members.get(p.slug, 0)),
            shown_or_none(latest.get(p.slug), latest_members.get(p.slug, 0)),
        )
        for p in all_principles()
        if p.slug in latest or p.slug in first
    ]
