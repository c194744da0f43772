"""The debrief pages: the cohort's scenarios, and per scenario how the group chose."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from scenarios.models import ScenarioPage

from . import debrief
from .access import Membership, get_membership
from .hooks import DEBRIEF_PANEL, panels
from .progress import finished_scenario_ids


def _cohort_scenarios(membership: Membership) -> list[ScenarioPage]:
    ids = debrief.course_scenario_ids(membership.cohort.course)
    pages = ScenarioPage.objects.filter(pk__in=ids).select_related("live_revision")
    by_id = {page.pk: page for page in pages}
    return [by_id[pk] for pk in ids if pk in by_id]


@login_required
def debrief_index(request, pk: int):
    membership = get_membership(request.user, pk)
    scenarios = _cohort_scenarios(membership)
    finished = finished_scenario_ids(request.user, [page.pk for page in scenarios])
    for page in scenarios:
        page.debrief_open = membership.is_trainer or page.pk in finished
    context = {"cohort": membership.cohort, "membership": membership, "scenarios": scenarios}
    return render(request, "courses/debrief_index.html", context)


@login_required
def debrief_detail(request, pk: int, scenario_page_pk: int):
    membership = get_membership(request.user, pk)
    page = next((p for p in _cohort_scenarios(membership) if p.pk == scenario_page_pk), None)
    if page is None:
        raise Http404
    context = {"cohort": membership.cohort, "membership": membership, "scenario": page}
    if not membership.is_trainer and not finished_scenario_ids(request.user, [page.pk]):
        return render(request, "courses/debrief_locked.html", context, status=403)
    context["debrief"] = debrief.build_debrief(membership.cohort, page)
    context["panels"] = panels(
        DEBRIEF_PANEL, request, membership.cohort, page, membership.is_trainer
    )
    return render(request, "courses/debrief.html", context)
