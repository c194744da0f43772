"""The admin and the learner page call each field by the same name.

A trainer filled in "Setting" in the admin and saw it headed "Situatie" on the learner's page,
while the admin's own "Situatie" was the resident's situation. And the page form's step fields
started with small letters where every other label starts with a capital.
"""

import html

import pytest

from tests.builders import publish, scenario_document
from tests.scenarios.test_authoring import edit_url


@pytest.fixture
def scenario(library):
    document = scenario_document()
    document["setting"] = "Aan de keukentafel bij mevrouw Jansen."
    return publish(library, document)


def test_the_place_of_the_conversation_has_one_name_in_the_admin_and_for_learners(
    client, learner, trainer, scenario
):
    client.force_login(learner)
    learner_page = client.get(scenario.url).content.decode()
    assert "<h2>Plek van het gesprek</h2>" in learner_page
    assert "Situatie" not in learner_page

    client.force_login(trainer)
    form = html.unescape(client.get(edit_url(scenario)).content.decode())
    assert "Plek van het gesprek" in form
    assert "Situatie van de inwoner" in form


def test_the_page_forms_step_fields_start_with_a_capital(client, trainer, scenario):
    client.force_login(trainer)
    form = html.unescape(client.get(edit_url(scenario)).content.decode())
    for label in ("Wie spreekt", "Tekst", "Sleutel", "Leidt naar stap", "Kwaliteit"):
        assert f'"{label}"' in form or f">{label}<" in form, label
    assert '"wie spreekt"' not in form
