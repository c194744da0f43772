"""The downloads hold the numbers the pages show, with the same scoping and privacy."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from courses.models import LessonProgress
from people.models import Profile, Team
from people.spreadsheets import defuse, defuse_csv

from .conftest import play


def read_csv(response) -> list[list[str]]:
    assert response["Content-Disposition"].startswith("attachment;")
    text = response.content.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text), delimiter=";"))


def read_xlsx(response) -> dict[str, list[tuple]]:
    """The sheets with figures, after the first sheet that says what the file holds."""
    assert response["Content-Disposition"].startswith("attachment;")
    book = load_workbook(io.BytesIO(response.content))
    about, *sheets = book
    assert about.title == "Over dit bestand"
    return {sheet.title: list(sheet.iter_rows(values_only=True)) for sheet in sheets}


@pytest.fixture
def team_with_progress(cohort, learner, volunteer, lessons, published_scenario):
    cohort.participants.add(learner, volunteer)
    for lesson in lessons[:3]:
        LessonProgress.objects.create(user=learner, lesson=lesson)
    LessonProgress.objects.create(user=volunteer, lesson=lessons[0])
    play(learner, published_scenario, skill=1)
    play(volunteer, published_scenario, skill=0)
    Profile.objects.filter(user=learner).update(share_scores_with_manager=True)


def page_numbers(response):
    return {
        row.name: (
            [(c.title, c.done, c.total, c.percent) for c in row.courses],
            row.scenarios_finished,
            row.latest_overall,
        )
        for row in response.context["rows"]
    }


def test_the_overview_export_equals_the_page(client, manager, team_with_progress):
    client.force_login(manager)
    page = page_numbers(client.get(reverse("team-overview")))
    assert len(page) == 2

    rows = read_csv(client.get(reverse("team-overview-export", args=["csv"])))
    header, body = rows[0], rows[1:]
    assert len(header) == 10
    from_csv = {
        r[0]: ([(r[3], int(r[4]), int(r[5]), int(r[6]))], int(r[7]), int(r[9]) if r[9] else None)
        for r in body
    }
    assert from_csv == page

    sheets = read_xlsx(client.get(reverse("team-overview-export", args=["xlsx"])))
    (body,) = [rows[1:] for rows in sheets.values()]
    from_xlsx = {r[0]: ([(r[3], r[4], r[5], r[6])], r[7], r[9]) for r in body}
    assert from_xlsx == page


def test_the_overview_export_keeps_the_filters(client, manager, team_with_progress):
    client.force_login(manager)
    rows = read_csv(
        client.get(reverse("team-overview-export", args=["csv"]), {"role": "volunteer"})
    )
    assert [r[0] for r in rows[1:]] == ["Vera"]
    bad = client.get(reverse("team-overview-export", args=["csv"]), {"role": "x"})
    assert bad.status_code == 400


def test_an_unshared_score_stays_out_of_the_export(client, manager, team_with_progress):
    client.force_login(manager)
    rows = read_csv(client.get(reverse("team-overview-export", args=["csv"])))
    vera = next(r for r in rows[1:] if r[0] == "Vera")
    assert vera[9] == ""


def test_text_that_looks_like_a_formula_is_defused(client, manager, learner):
    Profile.objects.filter(user=learner).update(display_name='=HYPERLINK("http://x","klik")')
    client.force_login(manager)
    rows = read_csv(client.get(reverse("team-overview-export", args=["csv"])))
    assert rows[1][0] == '\'=HYPERLINK("http://x","klik")'
    sheets = read_xlsx(client.get(reverse("team-overview-export", args=["xlsx"])))
    (rows,) = sheets.values()
    assert rows[1][0].startswith("'=")
    for value in ("=1+1", "+31", "-2", "@SUM(A1)"):
        assert defuse(value) == "'" + value
    assert defuse("Alice") == "Alice" and defuse(-2) == -2


def test_a_formula_after_a_separator_inside_a_cell_is_defused(client, manager, learner):
    # Dutch Excel splits on ";": the part after it would become a cell that runs a formula.
    Profile.objects.filter(user=learner).update(display_name='Alice;=HYPERLINK("http://x")')
    client.force_login(manager)
    rows = read_csv(client.get(reverse("team-overview-export", args=["csv"])))
    name = rows[1][0]
    assert name == 'Alice;\'=HYPERLINK("http://x")'
    for part in name.replace(",", ";").split(";"):
        assert not part.strip().startswith(("=", "+", "-", "@"))
    assert defuse_csv("a, +31 6") == "a, '+31 6"
    assert defuse_csv("a;\t-1") == "a;\t'-1"
    assert defuse_csv("Noord, Zuid; Oost") == "Noord, Zuid; Oost"


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_exports_are_not_kept_in_a_cache(client, manager, team, fmt):
    client.force_login(manager)
    for name, params in (("team-overview-export", {}), ("team-growth-export", {"team": team.pk})):
        response = client.get(reverse(name, args=[fmt]), params)
        assert response.status_code == 200
        assert response["Cache-Control"] == "no-store"


@pytest.fixture
def growing_team(make_user, organisation, team, published_scenario):
    earlier = timezone.now() - datetime.timedelta(days=65)
    for number in range(6):
        user = make_user(f"g{number}@example.nl", organisation=organisation, teams=[team])
        play(user, published_scenario, skill=0, seed=number, when=earlier)
        play(user, published_scenario, skill=1, seed=number)


def test_the_growth_export_equals_the_page(client, manager, team, growing_team):
    client.force_login(manager)
    growth = client.get(reverse("team-growth"), {"team": team.pk}).context["growth"]
    assert growth.enough
    profile = [(row.name, row.first, row.latest) for row in growth.profile]
    timeline = [(m.strftime("%Y-%m"), n) for m, n in growth.timeline]
    quality = [
        (
            q.month.strftime("%Y-%m"),
            *([None] * 6 if q.hidden else [v for _q, n, s in q.shares for v in (n, s)]),
        )
        for q in growth.quality
    ]

    def month_text(row):  # a workbook holds each month as a real date
        assert isinstance(row[0], datetime.datetime) and row[0].day == 1
        return (row[0].strftime("%Y-%m"), *row[1:])

    assert any(q.hidden for q in growth.quality) and not all(q.hidden for q in growth.quality)

    sheets = read_xlsx(client.get(reverse("team-growth-export", args=["xlsx"]), {"team": team.pk}))
    profile_sheet, timeline_sheet, quality_sheet = sheets.values()
    assert [tuple(r[:3]) for r in profile_sheet[1:]] == profile
    assert [month_text(r) for r in timeline_sheet[1:]] == timeline
    assert [month_text(r) for r in quality_sheet[1:]] == quality

    rows = read_csv(client.get(reverse("team-growth-export", args=["csv"]), {"team": team.pk}))
    sections, current = [], None
    for row in rows:
        if not row:
            current = None
        elif current is None:
            current = []
            sections.append(current)
        else:
            current.append(row)
    csv_profile, csv_timeline, csv_quality = (section[1:] for section in sections)

    def number(text):
        return int(text) if text else None

    assert [(r[0], number(r[1]), number(r[2])) for r in csv_profile] == profile
    assert [(r[0], number(r[1])) for r in csv_timeline] == timeline
    assert [(r[0], *map(number, r[1:])) for r in csv_quality] == quality


def test_a_small_teams_growth_export_holds_no_scores(
    client, manager, team, learner, published_scenario
):
    play(learner, published_scenario)
    client.force_login(manager)
    sheets = read_xlsx(client.get(reverse("team-growth-export", args=["xlsx"]), {"team": team.pk}))
    assert len(sheets) == 1  # only the attempts per month
    rows = read_csv(client.get(reverse("team-growth-export", args=["csv"]), {"team": team.pk}))
    assert len(rows[0]) == 2


def test_a_csv_opens_in_columns_in_dutch_excel(client, manager, team_with_progress):
    client.force_login(manager)
    response = client.get(reverse("team-overview-export", args=["csv"]))
    assert response.content.startswith("\ufeff".encode())  # Excel then reads UTF-8
    first_line = response.content.decode("utf-8-sig").splitlines()[0]
    assert first_line.split(";")[:3] == ["Naam", "Rol", "Teams"]
    assert "," not in first_line


def test_file_names_say_which_team_what_and_when(client, manager, team, team_with_progress):
    client.force_login(manager)
    today = timezone.localdate().isoformat()
    growth = client.get(reverse("team-growth-export", args=["xlsx"]), {"team": team.pk})
    assert growth["Content-Disposition"] == (
        f'attachment; filename="team-sociaal-wijkteam-noord-groei-{today}.xlsx"'
    )
    overview = client.get(reverse("team-overview-export", args=["csv"]))
    assert overview["Content-Disposition"] == (
        f'attachment; filename="team-sociaal-wijkteam-noord-overzicht-{today}.csv"'
    )
    # Managing several teams of one organisation, the file is named after it.
    Team.objects.create(organisation=team.organisation, name="Zuid").managers.add(manager.profile)
    overview = client.get(reverse("team-overview-export", args=["xlsx"]))
    assert overview["Content-Disposition"] == (
        f'attachment; filename="welzijn-testdorp-teamoverzicht-{today}.xlsx"'
    )


def about_sheet(response) -> dict[str, object]:
    book = load_workbook(io.BytesIO(response.content))
    about = book.worksheets[0]
    assert about.title == "Over dit bestand"
    return {row[0]: row[1] for row in about.iter_rows(values_only=True) if row and row[1]}


def test_the_first_sheet_says_what_the_file_holds(client, manager, team, team_with_progress):
    client.force_login(manager)
    response = client.get(
        reverse("team-overview-export", args=["xlsx"]), {"role": "volunteer", "team": team.pk}
    )
    about = about_sheet(response)
    assert about["Team"] == "Sociaal Wijkteam Noord"
    assert about["Rol"] == "Vrijwilliger"
    assert about["Cursus"] == "Alle cursussen"
    assert about["Gemaakt door"] == "Bob"
    assert isinstance(about["Gemaakt op"], datetime.datetime)
    assert abs(about["Gemaakt op"] - timezone.localtime().replace(tzinfo=None)).seconds < 60
    assert "tot en met" in about["Periode"]
    assert "delen" in about["Privacy"]

    growth = about_sheet(
        client.get(reverse("team-growth-export", args=["xlsx"]), {"team": team.pk})
    )
    assert growth["Team"].startswith("Sociaal Wijkteam Noord")
    assert "minder dan 5" in growth["Privacy"] and "verborgen" in growth["Privacy"]
    assert growth["Periode"]


def test_a_sheet_has_a_fixed_filtered_header_fitting_columns_and_real_values(
    client, manager, team_with_progress
):
    client.force_login(manager)
    response = client.get(reverse("team-overview-export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).worksheets[1]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:J{sheet.max_row}"
    header = [cell.value for cell in sheet[1]]
    widths = {
        heading: sheet.column_dimensions[cell.column_letter].width
        for heading, cell in zip(header, sheet[1], strict=True)
    }
    assert all(widths[heading] >= len(heading) for heading in header)
    assert widths["Naam"] < widths["Laatste activiteit"] <= 62
    alice = next(row for row in sheet.iter_rows(min_row=2) if row[0].value == "Alice")
    assert alice[4].data_type == "n" and isinstance(alice[6].value, int)
    assert isinstance(alice[8].value, datetime.datetime) and alice[8].is_date
