"""The record of a session, its CSV export, and a participant's own votes."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render

from people.spreadsheets import defuse_csv

from .access import get_session_for_group_trainer, get_session_for_member
from .models import LiveVote
from .record import build_record, csv_rows
from .running import scenario_of


@login_required
def record(request, pk: int):
    session = get_session_for_member(request.user, pk)
    context = {"record": build_record(session), "session": session}
    return render(request, "live/record.html", context)


@login_required
def export_csv(request, pk: int):
    session = get_session_for_group_trainer(request.user, pk)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    name = f"live-sessie-{session.pk}-{session.created_at:%Y-%m-%d}"
    response["Content-Disposition"] = f'attachment; filename="{name}.csv"'
    response["Cache-Control"] = "no-store"
    response.write("\ufeff")  # so Excel reads the file as UTF-8
    writer = csv.writer(response, delimiter=";")
    for row in csv_rows(build_record(session)):
        writer.writerow([defuse_csv(value) for value in row])
    return response


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
