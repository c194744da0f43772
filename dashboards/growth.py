"""A team's growth: principle profile now versus at the start, attempts and choices per month.

The database does the heavy lifting (one row per member and principle, one per month);
the small functions at the top finish the sums on those rows and are plain Python.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from fractions import Fraction

from django.db.models import Avg, Count, DateField, OuterRef, QuerySet, Subquery
from django.db.models.functions import TruncMonth

from scenarios.engine import round_half_away
from scenarios.models import AttemptChoice, PrincipleScore
from scenarios.principle_cache import all_principles

from .queries import finished_attempts

MIN_CONTRIBUTORS = 5
QUALITIES = ("desired", "acceptable", "less_desired")


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


def month_range(first: datetime.date, last: datetime.date) -> list[datetime.date]:
    """Every first-of-month from ``first``'s month to ``last``'s, both included."""
    months, year, month = [], first.year, first.month
    while (year, month) <= (last.year, last.month):
        months.append(datetime.date(year, month, 1))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def fill_months(counts: dict[datetime.date, int]) -> list[tuple[datetime.date, int]]:
    """Counts per month with the empty months in between set to zero."""
    if not counts:
        return []
    return [(month, counts.get(month, 0)) for month in month_range(min(counts), max(counts))]


@dataclass(frozen=True)
class QualityMonth:
    month: datetime.date
    counts: dict[str, int]

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


def quality_by_month(rows: Iterable[tuple[datetime.date, str, int]]) -> list[QualityMonth]:
    """Group (month, quality, count) rows into one QualityMonth per month, gaps filled."""
    counts: dict[datetime.date, dict[str, int]] = {}
    for month, quality, count in rows:
        if quality in QUALITIES:
            counts.setdefault(month, dict.fromkeys(QUALITIES, 0))[quality] += count
    if not counts:
        return []
    return [
        QualityMonth(month, counts.get(month, dict.fromkeys(QUALITIES, 0)))
        for month in month_range(min(counts), max(counts))
    ]


# --------------------------------------------------------------------------- queries


@dataclass(frozen=True)
class ProfileRow:
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
    timeline: list[tuple[datetime.date, int]]
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
    months = (
        attempts.annotate(month=TruncMonth("finished_at", output_field=DateField()))
        .values("month")
        .annotate(n=Count("pk"))
        .order_by("month")
    )
    timeline = fill_months({row["month"]: row["n"] for row in months})
    if contributors < MIN_CONTRIBUTORS:
        return Growth(member_count, contributors, [], timeline, [])
    latest = mean_over_members(member_means(members, first=False))
    first = mean_over_members(member_means(members, first=True))
    profile = [
        ProfileRow(p.slug, p.display_label, p.display_name, first.get(p.slug), latest.get(p.slug))
        for p in all_principles()
        if p.slug in latest or p.slug in first
    ]
    choices = (
        AttemptChoice.objects.filter(attempt__in=attempts)
        .annotate(month=TruncMonth("attempt__finished_at", output_field=DateField()))
        .values("month", "quality")
        .annotate(n=Count("pk"))
        .order_by()
    )
    quality = quality_by_month((row["month"], row["quality"], row["n"]) for row in choices)
    return Growth(member_count, contributors, profile, timeline, quality)
