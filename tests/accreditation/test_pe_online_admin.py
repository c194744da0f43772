"""The content lead's PE-online pages: what will be sent and who is left out and why, the
send button (a double click sends once), each batch's status and its rejected rows with
PE-online's own message; the key never on a page; nobody else may use them."""

import datetime
from decimal import Decimal

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from accreditation import registers
from accreditation.models import Accreditation, PeOnlineBatch, PeOnlineRow
from courses.completion import mark_lesson_done
from courses.models import LessonPage
from people import roles
from tests.accreditation.conftest import DUMMY_TASKS, KEY, UNKNOWN, give_number

SEND = reverse("pe_online:send")
BATCHES = reverse("pe_online:batches")


def _form(course, period):
    since, until = period
    return {"course": course.pk, "since": since.isoformat(), "until": until.isoformat()}


@pytest.fixture
def lead(client, content_lead):
    client.force_login(content_lead)
    return client


@pytest.fixture
def post(django_capture_on_commit_callbacks):
    """Post the send form; the request's on-commit work (queueing the task) runs after it,
    as on a real server."""

    def send(client, course, period, last_batch=0, **extra):
        with django_capture_on_commit_callbacks(execute=True):
            data = {**_form(course, period), "last_batch": last_batch, **extra}
            return client.post(SEND, data)

    return send


def test_the_preview_says_what_goes_and_who_is_left_out_and_why(
    lead, completed, period, learner, volunteer, make_user, organisation, group
):
    # Vera has no V&VN number; Alice's expired NIP accreditation; Ruud's number is no number;
    # Noor started but has not finished.
    today = timezone.localdate()
    Accreditation.objects.create(
        course=completed,
        register=registers.NIP,
        accreditation_id="NIP-77",
        points=Decimal("2"),
        study_hours=Decimal("2"),
        valid_from=today - datetime.timedelta(days=400),
        valid_until=today - datetime.timedelta(days=200),
    )
    give_number(learner, registers.NIP, "445566")
    ruud = make_user("ruud@example.nl", organisation=organisation, name="Ruud")
    give_number(ruud, registers.REGISTERPLEIN, "12-ab")
    noor = make_user("noor@example.nl", organisation=organisation, name="Noor")
    group.participants.add(ruud, noor)
    lessons = list(LessonPage.objects.child_of(completed).live())
    for lesson in lessons:
        mark_lesson_done(ruud, lesson)
    mark_lesson_done(noor, lessons[0])

    page = lead.get(SEND, _form(completed, period)).content.decode()
    assert "Te versturen: 3 regels" in page
    assert UNKNOWN in page and "123456" in page and "654321" in page
    assert "Vera" in page and "geen registratienummer" in page
    assert "afgerond buiten de accreditatieperiode" in page
    assert "het registratienummer is niet geldig voor dit register" in page
    assert "1 deelnemer is begonnen maar heeft de cursus nog niet afgerond" in page
    assert "Noor" in page
    assert "Versturen" in page


def test_sending_shows_each_batch_and_the_rejected_row_explained(
    post, lead, fake_pe_online, completed, period
):
    response = post(lead, completed, period)
    assert response.status_code == 302
    page = lead.get(response["Location"]).content.decode()
    # The test runs the task after the response, as a worker would (development runs it
    # inside the request: see the next test).
    assert "3 regels staan klaar om naar PE-online te gaan" in page
    assert "Beantwoord" in page
    assert "1 regel is eerder door PE-online geaccepteerd" not in page  # two were accepted
    assert "2 regels zijn eerder door PE-online geaccepteerd en gaan niet opnieuw." in page
    assert "Eerder afgewezen en sindsdien niet veranderd: 1 regel" in page
    batch = PeOnlineBatch.objects.get()
    detail = lead.get(reverse("pe_online:batch", args=[batch.pk])).content.decode()
    assert "PE-online: 2 geaccepteerd, 1 afgewezen." in detail
    assert "Afgewezen regels" in detail
    assert f"Persoon {UNKNOWN} op regel 3 is niet bekend in het register" in detail
    assert "Geaccepteerd" in detail and "Afgewezen" in detail
    listing = lead.get(BATCHES).content.decode()
    assert completed.title in listing and "Beantwoord" in listing


def test_where_the_task_ran_at_once_the_message_says_what_came_of_it(
    send, rf, fake_pe_online, completed, period, content_lead, settings
):
    from django.contrib.messages import get_messages
    from django.contrib.messages.storage.fallback import FallbackStorage

    from accreditation.pe_online_admin import _say_how_it_went

    def said(batches):
        request = rf.post(SEND)
        request.session = {}
        request._messages = FallbackStorage(request)
        _say_how_it_went(request, batches)
        return [str(message) for message in get_messages(request)]

    answered = send(completed, period, content_lead)
    assert said(answered) == ["PE-online: 2 geaccepteerd, 1 afgewezen."]
    fake_pe_online.mode = "http-500"
    failed = send(completed, period, content_lead, include_rejected=True)
    assert said(failed) == [
        "PE-online antwoordde met een fout (HTTP 500). Er is niets verloren: deze regels staan "
        "klaar om opnieuw te versturen. PE-online negeert een regel die het al heeft, dus "
        "opnieuw versturen kan veilig."
    ]


def test_a_double_click_sends_once_with_a_clear_message(
    post, lead, fake_pe_online, completed, period
):
    first = post(lead, completed, period)
    second = post(lead, completed, period)  # the same form again: last_batch is stale
    assert PeOnlineBatch.objects.count() == 1
    assert len(fake_pe_online.received) == 1
    page = lead.get(second["Location"]).content.decode()
    assert "Er is niets dubbel verstuurd" in page
    assert first["Location"] == second["Location"]


@override_settings(TASKS=DUMMY_TASKS)
def test_a_second_send_while_the_first_is_on_its_way_is_refused(post, lead, completed, period):
    first = post(lead, completed, period)
    latest = PeOnlineBatch.objects.get()
    page = lead.get(first["Location"]).content.decode()
    assert "3 regels staan klaar om naar PE-online te gaan." in page
    assert "3 regels zijn onderweg." in page
    response = post(lead, completed, period, last_batch=latest.pk)
    assert PeOnlineBatch.objects.count() == 1
    assert "Deze regels worden al verstuurd" in lead.get(response["Location"]).content.decode()
    detail = lead.get(reverse("pe_online:batch", args=[latest.pk])).content.decode()
    assert "Wacht op de achtergrondtaak" in detail


def test_a_timeout_is_explained_and_nothing_is_lost(
    post, lead, fake_pe_online, completed, period, settings
):
    fake_pe_online.mode = "timeout"
    settings.PE_ONLINE_TIMEOUT = 0.5
    response = post(lead, completed, period)
    page = lead.get(response["Location"]).content.decode()
    assert "PE-online gaf binnen 0.5 seconden geen antwoord." in page
    assert "Er is niets verloren" in page
    assert "Te versturen: 3 regels" in page  # ready to be sent again
    batch = PeOnlineBatch.objects.get()
    detail = lead.get(reverse("pe_online:batch", args=[batch.pk])).content.decode()
    assert "Opnieuw versturen" in detail


def test_garbage_is_explained(post, lead, fake_pe_online, completed, period):
    fake_pe_online.mode = "garbage"
    response = post(lead, completed, period)
    page = lead.get(response["Location"]).content.decode()
    assert "Het antwoord van PE-online was niet te lezen" in page


def test_a_tampered_form_sends_nothing(lead, fake_pe_online, completed, period):
    response = lead.post(SEND, {"course": "999999", "since": "gisteren", "last_batch": "x"})
    assert response.status_code == 302
    assert "Het formulier was niet compleet" in lead.get(response["Location"]).content.decode()
    assert PeOnlineBatch.objects.count() == 0 and fake_pe_online.received == []


def test_the_key_never_shows_on_a_page(post, lead, fake_pe_online, completed, period):
    fake_pe_online.mode = "echo"  # an error page that repeats the request, key and all
    post(lead, completed, period)
    batch = PeOnlineBatch.objects.get()
    pages = [
        lead.get(SEND, _form(completed, period)),
        lead.get(BATCHES),
        lead.get(reverse("pe_online:batch", args=[batch.pk])),
    ]
    for response in pages:
        assert response.status_code == 200
        assert KEY not in response.content.decode()
    assert "De sleutel is ingesteld (hij wordt nooit getoond)." in pages[0].content.decode()


@pytest.mark.parametrize("who", ["trainer", "manager", "org_admin", "learner"])
def test_only_content_leads_may_use_the_pages(
    post, client, who, completed, period, trainer, manager, learner, make_user, organisation
):
    people = {
        "trainer": trainer,
        "manager": manager,
        "learner": learner,
        "org_admin": make_user(
            "fb@example.nl", organisation=organisation, groups=[roles.ORGANISATION_ADMINS]
        ),
    }
    batch = PeOnlineBatch.objects.create(
        course=completed, since=period[0], until=period[1], status="answered"
    )
    PeOnlineRow.objects.create(
        batch=batch,
        position=0,
        user=learner,
        register="vvn",
        course_id="PE-402345",
        person_id=UNKNOWN,
        end=timezone.now(),
        status="rejected",
        error_message="Persoon onbekend",
    )
    client.force_login(people[who])
    for url in (SEND, BATCHES, reverse("pe_online:batch", args=[batch.pk])):
        assert client.get(url).status_code in (302, 403), url
        assert "Persoon onbekend" not in client.get(url).content.decode()
    assert post(client, completed, period, last_batch=batch.pk).status_code in (302, 403)
    assert PeOnlineBatch.objects.count() == 1
    assert "Persoon onbekend" not in client.get(SEND, _form(completed, period)).content.decode()


def test_the_menu_shows_pe_online_to_content_leads_only(client, content_lead, trainer):
    client.force_login(content_lead)
    assert SEND in client.get(reverse("wagtailadmin_home")).content.decode()
    client.force_login(trainer)
    assert SEND not in client.get(reverse("wagtailadmin_home")).content.decode()


def test_without_an_accredited_course_the_page_explains_what_to_do(client, content_lead):
    client.force_login(content_lead)
    page = client.get(SEND).content.decode()
    assert "Nog geen enkele cursus heeft een accreditatie van een register op PE-online" in page
    assert "Dit veld is verplicht" not in page and "verplicht veld" not in page


def test_the_batch_page_costs_the_same_for_more_rows(
    lead, completed, period, make_user, organisation
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    batch = PeOnlineBatch.objects.create(course=completed, since=period[0], until=period[1])
    url = reverse("pe_online:batch", args=[batch.pk])

    def add_rows(count, start):
        for n in range(start, start + count):
            person = make_user(f"p{n}@example.nl", organisation=organisation)
            PeOnlineRow.objects.create(
                batch=batch,
                position=n,
                user=person,
                register="registerplein",
                course_id="PE-301234",
                person_id=f"{100000 + n}",
                end=timezone.now(),
                status="rejected" if n % 2 else "accepted",
                error_message="onbekend",
            )

    add_rows(2, 0)
    lead.get(url)  # the first admin visit of the day writes its own rows
    with CaptureQueriesContext(connection) as few:
        assert lead.get(url).status_code == 200
    add_rows(10, 2)
    with CaptureQueriesContext(connection) as more:
        assert lead.get(url).status_code == 200
    assert len(more) == len(few)
    assert len(few) <= 25
