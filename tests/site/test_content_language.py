"""On the English interface, what authors wrote in Dutch says so (WCAG 3.1.2, language of
parts): a screen reader then reads "Wat lukt er nog wel?" with a Dutch voice, and the buttons
around it with an English one."""

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from tests.builders import publish, scenario_document, start


def language_of(element) -> str:
    """The language an element is read in: its own ``lang`` or the nearest ancestor's."""
    for node in [element, *element.parents]:
        if getattr(node, "attrs", None) and node.get("lang"):
            return node["lang"]
    return ""


def element_with(html: str, text: str):
    soup = BeautifulSoup(html, "html.parser")
    found = soup.find(string=lambda s: s and text in s)
    assert found is not None, f"{text!r} is not on the page"
    return found.parent


@pytest.fixture
def playing(client, learner, library):
    page = publish(library, scenario_document())
    client.force_login(learner)
    return start(client, page)


@pytest.mark.parametrize(
    ("authored", "interface_en", "interface_nl"),
    [("Ik red me niet meer.", "What do you say or do?", "Wat zeg of doe je?")],
)
def test_authored_text_keeps_its_language_on_either_interface(
    client, playing, authored, interface_en, interface_nl
):
    url = reverse("attempt-play", args=[playing.pk])
    english = client.get("/en" + url).content.decode()
    assert language_of(element_with(english, authored)) == "nl"
    assert language_of(element_with(english, "Wat lukt er nog wel?")) == "nl"  # a choice
    assert language_of(element_with(english, interface_en)) == "en"

    dutch = client.get(url).content.decode()
    assert language_of(element_with(dutch, authored)) == "nl"
    assert language_of(element_with(dutch, interface_nl)) == "nl"
    assert dutch.count('lang="nl"') == 1  # only <html>: nothing to switch on a Dutch page


def test_the_result_marks_the_ending_feedback_and_route_as_dutch(client, playing):
    for choice in ("vraag-door", "netwerk"):
        playing.refresh_from_db()
        client.post(
            reverse("attempt-play", args=[playing.pk]), {"step": playing.step, "choice": choice}
        )
    english = client.get("/en" + reverse("attempt-result", args=[playing.pk])).content.decode()
    for authored in ("Dank je.", "Samen een plan.", "Je betrekt het netwerk."):
        assert language_of(element_with(english, authored)) == "nl", authored
    assert language_of(element_with(english, "Your route")) == "en"
