"""The demo holds a finished live session in the Hatert group, led by Karin."""

from django.core.management import call_command

from live.demo import HATERT_COHORT, KARIN, load_live_session
from live.models import LiveSession
from live.record import build_record


def test_the_demo_has_a_finished_live_session_in_hatert(db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    session = LiveSession.objects.get()
    assert session.cohort.name == HATERT_COHORT
    assert session.trainer.email == KARIN
    assert not session.is_running
    record = build_record(session)
    assert record.steps and record.ending is not None
    assert record.overall is not None
    assert any(step.tally.columns for step in record.steps)  # a split by role to talk about
    # Loading again (it costs seconds, so in the same test) changes nothing.
    assert load_live_session() == session
    assert LiveSession.objects.count() == 1
