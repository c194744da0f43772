"""PE-online attendance files: shaped like the documented example, valid against the
published schema relaxed only where the service documents alternatives and optional parts."""

import datetime
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from accreditation import registers
from accreditation.models import Certificate
from accreditation.pe_online import Row, Settings, batches, completions, entry_xml
from tests.accreditation.conftest import finish, give_number

etree = pytest.importorskip("lxml.etree", reason="lxml is in requirements-dev.txt")

SCHEMAS = Path(__file__).resolve().parents[2] / "accreditation" / "schemas"
# What the relaxed schema changes, and nothing else: each of these gets minOccurs="0".
RELAXED = {
    "PECourseID",  # the PE course ID and the external course ID are alternatives
    "externalCourseID",
    "PEModuleID",  # module, edition and meeting are optional
    "externalmoduleID",
    "PEEditionID",
    "externalEditionID",
    "PEMeetingID",
    "externalMeetingID",
}


def schema(name):
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


def _elements(path):
    ns = {"xs": "http://www.w3.org/2001/XMLSchema"}
    tree = etree.parse(str(path))
    return {
        element.get("name"): dict(element.attrib) for element in tree.iterfind(".//xs:element", ns)
    }


def test_the_relaxed_schema_differs_from_the_published_one_only_where_documented():
    published = _elements(SCHEMAS / "entry.xsd")
    relaxed = _elements(SCHEMAS / "entry-relaxed.xsd")
    assert published.keys() == relaxed.keys()
    changed = {name for name in published if published[name] != relaxed[name]}
    assert changed == RELAXED
    for name in RELAXED:
        assert relaxed[name] == {**published[name], "minOccurs": "0"}


def test_the_documented_example_needs_the_relaxation():
    example = etree.parse(str(SCHEMAS / "entry-example.xml"))
    assert not schema("entry.xsd").validate(example)
    assert schema("entry-relaxed.xsd").validate(example)


def _row(n, course_id="9471"):
    when = timezone.localtime(datetime.datetime(2026, 6, 9, 13, 8, 13, tzinfo=datetime.UTC))
    return Row(course_id, f"{39054148101 + n}", when)


def test_a_batch_is_valid_and_shaped_like_the_example():
    body = entry_xml([_row(0), _row(1, "PE-DEMO-301")], Settings("1", "geheim", "19", "a@b.nl"))
    document = etree.fromstring(body)
    relaxed = schema("entry-relaxed.xsd")
    assert relaxed.validate(document), relaxed.error_log
    first, second = document.findall("Attendance")
    assert first.findtext("PECourseID") == "9471" and first.find("externalCourseID") is None
    assert second.findtext("externalCourseID") == "PE-DEMO-301"
    assert second.find("PECourseID") is None
    assert re.fullmatch(r"2026-06-09T15:08:13\+02:00", first.findtext("endDate"))
    assert document.findtext("Settings/userRole") == "EDU"


def test_batches_hold_at_most_a_hundred_rows():
    rows = [_row(n) for n in range(250)]
    sizes = [len(batch) for batch in batches(rows)]
    assert sizes == [100, 100, 50]
    relaxed = schema("entry-relaxed.xsd")
    for batch in batches(rows):
        assert relaxed.validate(etree.fromstring(entry_xml(batch, Settings())))
    with pytest.raises(ValueError):
        entry_xml(rows[:101], Settings())
    with pytest.raises(ValueError):
        entry_xml([], Settings())


def test_the_key_never_shows_in_a_repr():
    assert "geheim" not in repr(Settings("1", "geheim", "19", "a@b.nl"))


def test_completions_report_numbered_learners_and_say_who_was_left_out(learner, volunteer, group):
    give_number(learner, registers.REGISTERPLEIN, "123456")
    give_number(learner, registers.SKJ, "100012345")  # SKJ is not on PE-online
    finish(learner, group.course)
    finish(volunteer, group.course)
    rows, skipped = completions(group.course, timezone.localdate() - datetime.timedelta(days=1))
    assert [(r.course_id, r.person_id) for r in rows] == [("PE-301234", "123456")]
    assert {(s.name, s.register, s.reason) for s in skipped} == {
        ("Alice", "V&VN Kwaliteitsregister", "no-number"),
        ("Vera", "Registerplein", "no-number"),
        ("Vera", "V&VN Kwaliteitsregister", "no-number"),
    }


def test_a_revoked_certificate_and_an_earlier_completion_are_not_reported(learner, group):
    give_number(learner)
    finish(learner, group.course)
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    assert completions(group.course, tomorrow)[0] == []
    Certificate.objects.create(
        user=learner,
        course=group.course,
        name="Alice",
        course_title="x",
        study_hours=2,
        completed_on=timezone.localdate(),
        revoked_at=timezone.now(),
    )
    assert completions(group.course, timezone.localdate())[0] == []


def test_the_command_writes_valid_batch_files(tmp_path, learner, group, capsys, monkeypatch):
    monkeypatch.setenv("PE_ONLINE_USER_KEY", "heel-geheim")
    give_number(learner)
    finish(learner, group.course)
    since = timezone.localdate().isoformat()
    call_command("pe_online_export", group.course.slug, "--since", since, "--out", str(tmp_path))
    [path] = sorted(tmp_path.glob("*.xml"))
    assert schema("entry-relaxed.xsd").validate(etree.parse(str(path)))
    output = capsys.readouterr().out
    assert "1 regels in 1 bestand(en)" in output
    assert "Niet opgenomen: Alice voor V&VN Kwaliteitsregister: geen registratienummer." in output
    assert "heel-geheim" not in output


def test_the_command_explains_bad_input_in_dutch(tmp_path, group):
    with pytest.raises(CommandError, match="geen cursus"):
        call_command(
            "pe_online_export", "bestaat-niet", "--since", "2026-01-01", "--out", str(tmp_path)
        )
    with pytest.raises(CommandError, match="verwacht een datum"):
        call_command(
            "pe_online_export", group.course.slug, "--since", "gisteren", "--out", str(tmp_path)
        )


def test_a_deleted_account_is_neither_reported_nor_listed(learner, volunteer, group):
    from privacy.personal_data import anonymise_account

    give_number(learner)
    finish(learner, group.course)
    finish(volunteer, group.course)
    anonymise_account(learner)
    rows, skipped = completions(group.course, timezone.localdate())
    assert rows == []
    assert {s.name for s in skipped} == {"Vera"}
