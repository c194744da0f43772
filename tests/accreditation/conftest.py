"""A course with two lessons and accreditation by two registers, and a group around it."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from accreditation import registers
from accreditation.fake_pe_online import UNKNOWN_PERSONS
from accreditation.models import Accreditation, RegisterNumber
from accreditation.pe_online_sending import start_sending
from courses.completion import mark_lesson_done
from courses.models import Cohort, LessonPage
from people import roles
from tests.courses.conftest import course, course_index, make_course  # noqa: F401


@pytest.fixture
def accredited(course):  # noqa: F811 — the fixture imported above
    today = timezone.localdate()
    year = datetime.timedelta(days=365)
    Accreditation.objects.create(
        course=course,
        register=registers.REGISTERPLEIN,
        accreditation_id="PE-301234",
        points=Decimal("2"),
        study_hours=Decimal("2"),
        valid_from=today - year,
        valid_until=today + year,
    )
    Accreditation.objects.create(
        course=course,
        register=registers.VVN,
        accreditation_id="PE-402345",
        points=Decimal("2.5"),
        study_hours=Decimal("2"),
        valid_from=today - year,
        valid_until=today + year,
    )
    return course


@pytest.fixture
def group(accredited, learner, volunteer, trainer):
    cohort = Cohort.objects.create(name="Leergroep Hatert", course=accredited)
    cohort.participants.add(learner, volunteer)
    cohort.trainers.add(trainer)
    return cohort


@pytest.fixture
def content_lead(make_user, organisation):
    return make_user("carla@example.nl", organisation=organisation, groups=[roles.CONTENT_LEADS])


@pytest.fixture
def stranger_trainer(make_user, other_organisation):
    return make_user("olga@example.nl", organisation=other_organisation, trainer=True)


def finish(user, course_page):
    for lesson in LessonPage.objects.child_of(course_page).live():
        mark_lesson_done(user, lesson)


def give_number(user, register=registers.REGISTERPLEIN, number="123456"):
    return RegisterNumber.objects.create(user=user, register=register, number=number)


@pytest.fixture
def fake_pe_online(settings):
    """The fake PE-online service on 127.0.0.1, configured as the provider's endpoint."""
    from tests.accreditation.fake_service import FakePeOnline

    with FakePeOnline() as fake:
        settings.PE_ONLINE_ENDPOINT = fake.url
        settings.PE_ONLINE_TIMEOUT = 5
        yield fake


# Sending to PE-online (test_pe_online_sending.py, test_pe_online_admin.py)
KEY = "zeer-geheime-sleutel-8f3a"
UNKNOWN = sorted(UNKNOWN_PERSONS)[0]  # a number the fake register does not know
DUMMY_TASKS = {"default": {"BACKEND": "django_tasks.backends.dummy.DummyBackend"}}


@pytest.fixture
def period():
    today = timezone.localdate()
    return today - datetime.timedelta(days=30), today


@pytest.fixture
def completed(learner, volunteer, group, monkeypatch):
    """Alice: a good Registerplein number and a V&VN number the register does not know;
    Vera: a Registerplein number. Both completed the course."""
    monkeypatch.setenv("PE_ONLINE_USER_ID", "7")
    monkeypatch.setenv("PE_ONLINE_ORG_ID", "19")
    monkeypatch.setenv("PE_ONLINE_USER_KEY", KEY)
    give_number(learner, registers.REGISTERPLEIN, "123456")
    give_number(learner, registers.VVN, UNKNOWN)
    give_number(volunteer, registers.REGISTERPLEIN, "654321")
    finish(learner, group.course)
    finish(volunteer, group.course)
    return group.course


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Start sending as the admin does: the task is queued when the transaction commits."""

    def start(page, period, user, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return start_sending(page, *period, user, **kwargs)

    return start
