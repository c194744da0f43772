"""Reflections in a learning group: who may read, write, reply, hide, edit and delete."""

import pytest
from django.urls import reverse

from courses.models import Reflection, ReflectionReply
from courses.reflections.hooks import reflection_panel
from courses.rendering import render_reflection
from people.models import Role
from tests.builders import play_through, write
from tests.courses import reflection_fixtures as shared

# The course (a lesson with a scenario and a reflection prompt) and its groups.
scenario = shared.scenario
course = shared.course
lesson = shared.lesson
cohort = shared.cohort
other_cohort = shared.other_cohort
PROMPT = shared.PROMPT


def shown_ids(response, attribute="data-reflection"):
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(response.content, "html.parser")
    return {int(tag[attribute]) for tag in soup.select(f"[{attribute}]")}


# Rendering -------------------------------------------------------------------------------


def test_render_makes_paragraphs_and_line_breaks():
    assert render_reflection("een\ntwee\n\ndrie") == "<p>een<br>\ntwee</p>\n<p>drie</p>"


def test_render_links_http_addresses_with_nofollow_noopener():
    html = render_reflection("Zie https://www.movisie.nl/kanteling.")
    assert '<a href="https://www.movisie.nl/kanteling" rel="nofollow noopener">' in html


def test_render_escapes_markup_and_leaves_other_schemes_as_text():
    html = render_reflection('<b>vet</b> javascript:alert(1) <a href="x">')
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert "<a" not in html


# Writing ---------------------------------------------------------------------------------


def test_it_saves_a_reflection_after_an_attempt(client, cohort, learner, scenario):
    attempt = play_through(learner, scenario)
    client.force_login(learner)
    result = reverse("attempt-result", args=[attempt.pk])
    response = client.post(
        reverse("reflection-create"),
        {
            "body": "Doorvragen werkt.",
            "visibility": "cohort",
            "cohort": cohort.pk,
            "attempt": attempt.pk,
            "next": result,
        },
    )
    assert response.status_code == 302 and response["Location"] == result
    reflection = Reflection.objects.get()
    assert (reflection.attempt, reflection.cohort, reflection.author) == (attempt, cohort, learner)
    assert reflection.body == "Doorvragen werkt."


def test_the_result_page_offers_the_box_to_the_player_in_a_cohort(
    client, cohort, learner, scenario
):
    attempt = play_through(learner, scenario)
    write(learner, cohort, attempt=attempt)
    client.force_login(learner)
    response = client.get(reverse("attempt-result", args=[attempt.pk]))
    assert b"data-reflection-panel" in response.content
    assert b'data-reply-count="0"' in response.content


def test_the_result_panel_is_empty_for_someone_elses_attempt(
    rf, cohort, learner, trainer, scenario
):
    attempt = play_through(learner, scenario)
    request = rf.get("/")
    request.user = trainer
    assert reflection_panel(request, attempt) == ""


def test_the_result_panel_is_empty_without_a_cohort_using_the_scenario(rf, learner, scenario):
    attempt = play_through(learner, scenario)
    request = rf.get("/")
    request.user = learner
    assert reflection_panel(request, attempt) == ""


def test_it_saves_a_reflection_at_a_lesson_prompt(client, cohort, volunteer, lesson):
    client.force_login(volunteer)
    response = client.post(
        reverse("reflection-create"),
        {
            "body": "Eigen kracht eerst.",
            "visibility": "private",
            "cohort": cohort.pk,
            "lesson": lesson.pk,
            "prompt": PROMPT,
        },
    )
    assert response.status_code == 302
    reflection = Reflection.objects.get()
    assert (reflection.lesson_id, reflection.prompt) == (lesson.pk, PROMPT)


def test_a_prompt_the_lesson_does_not_ask_is_not_stored(client, cohort, volunteer, lesson):
    client.force_login(volunteer)
    client.post(
        reverse("reflection-create"),
        {
            "body": "x",
            "visibility": "private",
            "cohort": cohort.pk,
            "lesson": lesson.pk,
            "prompt": "<script>alert(1)</script>",
        },
    )
    assert Reflection.objects.get().prompt == ""


def test_nobody_writes_in_a_cohort_they_do_not_participate_in(client, cohort, outsider, trainer):
    for user in (outsider, trainer):
        client.force_login(user)
        response = client.post(
            reverse("reflection-create"),
            {"body": "x", "visibility": "cohort", "cohort": cohort.pk},
        )
        assert response.status_code == 200  # the form again, with an error
    assert not Reflection.objects.exists()


def test_nobody_attaches_someone_elses_attempt(client, cohort, learner, volunteer, scenario):
    attempt = play_through(learner, scenario)
    client.force_login(volunteer)
    client.post(
        reverse("reflection-create"),
        {"body": "x", "visibility": "cohort", "cohort": cohort.pk, "attempt": attempt.pk},
    )
    assert not Reflection.objects.exists()


def test_an_empty_reflection_is_refused(client, cohort, learner):
    client.force_login(learner)
    response = client.post(
        reverse("reflection-create"), {"body": "  ", "visibility": "cohort", "cohort": cohort.pk}
    )
    assert response.status_code == 200 and not Reflection.objects.exists()


def test_the_next_address_must_be_on_this_site(client, cohort, learner):
    client.force_login(learner)
    response = client.post(
        reverse("reflection-create"),
        {"body": "x", "visibility": "cohort", "cohort": cohort.pk, "next": "https://evil.example"},
    )
    assert response["Location"] == reverse("reflection-detail", args=[Reflection.objects.get().pk])


# Visibility ------------------------------------------------------------------------------


@pytest.fixture
def mixed(cohort, learner, volunteer):
    """Alice shares one and keeps one private; Vera keeps one private."""
    return {
        "shared": write(learner, cohort, visibility="cohort"),
        "alice_private": write(learner, cohort, visibility="private"),
        "vera_private": write(volunteer, cohort, visibility="private"),
    }


def test_a_participant_sees_own_and_shared_reflections(client, mixed, volunteer, cohort):
    client.force_login(volunteer)
    response = client.get(reverse("cohort-reflections", args=[cohort.pk]))
    assert shown_ids(response) == {mixed["shared"].pk, mixed["vera_private"].pk}


def test_a_trainer_sees_every_reflection_of_the_cohort(client, mixed, trainer, cohort):
    client.force_login(trainer)
    response = client.get(reverse("cohort-reflections", args=[cohort.pk]))
    assert shown_ids(response) == {r.pk for r in mixed.values()}


def test_someone_elses_private_reflection_is_404(client, mixed, volunteer):
    client.force_login(volunteer)
    response = client.get(reverse("reflection-detail", args=[mixed["alice_private"].pk]))
    assert response.status_code == 404


def test_the_trainer_reads_a_private_reflection(client, mixed, trainer):
    client.force_login(trainer)
    response = client.get(reverse("reflection-detail", args=[mixed["alice_private"].pk]))
    assert response.status_code == 200


def test_reflections_are_newest_first_and_paginated_by_20(client, cohort, learner):
    for number in range(25):
        write(learner, cohort, body=f"nummer {number}")
    client.force_login(learner)
    first = client.get(reverse("cohort-reflections", args=[cohort.pk]))
    second = client.get(reverse("cohort-reflections", args=[cohort.pk]), {"page": 2})
    assert len(shown_ids(first)) == 20 and len(shown_ids(second)) == 5
    newest = Reflection.objects.order_by("-created_at", "-pk").first()
    assert newest.pk in shown_ids(first)


def test_the_reflections_page_uses_a_fixed_number_of_queries(
    client, cohort, learner, volunteer, django_assert_max_num_queries
):
    for _ in range(20):
        reflection = write(learner, cohort)
        ReflectionReply.objects.create(reflection=reflection, author=volunteer, body="Mooi")
    client.force_login(volunteer)
    with django_assert_max_num_queries(12):
        client.get(reverse("cohort-reflections", args=[cohort.pk]))


# Outsiders -------------------------------------------------------------------------------


def test_an_outsider_gets_404_on_every_reflection_url(
    client, mixed, other_cohort, outsider, cohort
):
    shared = mixed["shared"]
    reply = ReflectionReply.objects.create(reflection=shared, author=shared.author, body="x")
    client.force_login(outsider)
    gets = [
        reverse("cohort-reflections", args=[cohort.pk]),
        reverse("reflection-detail", args=[shared.pk]),
        reverse("reflection-edit", args=[shared.pk]),
        reverse("reflection-delete", args=[shared.pk]),
        reverse("reply-delete", args=[reply.pk]),
    ]
    posts = gets[1:] + [
        reverse("reflection-reply", args=[shared.pk]),
        reverse("reflection-hide", args=[shared.pk]),
        reverse("reply-hide", args=[reply.pk]),
    ]
    for url in gets:
        assert client.get(url).status_code == 404, url
    for url in posts:
        assert client.post(url, {"body": "x", "hidden": "1"}).status_code == 404, url
    shared.refresh_from_db()
    assert (shared.body, shared.hidden) == ("Ik luister beter.", False)
    assert ReflectionReply.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_log_in(client, mixed, cohort):
    response = client.get(reverse("cohort-reflections", args=[cohort.pk]))
    assert response.status_code == 302 and "login" in response["Location"]


# Replies ---------------------------------------------------------------------------------


def test_a_member_replies_to_a_shared_reflection(client, mixed, volunteer):
    client.force_login(volunteer)
    response = client.post(
        reverse("reflection-reply", args=[mixed["shared"].pk]), {"body": "Herkenbaar!"}
    )
    assert response.status_code == 302
    assert mixed["shared"].replies.get().author == volunteer


def test_the_author_sees_who_replied_with_name_role_and_count(client, mixed, learner, volunteer):
    ReflectionReply.objects.create(reflection=mixed["shared"], author=volunteer, body="Ja")
    client.force_login(learner)
    response = client.get(reverse("reflection-detail", args=[mixed["shared"].pk]))
    assert b'data-reply-count="1"' in response.content
    assert "Vera" in response.content.decode()
    assert str(Role.VOLUNTEER.label) in response.content.decode()


def test_a_trainer_replies_to_a_private_reflection(client, mixed, trainer):
    client.force_login(trainer)
    client.post(reverse("reflection-reply", args=[mixed["alice_private"].pk]), {"body": "Goed"})
    assert mixed["alice_private"].replies.get().author == trainer


def test_the_author_answers_the_trainer_on_a_private_reflection(client, mixed, learner):
    client.force_login(learner)
    client.post(reverse("reflection-reply", args=[mixed["alice_private"].pk]), {"body": "Dank"})
    assert mixed["alice_private"].replies.count() == 1


def test_nobody_but_the_trainer_replies_to_a_hidden_reflection(client, mixed, volunteer):
    Reflection.objects.filter(pk=mixed["shared"].pk).update(hidden=True)
    client.force_login(volunteer)
    response = client.post(reverse("reflection-reply", args=[mixed["shared"].pk]), {"body": "x"})
    assert response.status_code == 403
    assert not ReflectionReply.objects.exists()


def test_an_empty_reply_is_refused(client, mixed, volunteer):
    client.force_login(volunteer)
    response = client.post(reverse("reflection-reply", args=[mixed["shared"].pk]), {"body": ""})
    assert response.status_code == 200 and not ReflectionReply.objects.exists()


def test_the_reply_author_deletes_their_reply_after_confirming(client, mixed, volunteer, learner):
    reply = ReflectionReply.objects.create(reflection=mixed["shared"], author=volunteer, body="x")
    client.force_login(learner)
    assert client.post(reverse("reply-delete", args=[reply.pk])).status_code == 404
    client.force_login(volunteer)
    assert b"data-confirm-delete" in client.get(reverse("reply-delete", args=[reply.pk])).content
    assert client.post(reverse("reply-delete", args=[reply.pk])).status_code == 302
    assert not ReflectionReply.objects.exists()


# Edit and delete -------------------------------------------------------------------------


def test_the_author_edits_their_reflection(client, mixed, learner):
    shared = mixed["shared"]
    client.force_login(learner)
    assert client.get(reverse("reflection-edit", args=[shared.pk])).status_code == 200
    client.post(
        reverse("reflection-edit", args=[shared.pk]), {"body": "Nieuw", "visibility": "private"}
    )
    shared.refresh_from_db()
    assert (shared.body, shared.visibility) == ("Nieuw", "private")


@pytest.mark.parametrize("who", ["volunteer", "trainer"])
def test_only_the_author_edits_or_deletes(client, mixed, who, request):
    shared = mixed["shared"]
    client.force_login(request.getfixturevalue(who))
    for name in ("reflection-edit", "reflection-delete"):
        assert client.get(reverse(name, args=[shared.pk])).status_code == 404
        assert client.post(reverse(name, args=[shared.pk]), {"body": "x"}).status_code == 404
    shared.refresh_from_db()
    assert shared.body == "Ik luister beter."


def test_delete_asks_for_confirmation_on_a_page_first(client, mixed, learner, cohort):
    shared = mixed["shared"]
    client.force_login(learner)
    response = client.get(reverse("reflection-delete", args=[shared.pk]))
    assert b"data-confirm-delete" in response.content
    assert Reflection.objects.filter(pk=shared.pk).exists()
    response = client.post(reverse("reflection-delete", args=[shared.pk]))
    assert response["Location"] == reverse("cohort-reflections", args=[cohort.pk])
    assert not Reflection.objects.filter(pk=shared.pk).exists()


# Hiding ----------------------------------------------------------------------------------


def test_the_trainer_hides_and_unhides_a_reflection(client, mixed, trainer):
    shared = mixed["shared"]
    client.force_login(trainer)
    client.post(reverse("reflection-hide", args=[shared.pk]), {"hidden": "1"})
    shared.refresh_from_db()
    assert shared.hidden
    client.post(reverse("reflection-hide", args=[shared.pk]), {"hidden": "0"})
    shared.refresh_from_db()
    assert not shared.hidden


@pytest.mark.parametrize("who", ["learner", "volunteer"])
def test_participants_cannot_hide(client, mixed, who, volunteer, request):
    shared = mixed["shared"]
    reply = ReflectionReply.objects.create(reflection=shared, author=volunteer, body="x")
    client.force_login(request.getfixturevalue(who))
    hide = reverse("reflection-hide", args=[shared.pk])
    assert client.post(hide, {"hidden": "1"}).status_code == 404
    assert client.post(reverse("reply-hide", args=[reply.pk]), {"hidden": "1"}).status_code == 404
    shared.refresh_from_db()
    reply.refresh_from_db()
    assert not shared.hidden and not reply.hidden


def test_a_hidden_reflection_shows_a_note_to_others_and_the_text_to_its_author(
    client, mixed, learner, volunteer, cohort
):
    shared = mixed["shared"]
    Reflection.objects.filter(pk=shared.pk).update(hidden=True, body="geheimpje")
    client.force_login(volunteer)
    response = client.get(reverse("cohort-reflections", args=[cohort.pk]))
    assert shared.pk in shown_ids(response)
    assert b"geheimpje" not in response.content and b"hidden-note" in response.content
    client.force_login(learner)
    assert b"geheimpje" in client.get(reverse("reflection-detail", args=[shared.pk])).content


def test_a_hidden_reply_shows_a_note_to_others_and_the_text_to_trainer_and_author(
    client, mixed, learner, volunteer, trainer
):
    shared = mixed["shared"]
    reply = ReflectionReply.objects.create(reflection=shared, author=volunteer, body="geheimpje")
    client.force_login(trainer)
    client.post(reverse("reply-hide", args=[reply.pk]), {"hidden": "1"})
    url = reverse("reflection-detail", args=[shared.pk])
    assert b"geheimpje" in client.get(url).content
    client.force_login(learner)
    response = client.get(url)
    assert reply.pk in shown_ids(response, "data-reply") and b"geheimpje" not in response.content
    client.force_login(volunteer)
    assert b"geheimpje" in client.get(url).content


# The form at a lesson's prompt -----------------------------------------------------------


def render_prompt(client, user, lesson) -> str:
    """The reflection prompt as the lesson page shows it to ``user``."""
    client.force_login(user)
    response = client.get(lesson.url)
    assert response.status_code == 200
    html = response.content.decode()
    return html[html.index("data-reflection-prompt") :]


def test_the_prompt_offers_a_form_to_a_participant(client, cohort, lesson, volunteer):
    html = render_prompt(client, volunteer, lesson)
    assert f'name="lesson" value="{lesson.pk}"' in html
    assert f'name="cohort" value="{cohort.pk}"' in html
    assert reverse("reflection-create") in html


def test_the_prompt_offers_no_form_to_a_trainer(client, cohort, lesson, trainer):
    html = render_prompt(client, trainer, lesson)
    assert reverse("reflection-create") not in html
    assert reverse("cohort-reflections", args=[cohort.pk]) in html


def test_the_prompt_offers_no_form_without_a_cohort(client, course, lesson, outsider):
    course.open_to_all = True
    course.save_revision().publish()
    html = render_prompt(client, outsider, lesson)
    assert "data-reflection-prompt" in html and reverse("reflection-create") not in html


def _panel_form(response):
    from bs4 import BeautifulSoup

    form = BeautifulSoup(response.content, "html.parser").select_one("[data-reflection-panel] form")
    fields = {tag["name"]: tag.get("value", "") for tag in form.select("input[type=hidden]")}
    return form, fields


@pytest.mark.parametrize("groups", [1, 2])
def test_the_result_panels_form_is_sent_as_written_and_stored(
    client, cohort, learner, scenario, course, groups
):
    """The panel's form is written out in the template: what it sends is what the form
    behind it takes, with one group chosen for the learner or a choice between two."""
    from tests.builders import build_cohort

    second = build_cohort(course, name="Leergroep Lent", participants=[learner])
    if groups == 1:
        second.participants.remove(learner)
    attempt = play_through(learner, scenario)
    client.force_login(learner)
    result = reverse("attempt-result", args=[attempt.pk])
    form, fields = _panel_form(client.get(result))
    labels = [label.get_text(" ", strip=True) for label in form.select("label")]
    assert labels[:3] == ["Jouw reflectie", "Alleen ik en de trainers", "Mijn leergroep"]
    assert form.select_one("input[name=visibility][checked]")["value"] == "private"
    options = [option["value"] for option in form.select("select[name=cohort] option")]
    if groups == 1:
        assert fields["cohort"] == str(cohort.pk) and options == []
        chosen = cohort
    else:
        assert "cohort" not in fields
        assert sorted(options) == sorted([str(cohort.pk), str(second.pk)])
        assert labels[-1] == "Leergroep"
        chosen = second
    data = {**fields, "body": "Eerst luisteren.", "visibility": "cohort", "cohort": chosen.pk}
    response = client.post(form["action"], data)
    assert response.status_code == 302 and response["Location"] == result + "#reflection-box"
    reflection = Reflection.objects.get()
    assert (reflection.attempt, reflection.cohort, reflection.body) == (
        attempt,
        chosen,
        "Eerst luisteren.",
    )
    assert client.post(form["action"], data).status_code == 302  # the same form sent twice
    assert Reflection.objects.count() == 1
