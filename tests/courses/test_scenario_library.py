"""The scenario library: each visitor sees the conversations they may practise.

Which ones a learner may play is the courses' rule (a conversation used in a course is for
that course's learning groups); the library only asks it.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.builders import build_cohort, publish, scenario_document


def conversation(library, title: str, persona: str):
    document = scenario_document()
    document["title"] = title
    document["persona"] = {"name": persona, "age": 44, "situation": "Zoekt werk."}
    return publish(library, document)


@pytest.fixture
def scenarios(library, make_course, learner, trainer, outsider):
    """An open conversation, one in Alice's course (trained by Tom) and one in Charlie's."""
    free = conversation(library, "Open gesprek", "Ria")
    ours = conversation(library, "Gesprek in onze cursus", "Sem")
    theirs = conversation(library, "Gesprek in een andere cursus", "Nora")
    our_course = make_course("Onze cursus", lessons=[[("scenario", {"scenario": ours.pk})]])
    their_course = make_course("Hun cursus", lessons=[[("scenario", {"scenario": theirs.pk})]])
    build_cohort(our_course, name="Leergroep Hatert", participants=[learner], trainers=[trainer])
    build_cohort(their_course, name="Leergroep Elders", participants=[outsider])
    return free, ours, theirs


def listed(client, library, language_prefix: str = "") -> str:
    response = client.get(language_prefix + library.url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_visitor_who_is_not_signed_in_is_asked_to_sign_in(client, library, scenarios):
    response = client.get(library.url)
    assert response.status_code == 302
    assert response["Location"].startswith("/account/login/?next=")


def test_a_learner_sees_the_open_conversations_and_those_of_their_own_course(
    client, library, scenarios, learner
):
    free, ours, theirs = scenarios
    client.force_login(learner)
    page = listed(client, library)
    assert f'<a href="{free.url}">Open gesprek</a>' in page
    assert f'<a href="{ours.url}">Gesprek in onze cursus</a>' in page
    assert "Sem" in page  # the persona
    assert "Gesprek in een andere cursus" not in page
    assert "Nora" not in page
    assert "Scenario bewerken" not in page


def test_a_learner_of_another_organisation_sees_their_own_course_not_ours(
    client, library, scenarios, outsider
):
    client.force_login(outsider)
    page = listed(client, library)
    assert "Open gesprek" in page
    assert "Gesprek in een andere cursus" in page
    assert "Gesprek in onze cursus" not in page


def test_a_manager_without_a_learning_group_sees_only_the_open_conversations(
    client, library, scenarios, manager
):
    client.force_login(manager)
    page = listed(client, library)
    assert "Open gesprek" in page
    assert "Gesprek in onze cursus" not in page
    assert "Gesprek in een andere cursus" not in page


def test_a_trainer_sees_every_conversation_and_which_are_only_for_a_course(
    client, library, scenarios, trainer
):
    free, ours, theirs = scenarios
    client.force_login(trainer)
    page = listed(client, library)
    assert f'<a href="{free.url}">Open gesprek</a>' in page
    assert f'<a href="{ours.url}">Gesprek in onze cursus</a>' in page
    # Not in a group Tom trains: listed to its authors, without a link to play it.
    assert "Gesprek in een andere cursus" in page
    assert f'href="{theirs.url}"' not in page
    assert "Alleen voor de leergroepen van de cursus waar dit gesprek bij hoort." in page
    assert f'href="/admin/pages/{theirs.pk}/edit/"' in page


def test_the_library_speaks_english_under_en(client, library, scenarios, learner):
    client.force_login(learner)
    page = listed(client, library, "/en")
    assert '<html lang="en">' in page
    assert "Kitchen-table conversations" in page
    assert "Written for" in page


def test_an_empty_library_says_so(client, library, learner):
    client.force_login(learner)
    assert "Er zijn nog geen gesprekken die je kunt oefenen." in listed(client, library)


def test_the_library_page_needs_a_bounded_number_of_queries(client, library, scenarios, learner):
    client.force_login(learner)
    listed(client, library)  # warms Wagtail's site cache
    with CaptureQueriesContext(connection) as captured:
        listed(client, library)
    # Routing and the user take 5 (the site, its home page and "no view restrictions anywhere"
    # come from home/site_cache.py); the courses' play check asks up to 3 per conversation.
    assert len(captured) <= 5 + 3 * len(scenarios), "\n".join(q["sql"][:150] for q in captured)
