"""The demo's finished live session: Karin played a scenario with the Hatert group last week.

Called by ``load_demo`` after the learning groups exist. Safe to run again: a group that
already has a finished live session is left as it is.
"""

from __future__ import annotations

import random
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from courses.debrief import course_scenario_ids
from courses.models import Cohort
from scenarios.engine import desired_route
from scenarios.models import ScenarioPage

from . import running
from .models import LiveParticipant, LiveSession, LiveVote
from .tally import majority

HATERT_COHORT = "Leergroep Hatert voorjaar"
KARIN = "karin@demo.kantelwerk.nl"
# How often each role picks the desired choice: the split by role gives the talk its start.
AGREES = {"professional": 0.75, "volunteer": 0.55, "civil_servant": 0.6}
MAX_STEPS = 15


@transaction.atomic
def load_live_session() -> LiveSession | None:
    cohort = Cohort.objects.filter(name=HATERT_COHORT).select_related("course").first()
    if cohort is None:
        return None
    done = cohort.live_sessions.filter(state=LiveSession.State.FINISHED).first()
    if done is not None:
        return done
    ids = course_scenario_ids(cohort.course)
    pages = {page.pk: page for page in ScenarioPage.objects.live().filter(pk__in=ids)}
    page = next((pages[pk] for pk in ids if pk in pages), None)
    trainer = get_user_model().objects.filter(email=KARIN).first() or cohort.trainers.first()
    if page is None or trainer is None:
        return None
    session = running.start_session(trainer, cohort, page)
    members = cohort.participants.select_related("profile").exclude(profile__role="")
    participants = [
        LiveParticipant.objects.create(session=session, user=user, role=user.profile.role)
        for user in members
    ]
    scenario = running.scenario_of(session)
    desired = dict(desired_route(scenario))
    rng = random.Random(16)
    for _step in range(MAX_STEPS):
        node = scenario.node(session.node_key)
        if node.end:
            break
        keys = [choice.key for choice in node.choices]
        best = desired.get(node.key, keys[0])
        others = [key for key in keys if key != best] or [best]
        chosen = []
        for participant in participants:
            key = best if rng.random() < AGREES[participant.role] else rng.choice(others)
            LiveVote.objects.create(
                session=session,
                participant=participant,
                step=session.step,
                node_key=node.key,
                choice_key=key,
            )
            chosen.append(key)
        running.reveal(session)
        running.follow(session, majority(keys, chosen))
        running.next_step(session)
        session.refresh_from_db()
    running.finish(session)
    week_ago = session.created_at - timedelta(days=7)
    LiveSession.objects.filter(pk=session.pk).update(
        created_at=week_ago, finished_at=week_ago + timedelta(minutes=40)
    )
    session.refresh_from_db()
    return session
