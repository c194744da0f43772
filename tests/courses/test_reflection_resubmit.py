"""A reflection or reply sent twice (a double click, a browser retry) is stored once.

Each form is read from the page a learner sees and sent back as the browser would, twice.
"""

from uuid import uuid4

import pytest
from bs4 import BeautifulSoup
from django.db import IntegrityError, transaction
from django.urls import reverse

from courses.models import Reflection, ReflectionReply
from courses.reflections.forms import NewReflectionForm
from tests.builders import play_through, write
from tests.courses import reflection_fixtures as shared

scenario = shared.scenario
course = shared.course
lesson = shared.lesson
cohort = shared.cohort


def form_on(client, path, action) -> dict:
    """The fields of the POST form with this action on the page, as the browser sends them."""
    soup = BeautifulSoup(client.get(path).content, "html.parser")
    form = soup.find("form", action=action)
    assert form is not None, f"no form to {action} on {path}"
    data = {}
    for field in form.find_all(["input", "textarea"]):
        if field.get("type") == "radio" and not field.has_attr("checked"):
            continue
        if field.get("name"):
            data[field["name"]] = field.text if field.name == "textarea" else field.get("value", "")
    return data


def send_twice(client, action, data):
    first, second = client.post(action, data), client.post(action, data)
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_a_reflection_at_a_lesson_prompt_sent_twice_is_stored_once(
    client, cohort, volunteer, lesson
):
    client.force_login(volunteer)
    action = reverse("reflection-create")
    data = {**form_on(client, lesson.url, action), "body": "Eerst luisteren."}
    send_twice(client, action, data)
    assert Reflection.objects.filter(author=volunteer).count() == 1


def test_a_reflection_after_an_attempt_sent_twice_is_stored_once(client, cohort, learner, scenario):
    attempt = play_through(learner, scenario)
    client.force_login(learner)
    action = reverse("reflection-create")
    result = reverse("attempt-result", args=[attempt.pk])
    data = {**form_on(client, result, action), "body": "Doorvragen werkt."}
    send_twice(client, action, data)
    assert Reflection.objects.filter(author=learner, attempt=attempt).count() == 1
    messages = [str(m) for m in client.get(result).context["messages"]]
    assert messages == ["Je reflectie is opgeslagen."]


def test_a_reply_sent_twice_is_stored_once(client, cohort, learner, volunteer):
    shared = write(learner, cohort, visibility="cohort")
    client.force_login(volunteer)
    action = reverse("reflection-reply", args=[shared.pk])
    detail = reverse("reflection-detail", args=[shared.pk])
    data = {**form_on(client, detail, action), "body": "Herkenbaar!"}
    send_twice(client, action, data)
    assert ReflectionReply.objects.filter(reflection=shared, author=volunteer).count() == 1


def test_writing_again_on_a_fresh_page_stores_a_second_reflection(
    client, cohort, volunteer, lesson
):
    client.force_login(volunteer)
    action = reverse("reflection-create")
    for _ in range(2):
        client.post(action, {**form_on(client, lesson.url, action), "body": "Eerst luisteren."})
    assert Reflection.objects.filter(author=volunteer).count() == 2


def test_other_words_in_a_form_sent_again_are_kept_too(client, cohort, volunteer, lesson):
    """After the back button the browser shows the old form, key and all: new text is new."""
    client.force_login(volunteer)
    action = reverse("reflection-create")
    data = form_on(client, lesson.url, action)
    client.post(action, {**data, "body": "Eerste gedachte."})
    client.post(action, {**data, "body": "Tweede gedachte."})
    bodies = set(Reflection.objects.filter(author=volunteer).values_list("body", flat=True))
    assert bodies == {"Eerste gedachte.", "Tweede gedachte."}


@pytest.mark.parametrize("key", ["", "geen-sleutel", "x" * 10_000])
def test_a_missing_or_garbled_key_never_loses_the_text(client, cohort, volunteer, lesson, key):
    client.force_login(volunteer)
    action = reverse("reflection-create")
    data = {**form_on(client, lesson.url, action), "body": "Toch bewaard.", "submission_key": key}
    assert client.post(action, data).status_code == 302
    assert Reflection.objects.filter(author=volunteer, body="Toch bewaard.").exists()


def test_the_database_refuses_a_second_row_for_one_form(cohort, volunteer):
    """Two copies arriving at the same moment both get past any check in Python; the unique
    constraint is what keeps the second one out."""
    key = uuid4()
    Reflection.objects.create(author=volunteer, cohort=cohort, body="Een", submission_key=key)
    with pytest.raises(IntegrityError), transaction.atomic():
        Reflection.objects.create(author=volunteer, cohort=cohort, body="Een", submission_key=key)
    data = {"body": "Een", "visibility": "private", "cohort": cohort.pk, "submission_key": key}
    form = NewReflectionForm(data, user=volunteer)
    assert form.is_valid(), form.errors
    form.save()
    assert not form.created
    assert Reflection.objects.filter(author=volunteer).count() == 1
