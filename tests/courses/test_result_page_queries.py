"""The result page of a player in a learning group: the way on and the reflection box, with
the course's lessons fetched once for both panels."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.builders import build_cohort, play_through, publish, scenario_document, text_block


def test_a_group_members_result_page_needs_at_most_8_queries(client, make_course, library, learner):
    page = publish(library, scenario_document())
    course = make_course(
        "Met gesprek",
        lessons=[[text_block("<p>Inleiding</p>")], [("scenario", {"scenario": page.pk})], []],
    )
    build_cohort(course, participants=[learner])
    attempt = play_through(learner, page)
    client.force_login(learner)
    url = reverse("attempt-result", args=[attempt.pk])
    client.get(url)  # warm the per-process caches (revision, principles, site root)
    with CaptureQueriesContext(connection) as captured:
        html = client.get(url).content.decode()
    assert "Terug naar de les: Les 2" in html
    assert "Les 3" in html  # the next lesson
    assert 'class="way-on"' in html
    # session, user, attempt, its choices, the previous attempt, the player's groups, their
    # courses' lessons (once, for both panels), the player's reflections; the site for URLs
    # comes from the per-process snapshot (home/site_cache.py)
    assert len(captured) <= 8, [q["sql"][:80] for q in captured]
