"""The command-line check and import of scenario files."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from scenarios.models import ScenarioPage

from .conftest import DEMO_DIR, demo_bytes

DEMO_FILES = sorted(DEMO_DIR.glob("*.json"))


def run(*args) -> tuple[int, str, str]:
    out, err = StringIO(), StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), str(error)
    return 0, out.getvalue(), err.getvalue()


def test_there_are_demo_files():
    assert len(DEMO_FILES) >= 5


@pytest.mark.django_db
@pytest.mark.parametrize("path", DEMO_FILES, ids=lambda p: p.name)
def test_every_demo_file_passes_the_check(path):
    code, out, _err = run("scenario_check", str(path))
    assert code == 0, out
    title = json.loads(path.read_text(encoding="utf-8"))["title"]
    assert title in out


@pytest.mark.django_db
def test_a_broken_file_fails_the_check_naming_the_step(tmp_path):
    document = json.loads(demo_bytes())
    document["nodes"][1]["choices"][0]["target"] = "nergens"
    broken = tmp_path / "kapot.json"
    broken.write_text(json.dumps(document), encoding="utf-8")

    code, out, _err = run("scenario_check", str(broken))
    assert code == 1
    node = document["nodes"][1]["key"]
    choice = document["nodes"][1]["choices"][0]["key"]
    assert f"'{node}'" in out and f"'{choice}'" in out
    assert "'nergens', maar die stap bestaat niet" in out


@pytest.mark.django_db
def test_a_missing_file_is_a_clear_error(tmp_path):
    code, _out, err = run("scenario_check", str(tmp_path / "bestaat-niet.json"))
    assert code == 1
    assert "bestaat-niet.json" in err


@pytest.mark.django_db
def test_garbage_fails_the_check(tmp_path):
    garbage = tmp_path / "rommel.json"
    garbage.write_bytes(b"\xff\xfe\x00rommel")
    code, out, _err = run("scenario_check", str(garbage))
    assert code == 1
    assert "UTF-8" in out


def test_import_creates_a_draft_and_prints_its_id(scenario_index, tmp_path):
    path = DEMO_DIR / "dagbesteding-mark.json"
    code, out, _err = run("scenario_import", str(path), "--parent", str(scenario_index.pk))
    assert code == 0
    page = ScenarioPage.objects.get()
    lines = out.splitlines()
    assert lines[0] == str(page.pk)
    assert f"/admin/pages/{page.pk}/edit/" in out
    assert not page.live


def test_import_can_publish(scenario_index):
    path = DEMO_DIR / "huishoudelijke-hulp.json"
    code, out, _err = run(
        "scenario_import", str(path), "--parent", str(scenario_index.pk), "--publish"
    )
    assert code == 0
    page = ScenarioPage.objects.get()
    assert page.live
    assert page.full_url in out


def test_import_refuses_an_invalid_file_and_creates_nothing(scenario_index, tmp_path):
    document = json.loads(demo_bytes())
    document["principles"].append("vliegende-keep")
    path = tmp_path / "onbekend.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _out, err = run("scenario_import", str(path), "--parent", str(scenario_index.pk))
    assert code == 1
    assert "vliegende-keep" in err
    assert ScenarioPage.objects.count() == 0


def test_import_refuses_a_parent_that_cannot_hold_scenarios(scenario_index):
    path = DEMO_DIR / "dagbesteding-mark.json"
    home = scenario_index.get_parent()
    code, _out, err = run("scenario_import", str(path), "--parent", str(home.pk))
    assert code == 1
    assert "geen scenario" in err
    code, _out, err = run("scenario_import", str(path), "--parent", "999999")
    assert code == 1
    assert "999999" in err
    assert ScenarioPage.objects.count() == 0
