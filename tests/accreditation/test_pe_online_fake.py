"""The fake PE-online: it judges each row as the service documents, and only the development
server serves it; production sends through the database task backend to a configured address."""

import json
import os
import subprocess
import sys
from pathlib import Path

from django.test import RequestFactory

from accreditation.fake_pe_online import judge, process_xml
from accreditation.pe_online_answer import Sent, read_answer

ROOT = Path(__file__).resolve().parents[2]
ENTRY = (ROOT / "accreditation" / "schemas" / "entry-example.xml").read_text()
SENT = [Sent("9471", "39054148101"), Sent("8001", "39054148101"), Sent("8001", "59059671101")]
UNKNOWN_ENTRY = ENTRY.replace("59059671101", "19087654321").replace(
    '<?xml version="1.0" standalone="yes"?>', ""
)


def test_the_fake_judges_each_row_and_names_its_line():
    answer = read_answer(judge(UNKNOWN_ENTRY), [*SENT[:2], Sent("8001", "19087654321")])
    assert answer.accepted == [0, 1]
    assert answer.rejected[2].error_number == "102"
    assert "op regel 4 is niet bekend" in answer.rejected[2].message
    assert judge("geen xml") is None and judge("<Summary/>") is None


def test_the_dev_view_answers_a_form_post():
    factory = RequestFactory()
    ok = process_xml(factory.post("/", {"sXML": UNKNOWN_ENTRY}))
    assert ok.status_code == 200 and b"<Summary>" in ok.content
    assert process_xml(factory.post("/", {"sXML": "rommel"})).status_code == 400
    assert process_xml(factory.get("/")).status_code == 405


PROBE = (
    "import json; from django.conf import settings; from django.urls import reverse, "
    "NoReverseMatch\ntry:\n    reverse('fake-pe-online'); fake = True\n"
    "except NoReverseMatch:\n    fake = False\n"
    "print(json.dumps({'fake_url': fake, 'fake': settings.PE_ONLINE_FAKE, "
    "'tasks': settings.TASKS['default']['BACKEND'], 'endpoint': settings.PE_ONLINE_ENDPOINT}))"
)


def _probe(module: str) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PE_ONLINE_"))}
    env.update(
        DJANGO_SETTINGS_MODULE=module,
        SECRET_KEY="x7Qp-2vLk9_Zr4mTa8WcYb3NdFh6JsGu1EoRiKlPqXwVzAyBnCmD5e0",
        ALLOWED_HOSTS="kantelwerk.example.nl",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", PROBE],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_never_serves_the_fake_and_uses_the_database_backend():
    production = _probe("kantelwerk.settings.production")
    assert production == {
        "fake_url": False,
        "fake": False,
        "tasks": "django_tasks_db.DatabaseBackend",
        "endpoint": "",
    }


def test_make_run_serves_the_fake_and_runs_tasks_at_once():
    dev = _probe("kantelwerk.settings.dev")
    assert dev["fake_url"] and dev["fake"]
    assert dev["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"
    assert dev["endpoint"].endswith(
        "/dev/pe-online/pe-services/pe-attendanceelearning/WriteAttendance.asmx/ProcessXML"
    )
