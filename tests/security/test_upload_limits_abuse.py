"""The page editor saves the largest valid scenario; nowhere else takes such a large POST.

Django's upload limits are sized for the editor; UploadLimitsMiddleware holds every other
POST (the site, and the admin for anyone who may not use it) to Django's defaults.
"""

import json

import pytest
from django.conf import settings
from django.urls import reverse

from courses.models import Reflection
from scenarios import interop
from scenarios.engine import MAX_CHOICES, MAX_NODES
from scenarios.graph import scenario_from_page
from scenarios.models import Principle
from tests.scenarios.test_authoring import edit_post

# Scores per choice. The format allows one per principle (14 on this platform: 128,400 fields,
# which the settings allow for), but Wagtail's editor takes minutes over that many score
# blocks here, so the test saves two per choice: still far beyond the limit it failed on.
SCORES = 2


def largest_scenario() -> dict:
    """200 steps of 8 choices, each choice scoring SCORES principles."""
    principles = list(Principle.objects.values_list("slug", flat=True))
    nodes = [
        {
            "key": f"stap-{step}",
            "text": f"Wat de bewoner zegt bij stap {step}.",
            "choices": [
                {
                    "key": f"keuze-{choice}",
                    "text": f"Antwoord {choice}",
                    "target": f"stap-{step + 1}",
                    "quality": "acceptable",
                    "scores": {slug: 1 for slug in principles[:SCORES]},
                    "feedback": "Uitleg bij deze keuze.",
                }
                for choice in range(MAX_CHOICES)
            ],
        }
        for step in range(MAX_NODES - 1)
    ]
    nodes.append({"key": f"stap-{MAX_NODES - 1}", "text": "Tot ziens.", "end": True})
    return {
        "format": "kantelwerk-scenario",
        "version": 1,
        "title": "Het grootste gesprek",
        "principles": principles,
        "start": "stap-0",
        "nodes": nodes,
    }


def test_the_editor_saves_the_largest_valid_scenario(client, scenario_index, admin_user):
    document = largest_scenario()
    page = interop.import_scenario(json.dumps(document), scenario_index, user=admin_user).page
    document["nodes"][0]["text"] = "Veranderd in de editor."
    data = edit_post(page, document)
    fields = sum(len(value) if isinstance(value, list) else 1 for value in data.values())
    assert fields > 30_000  # Django's default is 1,000; this failed at the 20,000 set before

    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    saved = scenario_from_page(page.get_latest_revision_as_object())
    assert saved.nodes[0].text == "Veranderd in de editor."
    assert len(saved.nodes) == MAX_NODES
    assert len(saved.nodes[0].choices) == MAX_CHOICES


def many_fields(count: int) -> dict:
    return {f"veld{n}": "x" for n in range(count)}


@pytest.mark.parametrize("who", ["learner", "anonymous"])
def test_a_post_with_thousands_of_fields_is_refused_outside_the_editor(
    client, request, who, published_scenario
):
    if who != "anonymous":
        client.force_login(request.getfixturevalue(who))
    fields = many_fields(settings.SITE_UPLOAD_MAX_NUMBER_FIELDS + 10)
    for url in (reverse("reflection-create"), f"/admin/pages/{published_scenario.pk}/edit/"):
        assert client.post(url, {**fields, "body": "Te veel."}).status_code == 400
    assert not Reflection.objects.exists()


def test_a_site_post_larger_than_djangos_default_is_refused(client, learner):
    client.force_login(learner)
    body = "x" * (settings.SITE_UPLOAD_MAX_MEMORY_SIZE + 1)
    assert client.post(reverse("reflection-create"), {"body": body}).status_code == 400


def test_an_ordinary_form_still_gets_through(client, learner):
    client.force_login(learner)
    response = client.post(reverse("account-delete"), {"password": "fout", "confirm": "on"})
    assert response.status_code == 400  # the form's own answer: wrong password
    assert "Dat wachtwoord klopt niet" in response.content.decode()
