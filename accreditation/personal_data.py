"""What accreditation holds about a person, for the AVG export and deletion (privacy app)."""

from . import registers
from .models import Certificate, MeetingAttendance, PeOnlineBatch, PeOnlineRow, RegisterNumber


def export(user) -> dict:
    return {
        "register_numbers": [
            {
                "register": registers.NAMES.get(n.register, n.register),
                "number": n.number,
                "updated_at": n.updated_at.isoformat(),
            }
            for n in RegisterNumber.objects.filter(user=user)
        ],
        "certificates": [
            {
                "course": c.course_title,
                "name": c.name,
                "completed_on": c.completed_on.isoformat(),
                "study_hours": str(c.study_hours),
                "points": c.points,
                "code": c.code,
                "revoked": c.revoked,
                "revoke_reason": c.revoke_reason,
            }
            for c in Certificate.objects.filter(user=user)
        ],
        "meetings_attended": [
            {
                "learning_group": a.meeting.cohort.name,
                "meeting": a.meeting.title,
                "starts_at": a.meeting.starts_at.isoformat(),
                "marked_at": a.marked_at.isoformat(),
            }
            for a in MeetingAttendance.objects.filter(user=user).select_related("meeting__cohort")
        ],
        "attendance_marked": MeetingAttendance.objects.filter(marked_by=user).count(),
        "certificates_revoked": [
            {"code": c.code, "at": c.revoked_at.isoformat(), "reason": c.revoke_reason}
            for c in Certificate.objects.filter(revoked_by=user)
        ],
        # What was reported about the person to PE-online, and what came of it.
        "pe_online_reports": [
            {
                "register": registers.NAMES.get(r.register, r.register),
                "accreditation_id": r.course_id,
                "number": r.person_id,
                "completed_at": r.end.isoformat(),
                "sent_at": r.batch.created_at.isoformat(),
                "status": r.status,
                "message": r.error_message,
            }
            for r in PeOnlineRow.objects.filter(user=user).select_related("batch")
        ],
        "pe_online_batches_sent": [
            {"course": b.course.title, "at": b.created_at.isoformat(), "status": b.status}
            for b in PeOnlineBatch.objects.filter(created_by=user).select_related("course")
        ],
    }


def erase(user) -> None:
    """Numbers and certificates go: a deleted person's certificate then verifies as unknown.
    Revocations made by a deleted staff member stay, without their name; so does the
    attendance they took, and the batches they sent to PE-online. Their own attendance at
    meetings goes, and what was reported about them to PE-online (the register keeps its own
    record; a deleted account is never reported again)."""
    RegisterNumber.objects.filter(user=user).delete()
    PeOnlineRow.objects.filter(user=user).delete()
    PeOnlineBatch.objects.filter(created_by=user).update(created_by=None)
    Certificate.objects.filter(user=user).delete()
    Certificate.objects.filter(revoked_by=user).update(revoked_by=None)
    MeetingAttendance.objects.filter(user=user).delete()
    MeetingAttendance.objects.filter(marked_by=user).update(marked_by=None)
