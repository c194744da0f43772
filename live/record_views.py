"""The record of a session, its CSV and XLSX exports, and a participant's own votes."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _

from people.names import display_name
from people.workbooks import About, Sheet, csv_response, xlsx_response

from .access import get_session_for_group_trainer, get_session_for_member
from .models import LiveVote
from .record import Record, build_record, record_rows
from .running import scenario_of


@login_required
def record(request, pk: int):
    session = get_session_for_member(request.user, pk)
    context = {"record": build_record(session), "session": session}
    return render(request, "live/record.html", context)


@login_required
def export_csv(request, pk: int):
    """The same two tables as the workbook (votes per step, then the scores), one after the
    other; only the workbook's "about" sheet is not repeated."""
    session = get_session_for_group_trainer(request.user, pk)
    return csv_response(_filename(session), _sheets(build_record(session)))


def _filename(session) -> str:
    return f"live-sessie-{session.pk}-{timezone.localtime(session.created_at):%Y-%m-%d}"


@login_required
def export_xlsx(request, pk: int):
    session = get_session_for_group_trainer(request.user, pk)
    record = build_record(session)
    return xlsx_response(_filename(session), _sheets(record), _about(session, record))


def _sheets(record: Record) -> list[Sheet]:
    header, *rows = record_rows(record)
    return [Sheet(_("Votes per step"), header, rows), _scores_sheet(record)]


def _scores_sheet(record: Record) -> Sheet:
    rows = [(_("Overall"), record.overall, record.overall_band)]
    rows += [(row.name, row.score, row.band) for row in record.scores]
    return Sheet(_("Scores"), [_("Principle"), _("Score"), _("Band")], rows)


def _about(session, record: Record) -> About:
    return About(
        title=_("Live session record"),
        lines=[
            (_("Learning group"), session.cohort.name),
            (_("Scenario"), session.scenario.title),
            (_("Date"), session.created_at),
            (_("Trainer"), display_name(session.trainer)),
            (_("Participants"), record.participants),
            (
                _("Hidden counts"),
                _(
                    "As in the room: a role with fewer than 3 voters at a step has no column "
                    "of its own (its cell is empty; its votes count only in the total). "
                    'A step with only 1 or 2 votes shows no counts: they are "hidden".'
                ),
            ),
            (
                _("Scores"),
                _("The scores of the route the group followed, under scoring version 2."),
            ),
        ],
    )


@login_required
def my_votes(request):
    """Only one's own votes, as a logged-in member: guests' votes are tied to nobody."""
    votes = (
        LiveVote.objects.filter(participant__user=request.user)
        .select_related("session__cohort", "session__scenario", "session__revision")
        .order_by("-session__created_at", "step")
    )
    sessions: dict[int, dict] = {}
    for vote in votes:
        entry = sessions.setdefault(vote.session_id, {"session": vote.session, "votes": []})
        node = scenario_of(vote.session).node(vote.node_key)
        choice = node.choice(vote.choice_key) if node else None
        entry["votes"].append(
            {
                "step": vote.step,
                "situation": node.text if node else vote.node_key,
                "choice": choice.text if choice else vote.choice_key,
            }
        )
    return render(request, "live/my_votes.html", {"sessions": list(sessions.values())})
