"""Score finished attempts again by the current scoring rules (used by data migrations).

Works on the model classes it is given, so a migration can pass its historical models:
the graph is read from each revision's stored JSON, never through today's page class.
"""

from __future__ import annotations

from django.db import transaction

from . import engine
from .graph import scenario_from_revision_content


def rescore_all(*, attempts, principle_scores, principles) -> int:
    """Replace the scores of every finished attempt; return how many were rescored.

    Attempts themselves are never created or deleted, and their choices are not touched.
    """
    order = list(principles.objects.order_by("order", "name").values_list("pk", "slug"))
    scenarios: dict[int, engine.Scenario] = {}
    count = 0
    finished = attempts.objects.filter(status="finished").select_related("revision")
    for attempt in finished.order_by("pk").iterator(chunk_size=500):
        revision = attempt.revision
        if revision.pk not in scenarios:
            scenarios[revision.pk] = _scenario(revision.content, order)
        path = list(attempt.choices.order_by("step").values_list("node_key", "choice_key"))
        try:
            result = engine.score_path(scenarios[revision.pk], path)
        except ValueError:
            continue  # choices that no longer walk the revision: keep the scores it has
        with transaction.atomic():
            principle_scores.objects.filter(attempt=attempt).delete()
            principle_scores.objects.bulk_create(
                principle_scores(
                    attempt=attempt, principle=slug, score=score, practised=result.practised[slug]
                )
                for slug, score in result.practised_scores.items()
            )
            attempts.objects.filter(pk=attempt.pk).update(
                overall=result.overall, scoring_version=engine.SCORING_VERSION
            )
        count += 1
    return count


def _scenario(content: dict, order: list[tuple[int, str]]) -> engine.Scenario:
    chosen = set(content.get("principles") or [])
    slugs = [slug for pk, slug in order if pk in chosen]
    return scenario_from_revision_content(content, slugs)
