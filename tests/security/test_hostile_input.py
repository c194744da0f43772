"""Oversized and malformed input gets a clear refusal, never a server error.

The forms are found by reading the pages a user sees, not from a hand-kept list, so a new
form is covered as soon as a page shows it.
"""

from urllib.parse import urljoin

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

HOSTILE_VALUES = ["x" * 100_000, "\x00", "-1", "99999999999999999999999", "<script>", ""]
SKIPPED_ACTIONS = ("/account/logout/", "/account/verwijderen/")


def pages_for(world):
    return {
        "learner": [
            "/",
            reverse("my-learning"),
            reverse("cohort-detail", args=[world.cohort.pk]),
            reverse("cohort-reflections", args=[world.cohort.pk]),
            reverse("reflection-detail", args=[world.reflection.pk]),
            reverse("reflection-edit", args=[world.reflection.pk]),
            reverse("attempt-result", args=[world.attempt.pk]),
            reverse("my-data"),
            reverse("profile-settings"),
            world.lesson.url,
            world.scenario.url,
        ],
        "trainer": [
            reverse("cohort-detail", args=[world.cohort.pk]),
            reverse("reflection-detail", args=[world.reflection.pk]),
            reverse("trainer-overview"),
        ],
        "manager": [reverse("team-overview"), reverse("team-growth"), reverse("profile-settings")],
    }


def post_forms(client, path):
    """Yield (action, field names, default data) for every POST form on the page."""
    page = client.get(path, follow=True)
    soup = BeautifulSoup(page.content, "html.parser")
    for form in soup.find_all("form"):
        if (form.get("method") or "get").lower() != "post":
            continue
        action = urljoin(path, form.get("action") or path)
        if action.startswith(SKIPPED_ACTIONS):
            continue
        data = {}
        for field in form.find_all(["input", "textarea", "select", "button"]):
            name = field.get("name")
            if not name:
                continue
            if field.name == "textarea":
                data[name] = field.text
            elif field.name == "select":
                option = field.find("option", selected=True) or field.find("option")
                data[name] = option.get("value", "") if option else ""
            else:
                data[name] = field.get("value", "")
        yield action, [name for name in data if name != "csrfmiddlewaretoken"], data


@pytest.mark.parametrize("persona", ["learner", "trainer", "manager"])
def test_every_form_field_survives_hostile_values(client, world, persona):
    client.force_login(getattr(world, persona))
    checked = 0
    for path in pages_for(world)[persona]:
        for action, fields, data in list(post_forms(client, path)):
            for field in fields:
                for value in HOSTILE_VALUES:
                    response = client.post(action, {**data, field: value})
                    assert response.status_code < 500, (action, field, value[:20])
                    checked += 1
    assert checked > 0


QUERY_PARAMETERS = {
    "team-overview": ["role", "course", "team", "sort", "page"],
    "team-growth": ["team"],
}


@pytest.mark.parametrize("name", sorted(QUERY_PARAMETERS))
def test_malformed_query_parameters_get_a_clear_answer(client, world, name):
    client.force_login(world.manager)
    for parameter in QUERY_PARAMETERS[name]:
        for value in HOSTILE_VALUES:
            response = client.get(reverse(name), {parameter: value})
            assert response.status_code in (200, 400, 404), (parameter, value[:20])


def test_a_post_without_a_csrf_token_is_refused(client, world):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    strict.force_login(world.learner)
    response = strict.post(
        reverse("attempt-play", args=[world.attempt.pk]), {"step": 0, "choice": "vraag-door"}
    )
    assert response.status_code == 403
    response = strict.post(reverse("account-delete"), {"password": "x", "confirm": "on"})
    assert response.status_code == 403
