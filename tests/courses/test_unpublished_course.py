"""A course taken offline takes its lessons with it, whatever the lessons' own status.

Wagtail routes through a draft page to its live children; a trainer who unpublishes a course
(or the whole course overview) expects none of its lessons to stay reachable by URL.
"""

import pytest
from django.urls import reverse

from tests.builders import lessons_of


@pytest.mark.parametrize("unpublish", ["course", "overview"])
def test_lessons_of_an_unpublished_course_are_not_found(client, course, cohort, learner, unpublish):
    lesson = lessons_of(course)[0]
    client.force_login(learner)
    assert client.get(lesson.url).status_code == 200

    offline = course if unpublish == "course" else course.get_parent()
    offline.unpublish()  # the lessons themselves stay live

    assert client.get(lesson.url).status_code == 404
    done = client.post(reverse("lesson-done", args=[lesson.pk]))
    assert done.status_code == 404


def test_a_trainer_still_previews_a_lesson_of_a_draft_course(client, course, trainer):
    """Preview is how a trainer checks a lesson before the course goes live."""
    lesson = lessons_of(course)[0]
    course.unpublish()
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_pages:view_draft", args=[lesson.pk]))
    assert response.status_code == 200
    assert "Eerst de relatie." in response.content.decode()


def test_a_course_under_an_unpublished_overview_is_not_found(client, course, cohort, learner):
    client.force_login(learner)
    assert client.get(course.url).status_code == 200
    course.get_parent().unpublish()
    assert client.get(course.url).status_code == 404
