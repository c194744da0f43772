"""A lesson is found by its URL in one query (courses/routing.py); access is unchanged."""

from tests.builders import build_cohort, lessons_of, text_block


def test_each_course_serves_its_own_lesson_of_the_same_slug(client, make_course, learner):
    first = make_course("Eerste cursus", lessons=[[text_block("<p>Uit de eerste.</p>")]])
    second = make_course("Tweede cursus", lessons=[[text_block("<p>Uit de tweede.</p>")]])
    build_cohort(first, participants=[learner])
    build_cohort(second, name="Tweede groep", participants=[learner])
    client.force_login(learner)
    for course, text, other in (
        (first, "Uit de eerste.", "Uit de tweede."),
        (second, "Uit de tweede.", "Uit de eerste."),
    ):
        lesson = lessons_of(course)[0]
        assert lesson.slug == "les-1"
        html = client.get(lesson.url).content.decode()
        assert text in html and other not in html


def test_an_unknown_or_unpublished_lesson_is_not_found(client, cohort, learner):
    client.force_login(learner)
    lesson = lessons_of(cohort.course)[0]
    assert client.get(f"{cohort.course.url}bestaat-niet/").status_code == 404
    lesson.unpublish()
    assert client.get(lesson.url).status_code == 404


def test_a_lesson_of_a_course_one_is_not_in_stays_hidden(client, cohort, outsider):
    client.force_login(outsider)
    assert client.get(lessons_of(cohort.course)[0].url).status_code == 404
