"""Re-scoring finished attempts by version 2 (the data migration), tested on the demo."""

import pytest
from django.core.management import call_command

from scenarios import engine
from scenarios.graph import scenario_for_revision, scenario_from_revision_content
from scenarios.models import Attempt, AttemptChoice, Principle, PrincipleScore
from scenarios.rescoring import rescore_all


@pytest.fixture
def demo(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def stored(attempt) -> dict:
    return {row.principle: (row.score, row.practised) for row in attempt.principle_scores.all()}


def rescore() -> int:
    return rescore_all(attempts=Attempt, principle_scores=PrincipleScore, principles=Principle)


def test_the_migration_reads_each_revision_as_the_site_does(demo):
    for attempt in Attempt.objects.select_related("revision"):
        content = attempt.revision.content
        slugs = [p.slug for p in Principle.objects.filter(pk__in=content["principles"])]
        assert scenario_from_revision_content(content, slugs) == scenario_for_revision(
            attempt.revision
        )


def test_rescoring_the_demo_stores_what_playing_by_version_2_stores_and_keeps_every_attempt(demo):
    finished = list(Attempt.objects.filter(status=Attempt.Status.FINISHED))
    assert len(finished) >= 50
    expected = {}
    for attempt in finished:
        path = list(attempt.choices.values_list("node_key", "choice_key"))
        result = engine.score_path(scenario_for_revision(attempt.revision), path)
        expected[attempt.pk] = (
            result.overall,
            {p: (s, result.practised[p]) for p, s in result.practised_scores.items()},
        )
    # Make every attempt look as version 1 left it: a score for every principle, even
    # unpractised ones, and other numbers.
    PrincipleScore.objects.all().delete()
    PrincipleScore.objects.bulk_create(
        PrincipleScore(attempt=attempt, principle=slug, score=100)
        for attempt in finished
        for slug in scenario_for_revision(attempt.revision).principles
    )
    Attempt.objects.update(overall=99, scoring_version=1)
    attempts_before = set(Attempt.objects.values_list("pk", "status"))
    choices_before = AttemptChoice.objects.count()

    assert rescore() == len(finished)

    for attempt in Attempt.objects.filter(status=Attempt.Status.FINISHED):
        assert (attempt.overall, stored(attempt)) == expected[attempt.pk]
        assert attempt.scoring_version == 2
    assert set(Attempt.objects.values_list("pk", "status")) == attempts_before
    assert AttemptChoice.objects.count() == choices_before

    # Deterministic: a second run changes nothing.
    first = {a.pk: (a.overall, stored(a)) for a in Attempt.objects.all()}
    rescore()
    assert {a.pk: (a.overall, stored(a)) for a in Attempt.objects.all()} == first
