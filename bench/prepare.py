"""Prepare a bench database for load: learners' sessions, attempts and the URLs to load.

Run by bench/run.py under kantelwerk.settings.bench against the freshly built database,
before the server starts. It looks everything up in the database (no slugs hard-coded) and
writes one JSON file: per endpoint either a list of per-connection targets (path, cookies)
or the reason it is skipped.

Sessions are created directly with the configured session engine, exactly as a login would
store them, so the run needs no password hashing and no login round trips.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import secrets
import string
import sys
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "site")]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kantelwerk.settings.bench")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,
)
from django.db.models import Count  # noqa: E402
from django.urls import NoReverseMatch, reverse  # noqa: E402

from scenarios import playing  # noqa: E402
from scenarios.access import may_play  # noqa: E402
from scenarios.graph import scenario_for_revision  # noqa: E402
from scenarios.models import Attempt, ScenarioPage  # noqa: E402

LOAD_ORG = "Gemeente Groot-Maaswijk"
LOAD_TEAM = "Team 200"
AUTH_BACKEND = settings.AUTHENTICATION_BACKENDS[0]


def session_cookie(user) -> str:
    """Store a logged-in session for ``user`` and return the Cookie header value."""
    engine = __import__(settings.SESSION_ENGINE, fromlist=["SessionStore"])
    session = engine.SessionStore()
    session[SESSION_KEY] = user._meta.pk.value_to_string(user)
    session[BACKEND_SESSION_KEY] = AUTH_BACKEND
    session[HASH_SESSION_KEY] = user.get_session_auth_hash()
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def csrf_secret() -> str:
    """A CSRF cookie value; Django accepts the same unmasked secret in X-CSRFToken."""
    alphabet = string.ascii_letters + string.digits
    return "".join(secrets.choice(alphabet) for _ in range(32))


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def learner_pool(n: int):
    """Learners who take part in a learning group first (largest group), then other learners."""
    users = get_user_model().objects
    pool, seen = [], set()
    cohort, lesson = None, None
    try:
        from courses.models import Cohort, LessonPage

        cohort = (
            Cohort.objects.annotate(n=Count("participants"))
            .filter(n__gt=0)
            .select_related("course")
            .order_by("-n", "pk")
            .first()
        )
        if cohort is not None:
            lesson = LessonPage.objects.live().descendant_of(cohort.course).order_by("path").first()
            for user in cohort.participants.filter(is_active=True).order_by("pk"):
                pool.append(user)
                seen.add(user.pk)
    except ImportError:
        pass
    participants = list(pool)
    if len(pool) < n:
        extra = (
            users.filter(is_active=True, is_staff=False, is_superuser=False, profile__isnull=False)
            .exclude(pk__in=seen)
            .order_by("pk")[: n * 4]
        )
        pool.extend(extra)
    return pool, participants, cohort, lesson


def play_to_end(user, page, rng: random.Random) -> Attempt:
    attempt = playing.start_attempt(user, page)
    for _ in range(500):
        if attempt.is_finished:
            return attempt
        node = scenario_for_revision(attempt.revision).node(attempt.current_node)
        choice = rng.choice(node.choices)
        attempt = playing.record_choice(user, attempt.pk, attempt.step, choice.key)
    raise RuntimeError(f"attempt {attempt.pk} did not reach an end in 500 steps")


def find_manager(email: str):
    from people.models import Profile

    users = get_user_model().objects
    if email:
        user = users.filter(email__iexact=email).first()
        if user is not None:
            return user
    profile = (
        Profile.objects.filter(managed_teams__organisation__name=LOAD_ORG)
        .annotate(n=Count("managed_teams"))
        .order_by("-n", "pk")
        .select_related("user")
        .first()
    )
    return profile.user if profile else None


MANAGER_ROWS = ("team", "org", "org-completion")


def manager_endpoints(manager_email: str, load_data: str) -> dict:
    if load_data != "ok":
        reason = load_data or "make_load_data did not run"
        return {key: {"skip": reason} for key in MANAGER_ROWS}
    try:
        overview = reverse("team-overview")
    except NoReverseMatch:
        reason = "not available yet: no URL named team-overview"
        return {key: {"skip": reason} for key in MANAGER_ROWS}
    from people.models import Team

    manager = find_manager(manager_email)
    if manager is None:
        reason = f"no manager of {LOAD_ORG} found"
        return {key: {"skip": reason} for key in MANAGER_ROWS}
    cookie = session_cookie(manager)
    team = (
        Team.objects.filter(name=LOAD_TEAM, organisation__name=LOAD_ORG).first()
        or Team.objects.filter(name=LOAD_TEAM).first()
    )
    members = {}
    try:
        from people.team_scope import members_for_manager

        members["org"] = members_for_manager(manager).count()
        if team is not None:
            members["team"] = members_for_manager(manager, team).count()
    except Exception as error:  # noqa: BLE001 — informative only
        members["error"] = repr(error)
    result = {
        "org": {
            "targets": [{"path": overview, "cookie": cookie}],
            "label": f"manager overview, organisation ({members.get('org', '?')} people)",
            "members": members.get("org"),
        },
        "org-completion": {
            "targets": [{"path": f"{overview}?sort=-completion", "cookie": cookie}],
            "label": (
                f"manager overview, organisation by completion ({members.get('org', '?')} people)"
            ),
            "members": members.get("org"),
        },
    }
    if team is None:
        result["team"] = {"skip": f"no team named {LOAD_TEAM}"}
    else:
        result["team"] = {
            "targets": [{"path": f"{overview}?team={team.pk}", "cookie": cookie}],
            "label": f"manager overview, {LOAD_TEAM} ({members.get('team', '?')} people)",
            "members": members.get("team"),
        }
    return result


LIVE_PHONES = 40
LIVE_STEPS = 15


def live_route(scenario, steps: int) -> list[dict]:
    """A route of ``steps`` steps that reaches no ending (scenarios may loop), as the choices
    a phone may vote for at each step and the one the trainer follows. Shorter when the
    scenario has no such route."""
    best: list[dict] = []
    failed: set[tuple[str, int]] = set()  # no route on from this node at this depth

    def walk(key: str, route: list[dict]) -> bool:
        nonlocal best
        if len(route) > len(best):
            best = list(route)
        if len(route) == steps:
            return True
        if (key, len(route)) in failed:
            return False
        node = scenario.node(key)
        if node is None or node.end or not node.choices:
            return False
        for choice in node.choices:
            target = scenario.node(choice.target)
            if target is None or target.end:
                continue
            route.append({"choices": [c.key for c in node.choices], "follow": choice.key})
            if walk(choice.target, route):
                return True
            route.pop()
        failed.add((key, len(route)))
        return False

    walk(scenario.start, [])
    return best


def phone_cookie(data: dict) -> str:
    """A browser session holding ``data``, as a phone that joined has one."""
    engine = __import__(settings.SESSION_ENGINE, fromlist=["SessionStore"])
    session = engine.SessionStore()
    session.update(data)
    session.create()
    return f"{settings.SESSION_COOKIE_NAME}={session.session_key}"


def live_poll_endpoint(rng: random.Random) -> dict:
    """A running live session of a learning group, with 40 guests joined on their phones."""
    try:
        from courses.debrief import course_scenario_ids
        from courses.models import Cohort
        from live import running
        from live.access import SESSION_KEY
        from people.models import Role
    except ImportError:
        return {"skip": "not available: no live app"}
    for cohort in Cohort.objects.filter(trainers__isnull=False).distinct().order_by("pk"):
        ids = course_scenario_ids(cohort.course)
        page = ScenarioPage.objects.live().filter(pk__in=ids).order_by("path").first()
        if page is not None:
            break
    else:
        return {"skip": "no learning group with a trainer and a course scenario"}
    trainer = cohort.trainers.order_by("pk").first()
    session = running.start_session(trainer, cohort, page, allow_guests=True)
    plan = live_route(running.scenario_of(session), LIVE_STEPS)
    if not plan:
        return {"skip": f"{page.title} has no step before an ending"}
    csrf = settings.CSRF_COOKIE_NAME
    state = reverse("live-state", args=[session.pk])
    vote = reverse("live-vote", args=[session.code])
    roles = list(Role.values)
    phones = []
    for number in range(LIVE_PHONES):
        guest = running.join_guest(session, f"Telefoon {number + 1}", roles[number % len(roles)])
        token = csrf_secret()
        cookie = phone_cookie({SESSION_KEY: {str(session.pk): guest.pk}})
        phones.append(
            {
                "cookie": f"{cookie}; {csrf}={token}",
                "csrf": token,
                "state": state,
                "page": vote,
                "vote": vote,
            }
        )
    rng.shuffle(phones)
    token = csrf_secret()
    trainer_cookie = f"{session_cookie(trainer)}; {csrf}={token}"
    return {
        "targets": [{"path": state, "cookie": trainer_cookie}],
        "label": f"live session, {LIVE_PHONES} phones + projector polling",
        "scenario": page.title,
        "phones": phones,
        "projector": {
            "cookie": trainer_cookie,
            "state": state,
            "page": reverse("live-projector", args=[session.pk]),
        },
        "trainer": {
            "cookie": trainer_cookie,
            "csrf": token,
            "control": reverse("live-control", args=[session.pk]),
        },
        "plan": plan,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", required=True)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--manager-email", default="")
    parser.add_argument("--load-data", default="", help="'ok', or why the load data is missing")
    parser.add_argument("--only-managers", action="store_true")
    args = parser.parse_args()
    n = args.connections
    rng = random.Random(7)

    endpoints: dict[str, dict] = manager_endpoints(args.manager_email, args.load_data)
    if args.only_managers:
        Path(args.out).write_text(json.dumps({"endpoints": endpoints}, indent=1))
        return

    endpoints["reference"] = {"targets": [{"path": "/bench/reference/", "cookie": ""}]}
    endpoints["home"] = {"targets": [{"path": reverse("home"), "cookie": ""}]}

    pool, participants, cohort, lesson = learner_pool(n)
    pages = list(ScenarioPage.objects.live().order_by("path"))
    if not pages:
        raise SystemExit("no live scenario in the bench database: did load_demo run?")

    # The step run plays the scenario a course uses (the training-day case) when there is one.
    step_page = pages[0]
    if lesson is not None:
        try:
            from courses.access import courses_using_scenario

            for page in pages:
                if courses_using_scenario(page).filter(pk=cohort.course_id).exists():
                    step_page = page
                    break
        except ImportError:
            pass
    step_players = [user for user in pool if may_play(user, step_page)][:n]
    # The node GET and result rows use another scenario, so they never share an attempt.
    other_page = next((page for page in pages if page.pk != step_page.pk), step_page)
    other_players = [user for user in pool if may_play(user, other_page)][:n]

    cookies = {user.pk: session_cookie(user) for user in {*step_players, *other_players}}
    csrf = settings.CSRF_COOKIE_NAME
    start = reverse("scenario-start", args=[step_page.pk])
    if len(step_players) < n:
        endpoints["step"] = {
            "skip": f"only {len(step_players)} learners may play {step_page.title}, need {n}"
        }
    else:
        targets = []
        for user in step_players:
            token = csrf_secret()
            targets.append(
                {"cookie": f"{cookies[user.pk]}; {csrf}={token}", "csrf": token, "start": start}
            )
        endpoints["step"] = {
            "targets": targets,
            "label": f"scenario step, {n} learners (POST + GET)",
            "scenario": step_page.title,
        }

    results, nodes = [], []
    for user in other_players:
        finished = play_to_end(user, other_page, rng)
        results.append(
            {"path": reverse("attempt-result", args=[finished.pk]), "cookie": cookies[user.pk]}
        )
        running = playing.start_attempt(user, other_page)
        nodes.append(
            {"path": reverse("attempt-play", args=[running.pk]), "cookie": cookies[user.pk]}
        )
    endpoints["node"] = {"targets": nodes, "scenario": other_page.title}
    endpoints["result"] = {"targets": results, "scenario": other_page.title}

    if lesson is None:
        endpoints["lesson"] = {"skip": "no live lesson with a learning group in the demo yet"}
    else:
        lesson_cookies = []
        for user in participants[:n]:
            lesson_cookies.append(cookies.get(user.pk) or session_cookie(user))
        path = path_of(lesson.get_url())
        endpoints["lesson"] = {
            "targets": [{"path": path, "cookie": cookie} for cookie in lesson_cookies],
            "label": f"lesson page, {len(lesson_cookies)} participants",
            "page": lesson.title,
        }

    endpoints["live-poll"] = live_poll_endpoint(rng)
    Path(args.out).write_text(json.dumps({"endpoints": endpoints}, indent=1))


if __name__ == "__main__":
    main()
