"""Every URL that names an object refuses everyone who has no business with that object.

The URL patterns come from Django's resolver, not from a hand-kept list: a new pattern that
takes an id, slug or code and has no row in CASES makes this test fail until someone decides
who may see it.
"""

from dataclasses import dataclass, field

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.security.conftest import SECRET_NAME, SECRET_REFLECTION, SECRET_REPLY

OUR_APPS = (
    "kantelwerk",
    "scenarios",
    "courses",
    "dashboards",
    "people",
    "live",
    "accreditation",
)
OUTSIDERS = ("other_learner", "other_trainer", "other_manager", "anonymous")
REFUSED = {403, 404, 410}
SECRETS = (SECRET_NAME, SECRET_REFLECTION, SECRET_REPLY)


@dataclass(frozen=True)
class Case:
    """How to build the URL's arguments from the world, and who besides side A may pass."""

    kwargs: object
    also_allowed: frozenset = field(default_factory=frozenset)
    own_data: bool = False  # answers with the visitor's own data (e.g. their own team)


# The admin's URLs (under /admin/) have their own matrix: test_admin_matrix.py.
CASES = {
    "scenario-start": Case(lambda w: {"page_pk": w.scenario.pk}),
    "attempt-play": Case(lambda w: {"pk": w.attempt.pk}),
    "attempt-feedback": Case(lambda w: {"pk": w.attempt.pk, "step": 1}),
    "attempt-result": Case(lambda w: {"pk": w.attempt.pk}),
    "attempt-compare": Case(lambda w: {"pk": w.attempt.pk}),
    "lesson-done": Case(lambda w: {"pk": w.lesson.pk}),
    # The closing test: an attempt is its learner's alone (trainers and managers see none).
    "closing-test-start": Case(lambda w: {"lesson_pk": w.lesson.pk}),
    "closing-test-attempt": Case(lambda w: {"pk": _test_attempt(w).pk}),
    "closing-test-grant": Case(
        lambda w: {"pk": w.cohort.pk, "lesson_pk": w.lesson.pk, "user_pk": w.learner.pk}
    ),
    "cohort-detail": Case(lambda w: {"pk": w.cohort.pk}),
    "cohort-renew-invite": Case(lambda w: {"pk": w.cohort.pk}),
    # The invitation code is the secret: with a wrong one nobody gets in.
    "cohort-join": Case(lambda w: {"code": "geraden-code-123"}),
    "cohort-reflections": Case(lambda w: {"pk": w.cohort.pk}),
    "reflection-detail": Case(lambda w: {"pk": w.reflection.pk}),
    "reflection-reply": Case(lambda w: {"pk": w.reflection.pk}),
    "reflection-edit": Case(lambda w: {"pk": w.reflection.pk}),
    "reflection-delete": Case(lambda w: {"pk": w.reflection.pk}),
    "reflection-hide": Case(lambda w: {"pk": w.reflection.pk}),
    "reply-delete": Case(lambda w: {"pk": w.reply.pk}),
    "reply-hide": Case(lambda w: {"pk": w.reply.pk}),
    "cohort-debrief-index": Case(lambda w: {"pk": w.cohort.pk}),
    "cohort-debrief": Case(lambda w: {"pk": w.cohort.pk, "scenario_page_pk": w.scenario.pk}),
    "trainer-cohort": Case(lambda w: {"pk": w.cohort.pk}),
    # Exports differ by format only; the team comes from the query string (tested below).
    "team-overview-export": Case(lambda w: {"fmt": "csv"}, own_data=True),
    "team-growth-export": Case(lambda w: {"fmt": "csv"}, own_data=True),
    # Names no object: the one or two letters in the address are all the image shows.
    "initials-avatar": Case(lambda w: {"letters": "KV"}, also_allowed=frozenset(OUTSIDERS)),
    # Live sessions: only the trainer who started one controls it; outsiders see nothing.
    "live-start": Case(lambda w: {"pk": w.cohort.pk}),
    "live-control": Case(lambda w: {"pk": _live_session(w).pk}),
    "live-projector": Case(lambda w: {"pk": _live_session(w).pk}),
    "live-state": Case(lambda w: {"pk": _live_session(w).pk}),
    "live-record": Case(lambda w: {"pk": _live_session(w).pk}),
    "live-export": Case(lambda w: {"pk": _live_session(w).pk}),
    "live-export-xlsx": Case(lambda w: {"pk": _live_session(w).pk}),
    # The real code of a members-only session: outsiders may not join it.
    "live-join": Case(lambda w: {"code": _live_session(w).code}),
    "live-vote": Case(lambda w: {"code": _live_session(w).code}),
    # Accreditation: a certificate is its owner's; its group's trainers may revoke it.
    "certificate-claim": Case(lambda w: {"course_pk": w.course.pk}),
    "certificate-pdf": Case(lambda w: {"pk": _certificate(w).pk}),
    "certificate-revoke": Case(lambda w: {"pk": _certificate(w).pk}),
    # Public on purpose, with the code as the secret: a guessed code finds nothing.
    "certificate-verify": Case(lambda w: {"code": "ABCD-EFGH-JKMN"}),
    "cohort-certificates": Case(lambda w: {"pk": w.cohort.pk}),
    "cohort-attendance": Case(lambda w: {"pk": w.cohort.pk}),
    "cohort-attendance-xlsx": Case(lambda w: {"pk": w.cohort.pk}),
    # Meetings: the group's own trainers (and content leads) plan them and take attendance.
    "cohort-meetings": Case(lambda w: {"pk": w.cohort.pk}),
    "meeting-attendance": Case(lambda w: {"pk": _meeting(w).pk}),
    "meeting-delete": Case(lambda w: {"pk": _meeting(w).pk}),
}


def _live_session(world):
    from live import running
    from live.models import LiveSession

    session = LiveSession.objects.filter(cohort=world.cohort).first()
    return session or running.start_session(world.trainer, world.cohort, world.scenario)


def _test_attempt(world):
    from courses.models import ClosingTestAttempt

    attempt, _ = ClosingTestAttempt.objects.get_or_create(
        user=world.learner,
        lesson=world.lesson,
        number=1,
        defaults={
            "pass_mark": 70,
            "questions": [
                {
                    "key": "1",
                    "text": SECRET_REFLECTION,
                    "answers": [{"key": "1", "text": "Ja", "correct": True}],
                }
            ],
        },
    )
    return attempt


def _certificate(world):
    from accreditation.models import Certificate

    certificate, _ = Certificate.objects.get_or_create(
        user=world.learner,
        course=world.course,
        defaults={
            "name": SECRET_NAME,
            "course_title": world.course.title,
            "study_hours": 2,
            "completed_on": "2026-11-30",
        },
    )
    return certificate


def _meeting(world):
    from django.utils import timezone

    from accreditation.models import Meeting

    meeting = Meeting.objects.filter(cohort=world.cohort).first()
    return meeting or Meeting.objects.create(
        cohort=world.cohort, title=SECRET_NAME, starts_at=timezone.now(), duration=90
    )


def _membership_request(world):
    from people.membership import ask_to_join

    return ask_to_join(world.learner, world.team.organisation)


def object_patterns() -> dict[str, URLPattern]:
    """Return our apps' URL patterns that take an argument, by namespaced name."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                if str(pattern.pattern) == "admin/":
                    continue
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif pattern.callback.__module__.split(".")[0] in OUR_APPS:
                yield f"{namespace}{pattern.name}", pattern

    return {
        name: pattern
        for name, pattern in walk(get_resolver().url_patterns)
        if pattern.pattern.regex.groups
    }


def test_every_url_that_takes_an_object_has_a_row_in_the_matrix():
    assert set(object_patterns()) == set(CASES)


def client_for(client, world, persona):
    client.logout()
    if persona != "anonymous":
        client.force_login(getattr(world, persona))
    return client


def assert_refused(response, persona):
    if response.status_code == 302:  # to a login, or the admin's start page
        location = response["Location"].split("?")[0]
        assert location.endswith(("/account/login/", "/admin/login/", "/admin/")), location
        return
    assert response.status_code in REFUSED, (persona, response.status_code)
    assert_no_secrets(response)


def assert_no_secrets(response):
    body = response.content.decode(errors="replace")
    for secret in SECRETS:
        assert secret not in body


@pytest.mark.parametrize("name", sorted(CASES))
def test_outsiders_are_refused(client, world, name):
    case = CASES[name]
    url = reverse(name, kwargs=case.kwargs(world))
    for persona in OUTSIDERS:
        if persona in case.also_allowed:
            continue
        client = client_for(client, world, persona)
        get = client.get(url)
        if get.status_code != 405:  # POST-only views answer GET with 405: nothing revealed
            check(get, persona, case)
        data = {"body": "x", "step": 1, "choice": "vraag-door", "visibility": "cohort"}
        post = client.post(url, data)
        if post.status_code != 405:
            check(post, persona, case)
    world.reflection.refresh_from_db()
    assert world.reflection.body == SECRET_REFLECTION and not world.reflection.hidden
    world.cohort.refresh_from_db()
    assert world.cohort.participants.count() == 2
    if name.startswith("meeting-"):  # neither removed nor marked by an outsider
        meeting = _meeting(world)
        assert meeting.title == SECRET_NAME and not meeting.attendances.exists()


def check(response, persona, case):
    if case.own_data and response.status_code == 200:
        assert_no_secrets(response)
    else:
        assert_refused(response, persona)


@pytest.mark.parametrize("persona", OUTSIDERS)
def test_lessons_of_a_course_are_refused_to_outsiders(client, world, persona):
    response = client_for(client, world, persona).get(world.lesson.url)
    assert_refused(response, persona)


@pytest.mark.parametrize(
    "name",
    [
        "team-overview",
        "team-growth",
        "team-overview-export",
        "team-growth-export",
        "team-completions",
    ],
)
def test_a_manager_of_another_team_cannot_ask_for_this_team(client, world, name):
    kwargs = {"fmt": "csv"} if "export" in name else {}
    url = reverse(name, kwargs=kwargs) + f"?team={world.team.pk}"
    response = client_for(client, world, "other_manager").get(url)
    body = response.content.decode(errors="replace")
    assert response.status_code in REFUSED | {400} or SECRET_NAME not in body
    assert SECRET_NAME not in body


@pytest.mark.parametrize("persona", ["learner", "other_learner"])
def test_staff_areas_are_refused_to_learners(client, world, persona):
    client = client_for(client, world, persona)
    admin = client.get("/admin/")
    assert admin.status_code in (302, 403)
    for name in ("team-overview", "team-overview-export", "team-completions"):
        kwargs = {"fmt": "xlsx"} if "export" in name else {}
        assert client.get(reverse(name, kwargs=kwargs)).status_code in REFUSED


def test_side_a_itself_gets_in(client, world):
    """The matrix would pass vacuously if the owners were refused too."""
    client.force_login(world.learner)
    assert client.get(reverse("attempt-result", args=[world.attempt.pk])).status_code == 200
    assert client.get(reverse("reflection-detail", args=[world.reflection.pk])).status_code == 200
    assert client.get(world.lesson.url).status_code == 200
    test_attempt = reverse("closing-test-attempt", args=[_test_attempt(world).pk])
    assert client.get(test_attempt).status_code == 200
    client.force_login(world.trainer)
    assert client.get(test_attempt).status_code == 404  # the group's trainer sees no answers
    assert client.get(reverse("cohort-debrief-index", args=[world.cohort.pk])).status_code == 200
    assert client.get(reverse("attempt-result", args=[world.attempt.pk])).status_code == 200
    assert client.get(reverse("cohort-certificates", args=[world.cohort.pk])).status_code == 200
    assert client.get(reverse("cohort-attendance", args=[world.cohort.pk])).status_code == 200
    for name in ("cohort-attendance-xlsx", "cohort-meetings"):
        assert client.get(reverse(name, args=[world.cohort.pk])).status_code == 200
    attendance = reverse("meeting-attendance", args=[_meeting(world).pk])
    assert client.get(attendance).status_code == 200
    revoke = reverse("certificate-revoke", args=[_certificate(world).pk])
    assert client.get(revoke).status_code == 200
    client.force_login(world.learner)
    assert client.get(reverse("certificate-pdf", args=[_certificate(world).pk])).status_code == 200
    client.force_login(world.manager)
    assert client.get(test_attempt).status_code == 404
    assert SECRET_NAME in client.get(reverse("team-overview")).content.decode()
    assert client.get(reverse("team-completions")).status_code == 200
