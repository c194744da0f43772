"""What happens in a live session: start, join, vote, reveal, follow a choice, move on, finish.

Views call these and nothing else writes the session. A refused request raises ``Refused``
with a Dutch message and a status code, and changes nothing. Every change raises the
session's ``version`` (the state endpoint's ETag) and forgets the cached state.
"""

from __future__ import annotations

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from people.models import Role
from scenarios.engine import Node, Scenario
from scenarios.graph import scenario_for_revision

from .codes import looks_valid, normalise
from .models import LiveParticipant, LiveSession, LiveStep, LiveVote
from .state import forget_state

# Join and vote: at most this many requests a minute per browser session, and per address.
# A room of phones often shares one address (the venue's wifi), so that limit is wide; it
# only stops someone who throws cookies away to get past the first.
RATE_LIMITS = {"join": 10, "vote": 30, "join-address": 200, "vote-address": 1000}


class Refused(Exception):
    """A request that is not allowed; nothing was changed."""

    def __init__(self, message, status: int = 400):
        super().__init__(str(message))
        self.message = message
        self.status = status


class StepMovedOn(Refused):
    """A vote for a step the room has left behind."""


def scenario_of(session: LiveSession) -> Scenario:
    return scenario_for_revision(session.revision)


def current_node(session: LiveSession) -> Node:
    return scenario_of(session).node(session.node_key)


def _bump(session: LiveSession) -> None:
    LiveSession.objects.filter(pk=session.pk).update(version=F("version") + 1)
    pk = session.pk
    forget_state(pk)
    # Again after the commit: a poll between the two may have cached the state from before.
    transaction.on_commit(lambda: forget_state(pk))


def rate_allowed(action: str, who: str) -> bool:
    """A simple counter in the shared cache: the first request of a minute opens the window."""
    key = f"live:rate:{action}:{who}"
    if cache.add(key, 1, 60):
        return True
    try:
        count = cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.add(key, 1, 60)
        return True
    return count <= RATE_LIMITS[action]


# ------------------------------------------------------------------------------ trainer


class AlreadyRunning(Refused):
    """The group has a session open already (a double click on start, or a second tab)."""

    def __init__(self, session: LiveSession):
        super().__init__(
            _("This group already has a live session running. Go on with it, or finish it first."),
            409,
        )
        self.session = session


def open_session_of(cohort) -> LiveSession | None:
    running = cohort.live_sessions.filter(state=LiveSession.State.RUNNING).order_by("-created_at")
    return next((session for session in running if session.is_open), None)


def start_session(trainer, cohort, page, *, allow_guests: bool = False) -> LiveSession:
    """Start playing the scenario's published revision with the group, one session at a time."""
    if (already := open_session_of(cohort)) is not None:
        raise AlreadyRunning(already)
    revision = page.live_revision
    if revision is None:
        raise Refused(_("This scenario is not published."), 400)
    scenario = scenario_for_revision(revision)
    for _attempt in range(10):
        try:
            with transaction.atomic():
                return LiveSession.objects.create(
                    cohort=cohort,
                    scenario=page,
                    revision=revision,
                    trainer=trainer,
                    allow_guests=allow_guests,
                    node_key=scenario.start,
                )
        except IntegrityError:  # the random code is in use by a running session: draw again
            continue
    raise Refused(_("No free code could be found. Please try again."), 503)


def expect_step(session: LiveSession, posted: str) -> None:
    """Refuse an action from a trainer's screen that shows an earlier step (a stale tab)."""
    if posted != str(session.step):
        raise Refused(
            _("This screen was behind: the session had moved on. Here is the current step."), 409
        )


def reveal(session: LiveSession) -> None:
    if not session.is_running or session.revealed:
        return
    session.revealed = True
    session.save(update_fields=["revealed"])
    _bump(session)


def follow(session: LiveSession, choice_key: str) -> None:
    """The trainer picks the choice the group follows (after the reveal)."""
    if not session.is_running:
        raise Refused(_("This session has finished."), 409)
    if not session.revealed:
        raise Refused(_("Show the votes first, then pick the choice to follow."), 409)
    if current_node(session).choice(choice_key) is None:
        raise Refused(_("That choice is not offered at this step."), 400)
    session.followed_key = choice_key
    session.save(update_fields=["followed_key"])
    _bump(session)


@transaction.atomic
def next_step(session: LiveSession) -> None:
    """Keep the followed choice in the route and go to the step it leads to."""
    session = LiveSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_running:
        raise Refused(_("This session has finished."), 409)
    node = current_node(session)
    choice = node.choice(session.followed_key) if session.followed_key else None
    if choice is None:
        raise Refused(_("Pick the choice to follow first."), 409)
    LiveStep.objects.create(
        session=session, step=session.step, node_key=node.key, choice_key=choice.key
    )
    session.node_key = choice.target
    session.step += 1
    session.revealed = False
    session.followed_key = ""
    session.save(update_fields=["node_key", "step", "revealed", "followed_key"])
    _bump(session)


@transaction.atomic
def finish(session: LiveSession) -> None:
    """End the session; a choice the group followed at this step still joins the route."""
    session = LiveSession.objects.select_for_update().get(pk=session.pk)
    if not session.is_running:
        return
    if session.followed_key and current_node(session).choice(session.followed_key) is not None:
        LiveStep.objects.get_or_create(
            session=session,
            step=session.step,
            defaults={"node_key": session.node_key, "choice_key": session.followed_key},
        )
    session.state = LiveSession.State.FINISHED
    session.finished_at = timezone.now()
    session.save(update_fields=["state", "finished_at"])
    # A guest's first name was only for the room; the record keeps their role alone.
    session.participants.filter(user__isnull=True).update(first_name="")
    _bump(session)


# ------------------------------------------------------------------------------- phones


def session_for_code(typed: str) -> LiveSession:
    """The running session with this code; a wrong or expired code is refused."""
    code = normalise(typed)
    session = None
    if looks_valid(code):
        session = (
            LiveSession.objects.select_related("cohort", "revision")
            .filter(code=code)
            .order_by("-created_at")
            .first()
        )
    if session is None:
        raise Refused(
            _("There is no live session with this code. Check the code on the screen."), 404
        )
    if not session.is_open:
        raise Refused(_("This live session has ended. The code no longer works."), 410)
    return session


def ended_session_for_code(typed: str) -> LiveSession | None:
    """The most recent session with this code if it has ended, for a thank-you to its phones."""
    session = LiveSession.objects.filter(code=normalise(typed)).order_by("-created_at").first()
    return session if session is not None and not session.is_open else None


def is_member(user, session: LiveSession) -> bool:
    return (
        user.is_authenticated
        and session.cohort.participants.through.objects.filter(
            cohort_id=session.cohort_id, user_id=user.pk
        ).exists()
    )


def join_member(session: LiveSession, user) -> LiveParticipant:
    if not is_member(user, session):
        raise Refused(_("This session is for the members of the learning group."), 403)
    role = user.profile.role
    if role not in Role.values:
        raise Refused(_("Fill in your role on your profile first, then join again."), 400)
    participant, created = LiveParticipant.objects.get_or_create(
        session=session, user=user, defaults={"role": role}
    )
    if created:
        _bump(session)  # the trainer's screen counts who takes part
    return participant


def join_guest(session: LiveSession, first_name: str, role: str) -> LiveParticipant:
    """A guest gives a first name and a role; nothing else is asked or kept."""
    if not session.allow_guests:
        raise Refused(_("This session is for the members of the learning group."), 403)
    first_name = " ".join((first_name or "").split())[:30]
    if not first_name or role not in Role.values:
        raise Refused(_("Fill in your first name and pick your role."), 400)
    participant = LiveParticipant.objects.create(session=session, first_name=first_name, role=role)
    _bump(session)
    return participant


@transaction.atomic
def cast_vote(session_pk: int, participant: LiveParticipant, step: int, choice_key: str):
    """Record or change the participant's vote at the current step, before the reveal."""
    session = LiveSession.objects.select_for_update().select_related("revision").get(pk=session_pk)
    if not session.is_open:
        raise Refused(_("This live session has ended. The code no longer works."), 410)
    if step > session.step:  # only a tampered form names a step that has not come yet
        raise Refused(_("That step has not started yet."), 400)
    if step != session.step:
        raise StepMovedOn(
            _("The group has moved on to the next step. Your vote was not counted; vote here."),
            409,
        )
    if session.revealed:
        raise Refused(
            _("The votes for this step are shown already. Your vote stays as it was."), 409
        )
    node = current_node(session)
    if node.end or node.choice(choice_key) is None:
        raise Refused(_("That choice is not offered at this step."), 400)
    vote, _created = LiveVote.objects.update_or_create(
        participant=participant,
        step=step,
        defaults={"session": session, "node_key": node.key, "choice_key": choice_key},
    )
    _bump(session)
    return vote
