"""The demo: Registerplein and V&VN accreditation on the demo course, Jeroen's V&VN number.

Jeroen (professional) then gets a certificate with points, Fatima (volunteer) one without.
"""

import pytest
from django.urls import reverse

from accreditation.demo import load_accreditation_demo
from accreditation.models import Accreditation, Certificate, RegisterNumber
from demo.accounts import load_people
from tests.accreditation.conftest import finish


@pytest.fixture
def demo(course):
    load_people()
    load_accreditation_demo(course)
    return course


def test_the_demo_course_is_accredited_by_registerplein_and_vvn(demo):
    assert set(Accreditation.objects.filter(course=demo).values_list("register", flat=True)) == {
        "registerplein",
        "vvn",
    }
    assert RegisterNumber.objects.get(user__email="jeroen@demo.kantelwerk.nl").register == "vvn"


def test_loading_twice_changes_nothing(demo):
    before = list(Accreditation.objects.values_list("pk", "points", "valid_until"))
    load_accreditation_demo(demo)
    assert list(Accreditation.objects.values_list("pk", "points", "valid_until")) == before
    assert RegisterNumber.objects.count() == 1


def test_jeroen_gets_points_and_fatima_a_certificate_without(client, demo):
    from django.contrib.auth import get_user_model

    demo.open_to_all = True
    demo.save_revision().publish()
    users = get_user_model().objects
    for email in ("jeroen@demo.kantelwerk.nl", "fatima@demo.kantelwerk.nl"):
        person = users.get(email=email)
        finish(person, demo)
        client.force_login(person)
        assert client.post(reverse("certificate-claim", args=[demo.pk])).status_code == 302
    jeroen = Certificate.objects.get(user__email="jeroen@demo.kantelwerk.nl")
    fatima = Certificate.objects.get(user__email="fatima@demo.kantelwerk.nl")
    assert [(p["register_name"], p["accreditation_id"]) for p in jeroen.points] == [
        ("V&VN Kwaliteitsregister", "PE-DEMO-402")
    ]
    assert fatima.points == []


def test_the_hatert_group_has_a_past_meeting_with_attendance_and_one_ahead(course, trainer, group):
    from django.utils import timezone

    from accreditation.demo import load_meetings_demo

    past, ahead = load_meetings_demo(group, trainer)
    load_meetings_demo(group, trainer)  # twice changes nothing
    assert group.meetings.count() == 2
    assert past.starts_at < timezone.now() < ahead.starts_at
    assert past.attendances.count() == group.participants.count() - 1
    assert not ahead.attendances.exists()


def test_in_the_loaded_demo_jeroen_and_fatima_finish_with_the_closing_test(client, db):
    """The story as the demo tells it: the last lessons, then the test, then the certificate."""
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from courses.models import CoursePage, LessonPage, LessonProgress
    from tests.courses.test_closing_test import hand_in, start

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    course = CoursePage.objects.get(slug="de-kanteling-in-de-praktijk")
    *lessons, test_lesson = LessonPage.objects.child_of(course).live().order_by("path")
    for email in ("jeroen@demo.kantelwerk.nl", "fatima@demo.kantelwerk.nl"):
        person = get_user_model().objects.get(email=email)
        client.force_login(person)
        claim = reverse("certificate-claim", args=[course.pk])
        for lesson in lessons:
            if not LessonProgress.objects.filter(user=person, lesson=lesson).exists():
                client.post(reverse("lesson-done", args=[lesson.pk]))
        client.post(claim)
        assert not Certificate.objects.filter(user=person).exists()  # the test is still open
        attempt = start(client, test_lesson)
        assert len(attempt.questions) == 6
        hand_in(client, attempt, right=True)
        assert client.post(claim).status_code == 302
    jeroen = Certificate.objects.get(user__email="jeroen@demo.kantelwerk.nl")
    fatima = Certificate.objects.get(user__email="fatima@demo.kantelwerk.nl")
    assert [p["accreditation_id"] for p in jeroen.points] == ["PE-DEMO-402"]
    assert fatima.points == []
