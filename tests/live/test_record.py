"""Afterwards: the record (route, votes per step by role, scores under version 2), the link
from the debrief, the CSV export, and each member's own votes, seen by nobody else."""

import csv
import datetime
import io
import json

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from live import running
from live.record import build_record
from scenarios.engine import score_path
from scenarios.graph import scenario_for_revision
from tests.live.conftest import join, vote


@pytest.fixture
def played(client, session, members, learner):
    """Nine members vote at two steps; the group follows the majority and finishes."""
    everyone = [user for users in members.values() for user in users]
    for role, users in members.items():
        for user in users:
            join(client, session, user)
            vote(client, session, "regel-het" if role == "volunteer" else "vraag-door")
    join(client, session, learner)
    vote(client, session, "=HYPERLINK(1)")  # not offered: refused
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.next_step(session)
    for user in everyone:
        join(client, session, user)  # again: a new login starts a new browser session
        assert vote(client, session, "netwerk").status_code == 302
    running.reveal(session)
    running.follow(session, "netwerk")
    running.next_step(session)
    running.finish(session)
    client.logout()
    session.refresh_from_db()
    return session


def test_the_record_keeps_route_votes_by_role_and_scores(played):
    record = build_record(played)
    assert [(step.number, step.node.key, step.followed.key) for step in record.steps] == [
        (1, "begin", "vraag-door"),
        (2, "midden", "netwerk"),
    ]
    first = record.steps[0].tally
    assert first.voters == 9
    assert [column.role for column in first.columns] == [
        "professional",
        "volunteer",
        "civil_servant",
    ]
    expected = score_path(
        scenario_for_revision(played.revision), [("begin", "vraag-door"), ("midden", "netwerk")]
    )
    assert record.overall == expected.overall == 100
    assert record.ending.key == "goed-einde"


def test_the_debrief_links_to_the_record(client, played, trainer, group, scenario):
    client.force_login(trainer)
    page = client.get(reverse("cohort-debrief", args=[group.pk, scenario.pk])).content.decode()
    assert reverse("live-record", args=[played.pk]) in page
    record = client.get(reverse("live-record", args=[played.pk])).content.decode()
    assert "Wie kan er nog meer helpen?" in record and "100" in record


def test_members_see_the_record_once_finished_and_never_who_voted_what(
    client, played, members, session
):
    voter = members["professional"][0]
    client.force_login(voter)
    page = client.get(reverse("live-record", args=[played.pk])).content.decode()
    assert "De route van de groep" in page
    for user in members["volunteer"]:
        assert user.username.capitalize() not in page and user.email not in page
    assert client.get(reverse("live-export", args=[played.pk])).status_code == 404


def test_a_running_session_has_no_record_for_members_yet(client, session, learner):
    client.force_login(learner)
    assert client.get(reverse("live-record", args=[session.pk])).status_code == 404


def test_the_csv_export_has_a_bom_semicolons_and_defused_text(client, played, trainer):
    client.force_login(trainer)
    response = client.get(reverse("live-export", args=[played.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0] == ["Stemmen per stap"]
    assert rows[1][:6] == ["stap", "situatie", "nummer", "keuze", "gevolgd", "totaal"]
    end = rows.index([])  # then the scores, as in the workbook
    assert rows[end + 1] == ["Scores"] and rows[end + 2] == ["Principe", "Score", "Niveau"]
    assert rows[end + 3][0] == "Totaal"
    followed = [row for row in rows[2:end] if row[4] == "ja"]
    assert [(row[0], row[3]) for row in followed] == [
        ("1", "Wat lukt er nog wel?"),
        ("2", "Wie kan er nog meer helpen?"),
    ]
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)


def _workbook(client, session):
    response = client.get(reverse("live-export-xlsx", args=[session.pk]))
    assert response.status_code == 200 and response["Cache-Control"] == "no-store"
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert f"live-sessie-{session.pk}-" in response["Content-Disposition"]
    return load_workbook(io.BytesIO(response.content))


def test_the_xlsx_export_says_what_it_holds_and_counts_in_numbers(
    client, played, trainer, group, scenario
):
    client.force_login(trainer)
    book = _workbook(client, played)
    about, votes, scores = book.worksheets
    assert about.title == "Over dit bestand"
    lines = {row[0]: row[1] for row in about.iter_rows(min_row=3, values_only=True)}
    assert lines["Leergroep"] == group.name and lines["Scenario"] == scenario.title
    assert isinstance(lines["Datum"], datetime.datetime)
    assert lines["Trainer"] and "1 of 2 stemmen" in lines["Verborgen aantallen"]
    assert votes.freeze_panes == "A2" and votes.auto_filter.ref.startswith("A1:")
    rows = list(votes.iter_rows(values_only=True))
    assert list(rows[0][:6]) == ["stap", "situatie", "nummer", "keuze", "gevolgd", "totaal"]
    followed = [row for row in rows[1:] if row[4] == "ja"]
    assert [(row[0], row[3], row[5]) for row in followed] == [
        (1, "Wat lukt er nog wel?", 6),
        (2, "Wie kan er nog meer helpen?", 9),
    ]
    assert followed[0][6:] == (3, 0, 3)  # professionals, volunteers, civil servants
    overall = next(row for row in scores.iter_rows(values_only=True) if row[0] == "Totaal")
    assert overall[1] == 100


def test_the_xlsx_export_never_gives_a_small_role_its_own_count(client, session, members, trainer):
    """Three professionals, three volunteers and one civil servant vote: the civil servant's
    role has no column, and no role's count can be worked out from the total."""
    voters = [*members["professional"], *members["volunteer"], members["civil_servant"][0]]
    for user in voters:
        join(client, session, user)
        vote(client, session, "vraag-door")
    running.reveal(session)
    running.follow(session, "vraag-door")
    running.next_step(session)
    running.finish(session)
    client.force_login(trainer)
    rows = list(_workbook(client, session).worksheets[1].iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert len(header) == 9  # stap … totaal, then professional, volunteer, civil servant
    assert all(row[8] is None for row in body)
    followed = next(row for row in body if row[4] == "ja")
    assert followed[5] == 7
    # The total less the roles shown may not leave the civil servant's 1 (or 2) to be read.
    assert 7 - sum(count for count in followed[6:] if isinstance(count, int)) not in (1, 2)


def test_only_the_groups_trainers_get_the_xlsx(client, played, members, make_user, organisation):
    other_trainer = make_user("tineke@example.nl", organisation=organisation, trainer=True)
    for user in (members["professional"][0], other_trainer):
        client.force_login(user)
        assert client.get(reverse("live-export-xlsx", args=[played.pk])).status_code == 404
    client.logout()
    assert client.get(reverse("live-export-xlsx", args=[played.pk])).status_code == 302


def test_the_record_page_offers_both_downloads(client, played, trainer):
    client.force_login(trainer)
    page = client.get(reverse("live-record", args=[played.pk])).content.decode()
    assert reverse("live-export-xlsx", args=[played.pk]) in page
    assert reverse("live-export", args=[played.pk]) in page


def test_each_member_sees_only_their_own_votes(client, played, members):
    volunteer = members["volunteer"][0]
    client.force_login(volunteer)
    page = client.get(reverse("live-my-votes")).content.decode()
    assert "Ik regel thuiszorg voor u." in page  # their own first vote
    assert "Wat lukt er nog wel?" not in page  # what others voted is not theirs
    assert reverse("live-my-votes") in client.get(reverse("my-learning")).content.decode()


def test_guest_votes_reach_no_one(client, session, learner):
    join(client, session, first_name="Gast", role="volunteer")
    vote(client, session, "regel-het")
    client.force_login(learner)
    page = client.get(reverse("live-my-votes")).content.decode()
    assert "Ik regel thuiszorg voor u." not in page


def test_the_avg_export_holds_own_votes_and_led_sessions(client, played, members, trainer):
    client.force_login(members["civil_servant"][0])
    data = json.loads(client.get(reverse("my-data-export")).content)
    assert [(v["step"], v["choice"]) for v in data["live_votes"]] == [
        (1, "vraag-door"),
        (2, "netwerk"),
    ]
    client.force_login(trainer)
    data = json.loads(client.get(reverse("my-data-export")).content)
    assert [s["session"] for s in data["live_sessions_led"]] == [played.pk]
