"""Queries built once and run with other values (people/prepared.py) answer exactly what the
ORM answers, read the database every time, and refuse what they cannot prepare."""

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef

from people.prepared import PreparedQueryError, prepared
from scenarios.models import Attempt, AttemptChoice
from tests.builders import build_library, finish, publish, scenario_document

User = get_user_model()


def attempts_with_choices(user_id, page_id):
    return (
        Attempt.objects.filter(user_id=user_id, page_id=page_id)
        .select_related("revision")
        .annotate(
            choices_made=Count("choices"),
            asked=Exists(
                AttemptChoice.objects.filter(attempt=OuterRef("pk"), choice_key="vraag-door")
            ),
        )
        .order_by("pk")
    )


prepared_attempts = prepared(attempts_with_choices)


@pytest.fixture
def played(db):
    page = publish(build_library(), scenario_document())
    ans = User.objects.create_user("ans", "ans@example.nl", "x")
    bert = User.objects.create_user("bert", "bert@example.nl", "x")
    finish(ans, page, [("start", "vraag-door"), ("vervolg", "netwerk")])
    finish(ans, page, [("start", "regel-het")])
    finish(bert, page, [("start", "regel-het")])
    return page, ans, bert


def described(attempts):
    return [
        (a.pk, a.user_id, a.revision.pk, a.choices_made, a.asked, a.status, a.started_at)
        for a in attempts
    ]


def test_it_answers_what_the_orm_answers_for_each_user(played, django_assert_num_queries):
    page, ans, bert = played
    for user in (ans, bert, ans):
        with django_assert_num_queries(1):
            got = prepared_attempts(user_id=user.pk, page_id=page.pk)
        assert described(got) == described(attempts_with_choices(user.pk, page.pk))
    assert [a.asked for a in prepared_attempts(user_id=ans.pk, page_id=page.pk)] == [True, False]
    assert prepared_attempts(user_id=-5, page_id=page.pk) == []


def test_it_reads_the_database_every_time(played):
    page, ans, _ = played
    before = prepared_attempts(user_id=ans.pk, page_id=page.pk)
    finish(ans, page, [("start", "vraag-door")])
    assert len(prepared_attempts(user_id=ans.pk, page_id=page.pk)) == len(before) + 1


def test_lists_of_any_length_and_the_value_shapes(played):
    page, ans, bert = played

    @prepared
    def steps_of(attempt_ids):
        return (
            AttemptChoice.objects.filter(attempt_id__in=attempt_ids)
            .order_by("attempt_id", "step")
            .values_list("attempt_id", "choice_key")
        )

    @prepared
    def keys_of(attempt_ids, node):
        rows = AttemptChoice.objects.filter(attempt_id__in=attempt_ids, node_key=node)
        return rows.order_by("pk").values_list("choice_key", flat=True)

    @prepared
    def counted(user_id):
        rows = Attempt.objects.filter(user_id=user_id).values("user_id")
        return rows.annotate(n=Count("pk")).order_by()

    ids = list(Attempt.objects.order_by("pk").values_list("pk", flat=True))
    for chosen in (ids[:1], ids, ids[1:], ids[:1]):
        expected = AttemptChoice.objects.filter(attempt_id__in=chosen).order_by(
            "attempt_id", "step"
        )
        assert steps_of(attempt_ids=chosen) == list(
            expected.values_list("attempt_id", "choice_key")
        )
    assert keys_of(attempt_ids=tuple(ids), node="start") == ["vraag-door", "regel-het", "regel-het"]
    assert keys_of(attempt_ids=ids, node="vervolg") == ["netwerk"]
    assert counted(user_id=ans.pk) == [{"user_id": ans.pk, "n": 2}]
    assert len(steps_of._compiled) == 3  # one compiled query per list length


@pytest.mark.parametrize("lookup", ["node_key__startswith", "node_key__contains"])
def test_a_value_the_query_rewrites_is_refused_with_its_name(db, lookup):
    """Lookups that wrap or escape the value (LIKE patterns) cannot be prepared."""

    @prepared
    def matching(key):
        return AttemptChoice.objects.filter(**{lookup: key})

    with pytest.raises(PreparedQueryError, match="key"):
        matching(key="a_b")


def test_values_that_would_change_the_querys_shape_are_refused(played):
    page, ans, _ = played
    for wrong in (True, None, [], 2.5):
        with pytest.raises(PreparedQueryError, match="user_id"):
            prepared_attempts(user_id=wrong, page_id=page.pk)
    with pytest.raises(PreparedQueryError, match="takes user_id, page_id"):
        prepared_attempts(user_id=ans.pk)

    @prepared
    def with_prefetch(user_id):
        return Attempt.objects.filter(user_id=user_id).prefetch_related("choices")

    with pytest.raises(PreparedQueryError, match="prefetch_related"):
        with_prefetch(user_id=ans.pk)


def test_an_id_no_column_can_hold_matches_nothing_as_in_the_orm(played):
    """A tampered URL with a 20-digit id is a 404, not a database error."""
    page, ans, _ = played
    assert prepared_attempts(user_id=ans.pk, page_id=2**63) == []
    assert prepared_attempts(user_id=-(2**64), page_id=page.pk) == []

    @prepared
    def steps_of(attempt_ids):
        return AttemptChoice.objects.filter(attempt_id__in=attempt_ids).values_list("pk", flat=True)

    first = Attempt.objects.order_by("pk").first()
    assert sorted(steps_of(attempt_ids=[first.pk, 2**70])) == sorted(
        first.choices.values_list("pk", flat=True)
    )
    assert steps_of(attempt_ids=[2**70]) == []
