from wagtail.models import Page

from courses.models import Cohort, CourseIndexPage, CoursePage, LessonPage, LessonProgress


def build_course():
    index = Page.objects.get(depth=2).add_child(
        instance=CourseIndexPage(title="Cursussen", slug="cursussen")
    )
    course = index.add_child(instance=CoursePage(title="Kanteling", slug="kanteling", summary="…"))
    lesson = course.add_child(instance=LessonPage(title="Les 1", slug="les-1"))
    return index, course, lesson


def test_a_course_with_learning_groups_cannot_be_deleted(client, admin_user, learner):
    index, course, lesson = build_course()
    cohort = Cohort.objects.create(name="Leergroep", course=course)
    cohort.participants.add(learner)
    client.force_login(admin_user)
    for page in (course, index):
        response = client.post(f"/admin/pages/{page.pk}/delete/", follow=True)
        assert "“Kanteling”" in response.content.decode()  # named in the refusal
    assert CoursePage.objects.filter(pk=course.pk).exists()


def test_a_lesson_with_progress_cannot_be_deleted(client, admin_user, learner):
    _index, _course, lesson = build_course()
    LessonProgress.objects.create(user=learner, lesson=lesson)
    client.force_login(admin_user)
    client.post(f"/admin/pages/{lesson.pk}/delete/")
    assert LessonProgress.objects.filter(lesson=lesson).exists()


def test_a_learning_group_with_participants_is_not_deleted(client, admin_user, learner):
    _index, course, _lesson = build_course()
    cohort = Cohort.objects.create(name="Leergroep", course=course)
    cohort.participants.add(learner)
    empty = Cohort.objects.create(name="Lege groep", course=course)
    client.force_login(admin_user)
    response = client.post(f"/admin/cohorts/delete/{cohort.pk}/", follow=True)
    assert response.redirect_chain[-1][0].endswith(f"/admin/cohorts/edit/{cohort.pk}/")
    assert Cohort.objects.filter(pk=cohort.pk).exists()
    client.post(f"/admin/cohorts/delete/{empty.pk}/")
    assert not Cohort.objects.filter(pk=empty.pk).exists()
