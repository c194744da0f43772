from courses.models import Cohort, CoursePage, LessonProgress
from tests.builders import build_cohort, build_course, build_course_index, lessons_of


def course_tree():
    index = build_course_index()
    course = build_course("Kanteling", slug="kanteling", summary="…", index=index)
    return index, course, lessons_of(course)[0]


def test_a_course_with_learning_groups_cannot_be_deleted(client, admin_user, learner):
    index, course, _lesson = course_tree()
    build_cohort(course, name="Leergroep", participants=[learner])
    client.force_login(admin_user)
    for page in (course, index):
        response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
        assert "“Kanteling”" in response.content.decode()  # named in the refusal
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_lesson_with_progress_cannot_be_deleted(client, admin_user, learner):
    _index, _course, lesson = course_tree()
    LessonProgress.objects.create(user=learner, lesson=lesson)
    client.force_login(admin_user)
    client.post(f"/admin/pages/{lesson.pk}/delete/")
    assert LessonProgress.objects.filter(lesson=lesson).exists()


def test_a_learning_group_with_participants_is_not_deleted(client, admin_user, learner):
    _index, course, _lesson = course_tree()
    cohort = build_cohort(course, name="Leergroep", participants=[learner])
    empty = build_cohort(course, name="Lege groep")
    client.force_login(admin_user)
    response = client.post(f"/admin/cohorts/delete/{cohort.pk}/", follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/admin/cohorts/edit/{cohort.pk}/")
    assert Cohort.objects.filter(pk=cohort.pk).exists()
    client.post(f"/admin/cohorts/delete/{empty.pk}/")
    assert not Cohort.objects.filter(pk=empty.pk).exists()
