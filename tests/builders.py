"""Builders shared by tests: a small scenario with known scores, and playing it."""

import json

from django.urls import reverse

from scenarios.interop import import_scenario
from scenarios.models import Attempt, ScenarioPage


def scenario_document(extra_nodes: int = 0, text: str = "Ik red me niet meer.") -> dict:
    """A small scenario with known bounds: eigen-kracht −2…2, presentie 0…2."""
    nodes = [
        {
            "key": "begin",
            "text": text,
            "choices": [
                {
                    "key": "vraag-door",
                    "text": "Wat lukt er nog wel?",
                    "target": "midden",
                    "quality": "desired",
                    "scores": {"eigen-kracht": 2, "presentie": 1},
                    "feedback": "Je kijkt naar wat er wel kan.",
                },
                {
                    "key": "regel-het",
                    "text": "Ik regel thuiszorg voor u.",
                    "target": "snel-einde",
                    "quality": "less_desired",
                    "scores": {"eigen-kracht": -2},
                    "feedback": "Je neemt het over.",
                },
            ],
        },
        {
            "key": "midden",
            "text": "Mijn dochter helpt soms.",
            "choices": [
                {
                    "key": "netwerk",
                    "text": "Wie kan er nog meer helpen?",
                    "target": "goed-einde",
                    "quality": "desired",
                    "scores": {"presentie": 1},
                    "feedback": "Je betrekt het netwerk.",
                },
                {
                    "key": "knik",
                    "text": "Fijn.",
                    "target": "goed-einde",
                    "quality": "acceptable",
                    "feedback": "Je luistert, maar vraagt niet door.",
                },
                {
                    "key": "nog-eens",
                    "text": "Kunt u dat herhalen?",
                    "target": "midden",
                    "quality": "acceptable",
                    "feedback": "Herhalen mag.",
                },
            ],
        },
        {"key": "goed-einde", "text": "Dank je.", "end": True, "outcome": "Samen een plan."},
        {"key": "snel-einde", "text": "Oké.", "end": True, "outcome": "Thuiszorg geregeld."},
    ]
    # Extra steps hang off the good ending's path to make a bigger graph for query counts.
    for number in range(extra_nodes):
        nodes.append(
            {
                "key": f"extra-{number}",
                "text": f"Extra stap {number}",
                "choices": [
                    {"key": "door", "text": "Door", "target": "goed-einde", "quality": "acceptable"}
                ],
            }
        )
    if extra_nodes:
        nodes[0]["choices"].append(
            {"key": "omweg", "text": "Omweg", "target": "extra-0", "quality": "acceptable"}
        )
        for number in range(extra_nodes - 1):
            nodes[4 + number]["choices"].append(
                {
                    "key": "verder",
                    "text": "Verder",
                    "target": f"extra-{number + 1}",
                    "quality": "acceptable",
                }
            )
    return {
        "format": "kantelwerk-scenario",
        "version": 1,
        "title": "Mevrouw Jansen",
        "persona": {"name": "Mevrouw Jansen", "age": 81, "situation": "Woont alleen."},
        "principles": ["eigen-kracht", "presentie"],
        "start": "begin",
        "nodes": nodes,
    }


def publish(library, document) -> ScenarioPage:
    return import_scenario(json.dumps(document), library, publish=True).page


def start(client, page) -> Attempt:
    response = client.post(reverse("scenario-start", args=[page.pk]))
    assert response.status_code == 302
    return Attempt.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def choose(client, attempt, choice, step=None):
    step = attempt.step if step is None else step
    return client.post(reverse("attempt-play", args=[attempt.pk]), {"step": step, "choice": choice})
