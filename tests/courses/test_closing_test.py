"""The closing test a learner takes at the end of a course: attempts, results, completion."""

import pytest
from django.urls import reverse

from courses.closing_test.attempts import questions_of
from courses.completion import ClosingTestNotPassed, mark_lesson_done
from courses.models import ClosingTestAttempt, ExtraTestAttempt, LessonProgress
from courses.progress import course_progress
from tests.builders import build_cohort, closing_test_block, lessons_of, text_block


@pytest.fixture
def course(make_course):
    return make_course(lessons=[[text_block()], [text_block(), closing_test_block()]])


@pytest.fixture
def test_lesson(course):
    return lessons_of(course)[1]


@pytest.fixture
def cohort(course, learner, volunteer, trainer):
    return build_cohort(course, participants=[learner, volunteer], trainers=[trainer])


def start(client, lesson):
    response = client.post(reverse("closing-test-start", args=[lesson.pk]))
    assert response.status_code == 302, response
    return ClosingTestAttempt.objects.get(pk=response["Location"].rstrip("/").split("/")[-1])


def answers(attempt, right=True) -> dict:
    """The form a learner sends: every answer right, or every one wrong."""
    data = {}
    for question in questions_of(attempt):
        keys = [a.key for a in question.answers if a.correct == right]
        data[f"q-{question.key}"] = keys if question.multiple or not keys else keys[:1]
    return data


def hand_in(client, attempt, right=True):
    return client.post(reverse("closing-test-attempt", args=[attempt.pk]), answers(attempt, right))


def test_the_lesson_shows_the_test_and_says_it_is_not_the_conversation_practice(
    client, learner, cohort, test_lesson
):
    client.force_login(learner)
    page = client.get(test_lesson.url).content.decode()
    assert "Afsluitende toets" in page
    assert "Dit is niet de gespreksoefening" in page
    assert "Begin de toets" in page
    assert "Markeer deze les als klaar" not in page
    assert "als je de toets hebt gehaald" in page


def test_an_attempt_keeps_its_drawn_questions_on_reload(client, learner, cohort, test_lesson):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    url = reverse("closing-test-attempt", args=[attempt.pk])
    first, again = client.get(url).content.decode(), client.get(url).content.decode()
    assert first == again or _question_order(first) == _question_order(again)
    assert _question_order(first) == [q.key for q in questions_of(attempt)]
    assert "Vraag 1 van 4" in first and "Kies alle antwoorden die kloppen" in first


def _question_order(html: str) -> list[str]:
    import re

    return re.findall(r'data-question="([^"]+)"', html)


def test_starting_twice_gives_the_same_open_attempt(client, learner, cohort, test_lesson):
    client.force_login(learner)
    assert start(client, test_lesson).pk == start(client, test_lesson).pk
    assert ClosingTestAttempt.objects.count() == 1


def test_passing_makes_the_lesson_done(client, learner, cohort, test_lesson):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    response = hand_in(client, attempt)
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.passed and attempt.correct == 4
    assert LessonProgress.objects.filter(user=learner, lesson=test_lesson).exists()
    page = client.get(response["Location"]).content.decode()
    assert "Je hebt de toets gehaald: 4 van de 4 goed." in page
    # The way on: to the course page's certificate, where a finished course is claimed.
    assert f'href="{cohort.course.url}#certificate-heading"' in page
    lesson_page = client.get(test_lesson.url).content.decode()
    assert "Je hebt de toets gehaald" in lesson_page and "Je hebt deze les afgerond" in lesson_page


def test_a_failed_attempt_shows_the_learners_own_answers_and_the_attempts_left(
    client, learner, cohort, test_lesson
):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    page = client.get(hand_in(client, attempt, right=False)["Location"]).content.decode()
    assert "Niet gehaald: 0 van de 4 goed, en je had er 3 nodig." in page
    assert page.count('data-right="false"') == 4
    assert "De gemeente" in page  # what the learner answered
    assert "De inwoner zelf" not in page  # the right answer is not given away
    assert "Je hebt nog 1 poging." in page
    assert not LessonProgress.objects.filter(user=learner, lesson=test_lesson).exists()


def test_no_more_attempts_once_they_are_used_up(client, learner, cohort, test_lesson):
    client.force_login(learner)
    for _ in range(2):
        hand_in(client, start(client, test_lesson), right=False)
    response = client.post(reverse("closing-test-start", args=[test_lesson.pk]), follow=True)
    page = response.content.decode()
    assert "Je hebt al je pogingen voor deze toets gebruikt." in page
    assert "Je trainer kan je nog een poging geven." in page
    assert ClosingTestAttempt.objects.count() == 2


def test_a_double_submit_keeps_the_first_answers_and_says_so(client, learner, cohort, test_lesson):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    hand_in(client, attempt, right=True)
    response = hand_in(client, attempt, right=False)
    attempt.refresh_from_db()
    assert attempt.passed
    page = client.get(response["Location"]).content.decode()
    assert "Deze poging had je al ingeleverd" in page


def test_a_stale_tab_of_an_old_attempt_does_not_change_it(client, learner, cohort, test_lesson):
    client.force_login(learner)
    old = start(client, test_lesson)
    hand_in(client, old, right=False)
    new = start(client, test_lesson)
    response = client.post(
        reverse("closing-test-attempt", args=[old.pk]), answers(old, right=True), follow=True
    )
    assert "Deze poging had je al ingeleverd" in response.content.decode()
    old.refresh_from_db()
    new.refresh_from_db()
    assert not old.passed and not new.submitted


def test_tampered_question_ids_get_a_clear_message_and_keep_the_answers(
    client, learner, cohort, test_lesson
):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    data = answers(attempt)
    first = questions_of(attempt)[0]
    data[f"q-{first.key}"] = [*data[f"q-{first.key}"], "999"]
    data["q-12345"] = ["1"]
    response = client.post(reverse("closing-test-attempt", args=[attempt.pk]), data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "hoort niet bij deze poging" in page
    attempt.refresh_from_db()
    assert not attempt.submitted
    kept = [a.key for a in first.answers if a.correct][0]
    assert f'name="q-{first.key}" value="{kept}" checked' in page


def test_an_unanswered_question_is_pointed_out_and_nothing_is_lost(
    client, learner, cohort, test_lesson
):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    data = answers(attempt)
    missing = questions_of(attempt)[-1].key
    del data[f"q-{missing}"]
    response = client.post(reverse("closing-test-attempt", args=[attempt.pk]), data)
    page = response.content.decode()
    assert "Beantwoord elke vraag voordat je inlevert." in page
    assert "Deze vraag heeft nog geen antwoord." in page
    assert page.count(" checked") >= 3
    attempt.refresh_from_db()
    assert not attempt.submitted


@pytest.mark.parametrize("who", ["volunteer", "trainer", "manager", "outsider"])
def test_another_persons_attempt_is_not_found(client, request, learner, cohort, test_lesson, who):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    hand_in(client, attempt)
    client.force_login(request.getfixturevalue(who))
    url = reverse("closing-test-attempt", args=[attempt.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, answers(attempt)).status_code == 404


def test_an_outsider_cannot_start_the_test(client, outsider, cohort, test_lesson):
    client.force_login(outsider)
    assert client.post(reverse("closing-test-start", args=[test_lesson.pk])).status_code == 404
    assert not ClosingTestAttempt.objects.exists()


def test_marking_a_test_lesson_done_is_refused_until_the_test_is_passed(
    client, learner, cohort, test_lesson
):
    client.force_login(learner)
    response = client.post(reverse("lesson-done", args=[test_lesson.pk]), follow=True)
    assert "Deze les is klaar als je de toets hebt gehaald." in response.content.decode()
    assert not LessonProgress.objects.filter(lesson=test_lesson).exists()
    with pytest.raises(ClosingTestNotPassed):
        mark_lesson_done(learner, test_lesson)


def test_the_page_is_in_dutch_only(client, learner, cohort, test_lesson):
    client.force_login(learner)
    attempt = start(client, test_lesson)
    page = client.get(reverse("closing-test-attempt", args=[attempt.pk])).content.decode()
    for english in ("Closing test", "Hand in", "Question 1", "Choose one", "conversation practice"):
        assert english not in page


def test_course_progress_counts_the_test_lesson_only_once_passed(
    client, learner, cohort, course, test_lesson
):
    mark_lesson_done(learner, lessons_of(course)[0])
    assert course_progress(learner, [course])[course.pk].done == 1
    client.force_login(learner)
    hand_in(client, start(client, test_lesson))
    assert course_progress(learner, [course])[course.pk].done == 2


def test_each_learner_sees_their_own_test_state_on_the_same_lesson(
    client, learner, volunteer, cohort, test_lesson
):
    """The lesson body is partly cached per revision; the test block never is."""
    client.force_login(volunteer)
    assert "Begin de toets" in client.get(test_lesson.url).content.decode()
    client.force_login(learner)
    hand_in(client, start(client, test_lesson))
    assert "Je hebt de toets gehaald" in client.get(test_lesson.url).content.decode()
    client.force_login(volunteer)
    page = client.get(test_lesson.url).content.decode()
    assert "Begin de toets" in page and "Je hebt de toets gehaald" not in page


def test_the_avg_export_holds_the_test_answers_and_deletion_erases_them(
    client, learner, cohort, test_lesson
):
    import json

    from tests.conftest import PASSWORD

    client.force_login(learner)
    attempt = start(client, test_lesson)
    hand_in(client, attempt, right=False)
    data = json.loads(client.get(reverse("my-data-export")).content)
    [exported] = data["closing_tests"]
    assert exported["lesson"] == test_lesson.title and exported["passed"] is False
    assert exported["answers"] == json.loads(json.dumps(ClosingTestAttempt.objects.get().answers))
    assert "De gemeente" in json.dumps(exported["questions"])

    client.post(reverse("account-delete"), {"password": PASSWORD, "confirm": "on"})
    assert not ClosingTestAttempt.objects.filter(user=learner).exists()


def test_the_groups_trainer_sees_pass_or_fail_only_and_can_give_one_more_attempt(
    client, learner, volunteer, trainer, cohort, test_lesson
):
    client.force_login(learner)
    hand_in(client, start(client, test_lesson), right=True)
    client.force_login(volunteer)
    for _ in range(2):
        hand_in(client, start(client, test_lesson), right=False)

    client.force_login(trainer)
    page = client.get(reverse("trainer-cohort", args=[cohort.pk])).content.decode()
    assert f'data-member="{learner.pk}" data-test-status="passed"' in page
    assert f'data-member="{volunteer.pk}" data-test-status="used-up"' in page
    assert "van de 4 goed" not in page and "De gemeente" not in page  # no numbers, no answers
    grant = reverse("closing-test-grant", args=[cohort.pk, test_lesson.pk, volunteer.pk])
    assert client.post(grant).status_code == 302
    again = client.post(grant, follow=True).content.decode()  # a double click
    assert "kan de toets nog maken" in again
    assert ExtraTestAttempt.objects.filter(user=volunteer).count() == 1

    client.force_login(volunteer)
    third = start(client, test_lesson)
    assert third.number == 3
    hand_in(client, third, right=True)
    assert LessonProgress.objects.filter(user=volunteer, lesson=test_lesson).exists()


@pytest.mark.parametrize("who", ["learner", "outsider", "manager"])
def test_only_the_groups_trainer_may_give_an_extra_attempt(
    client, request, volunteer, cohort, test_lesson, who
):
    client.force_login(request.getfixturevalue(who))
    grant = reverse("closing-test-grant", args=[cohort.pk, test_lesson.pk, volunteer.pk])
    assert client.post(grant).status_code == 404
    assert not ExtraTestAttempt.objects.exists()


def test_the_manager_sees_the_lesson_done_but_never_test_answers_or_scores(
    client, learner, manager, cohort, test_lesson
):
    client.force_login(learner)
    hand_in(client, start(client, test_lesson), right=False)
    hand_in(client, start(client, test_lesson), right=True)
    client.force_login(manager)
    for name in ("team-overview",):
        page = client.get(reverse(name)).content.decode()
        assert "De gemeente" not in page and "De inwoner zelf" not in page
        assert "toets" not in page.lower()
    export = client.get(reverse("team-overview-export", args=["csv"])).content.decode()
    assert "toets" not in export.lower() and "De gemeente" not in export


def test_a_question_without_a_right_answer_is_refused_in_the_editor():
    from django.core.exceptions import ValidationError

    from courses.blocks import ClosingTestBlock

    block = ClosingTestBlock()
    _kind, value = closing_test_block([("Vraag?", [("Ja", False), ("Nee", False)])])
    with pytest.raises(ValidationError):
        block.clean(block.to_python(value))
    _kind, good = closing_test_block()
    assert block.clean(block.to_python(good))["pass_mark"] == 75


def test_the_editor_opens_a_lesson_with_a_closing_test(client, admin_user, test_lesson):
    client.force_login(admin_user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[test_lesson.pk]))
    assert response.status_code == 200
    assert "closing_test" in response.content.decode()
