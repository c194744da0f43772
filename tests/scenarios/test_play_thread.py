"""The play page reads as a conversation: the words just before and the learner's answer."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.builders import choose, publish, scenario_document, start


def thread(client, attempt):
    html = client.get(reverse("attempt-play", args=[attempt.pk])).content
    return BeautifulSoup(html, "html.parser").select_one("section.thread")


def test_the_first_step_has_nothing_before_it(client, learner, library):
    client.force_login(learner)
    attempt = start(client, publish(library, scenario_document()))
    assert thread(client, attempt) is None


def test_the_next_step_shows_the_words_before_and_the_answer_given(client, learner, library):
    client.force_login(learner)
    attempt = start(client, publish(library, scenario_document()))
    choose(client, attempt, "vraag-door")
    earlier = thread(client, attempt)
    speeches = [speech.get_text(" ", strip=True) for speech in earlier.select(".speech")]
    assert speeches[0].endswith("Ik red me niet meer.")
    assert speeches[1] == "Jij Wat lukt er nog wel?"
