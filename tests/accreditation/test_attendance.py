"""The attendance list per learning group: semicolons, a byte-order mark, register numbers."""

import csv
import io

from django.urls import reverse
from django.utils import timezone

from accreditation import registers
from tests.accreditation.conftest import finish, give_number


def _rows(response):
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:]), delimiter=";"))


def test_the_trainer_downloads_the_list_with_register_numbers(
    client, learner, volunteer, trainer, group
):
    give_number(learner, registers.REGISTERPLEIN, "123456")
    give_number(learner, registers.NIP, "4711")
    finish(learner, group.course)
    client.force_login(trainer)
    response = client.get(reverse("cohort-attendance", args=[group.pk]))
    assert response["Content-Type"].startswith("text/csv")
    assert response["Cache-Control"] == "no-store"
    header, *rows = _rows(response)
    assert header[:4] == ["Naam", "Cursus", "Leergroep", "Afgerond op"]
    assert header[4:] == [name for _code, name in registers.REGISTERS]
    by_name = {row[0]: row for row in rows}
    alice, vera = by_name["Alice"], by_name["Vera"]
    assert alice[3]  # completed, with a date
    assert alice[4] == "123456" and alice[7] == "4711"
    assert vera[3] == "" and vera[4:] == ["", "", "", "", ""]


def test_a_name_that_looks_like_a_formula_is_defused(client, learner, trainer, group):
    learner.profile.display_name = '=HYPERLINK("x")'
    learner.profile.save()
    client.force_login(trainer)
    _header, *rows = _rows(client.get(reverse("cohort-attendance", args=[group.pk])))
    assert '\'=HYPERLINK("x")' in [row[0] for row in rows]


def test_the_certificates_page_lists_the_group(client, learner, trainer, group):
    finish(learner, group.course)
    client.force_login(learner)
    client.post(reverse("certificate-claim", args=[group.course.pk]))
    client.force_login(trainer)
    body = client.get(reverse("cohort-certificates", args=[group.pk])).content.decode()
    assert "Alice" in body and "Intrekken" in body


def test_a_content_lead_may_see_every_group_and_a_stranger_trainer_none(
    client, content_lead, stranger_trainer, learner, group
):
    url = reverse("cohort-attendance", args=[group.pk])
    client.force_login(content_lead)
    assert client.get(url).status_code == 200
    for person in (stranger_trainer, learner):
        client.force_login(person)
        assert client.get(url).status_code == 404
        assert client.get(reverse("cohort-certificates", args=[group.pk])).status_code == 404


def test_the_list_comes_as_a_workbook_with_meetings_and_what_it_holds(
    client, learner, volunteer, trainer, group
):
    from io import BytesIO

    from openpyxl import load_workbook

    from accreditation.meetings import mark
    from tests.accreditation.test_meetings import plan

    group.course.requires_attendance = True
    group.course.save()
    first, second = plan(group, days_ago=2), plan(group, days_ago=1)
    give_number(learner, registers.REGISTERPLEIN, "123456")
    finish(learner, group.course)
    finish(volunteer, group.course)
    for meeting in (first, second):
        mark(meeting, learner.pk, True, trainer)
    mark(first, volunteer.pk, True, trainer)
    client.force_login(trainer)
    response = client.get(reverse("cohort-attendance-xlsx", args=[group.pk]))
    assert response["Cache-Control"] == "no-store"
    disposition = response["Content-Disposition"]
    assert "presentielijst-leergroep-hatert-" in disposition and disposition.endswith('.xlsx"')
    book = load_workbook(BytesIO(response.content))
    assert book.sheetnames == ["Over dit bestand", "Presentielijst"]
    about = [row[0] for row in book["Over dit bestand"].iter_rows(values_only=True) if row]
    assert "Aanwezig" in about and "Gemaakt door" in about
    header, *rows = book["Presentielijst"].iter_rows(values_only=True)
    assert header[:4] == ("Naam", "Cursus", "Leergroep", "Afgerond op")
    assert header[9] == "Aanwezig bij bijeenkomsten" and len(header) == 12
    # A meeting's column is named by its date and time as Dutch Excel writes them.
    assert (
        header[10]
        == f"{first.starts_at.astimezone(timezone.get_current_timezone()):%d-%m-%Y} 10:00"
    )
    by_name = {row[0]: row for row in rows}
    alice, vera = by_name["Alice"], by_name["Vera"]
    assert alice[3] is not None and alice[4] == "123456"  # completed: lessons and meetings
    assert alice[9:] == ("2/2", "aanwezig", "aanwezig")
    assert vera[3] is None and vera[9:] == ("1/2", "aanwezig", None)  # missed one meeting
