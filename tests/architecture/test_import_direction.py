"""Imports point one way: dashboards → courses → scenarios → scenarios' engine; any app may
use people, and no app imports the project package (site/kantelwerk). Accreditation sits on
top of courses and no app imports it (privacy reaches it through Wagtail hooks).

Read from the source with ``ast``, so a new import anywhere in an app is checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = ["people", "scenarios", "courses", "dashboards", "home", "demo", "privacy", "accreditation"]
# What each app may import from the project's other apps.
ALLOWED = {
    "people": set(),
    "scenarios": {"people"},
    "courses": {"people", "scenarios"},
    "dashboards": {"people", "scenarios", "courses"},
    "home": {"people", "scenarios", "courses"},
    "privacy": {"people", "scenarios", "courses", "dashboards"},
    "demo": {"people", "scenarios", "courses", "dashboards", "privacy"},
    # The one exception in its sources: wagtail_hooks registers with privacy's hook names.
    "accreditation": {"people", "scenarios", "courses", "privacy"},
}
ENGINE = ["scenarios/engine.py", "scenarios/format_checks.py", "scenarios/radar.py"]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
    return found


def sources(app: str) -> list[Path]:
    return [p for p in (ROOT / app).rglob("*.py") if "migrations" not in p.parts]


@pytest.mark.parametrize("app", [app for app in APPS if (ROOT / app).is_dir()])
def test_an_app_imports_only_the_apps_below_it(app):
    others = set(APPS) - {app}
    wrong = []
    for path in sources(app):
        for module in imported_modules(path):
            top = module.split(".")[0]
            if top == "kantelwerk" or (top in others and top not in ALLOWED[app]):
                wrong.append(f"{path.relative_to(ROOT)} imports {module}")
    assert wrong == []


@pytest.mark.parametrize("name", ENGINE)
def test_the_engine_imports_no_django(name):
    modules = imported_modules(ROOT / name)
    assert not {
        m for m in modules if m.split(".")[0] in {"django", "wagtail"} | set(APPS) - {"scenarios"}
    }
    assert not {
        m
        for m in modules
        if m.startswith("scenarios.") and m.split(".")[1] not in {"engine", "format_checks"}
    }


@pytest.mark.parametrize("app", [app for app in APPS if (ROOT / app / "apps.py").is_file()])
def test_ready_imports_nothing_only_for_its_side_effects(app):
    """Signals are connected by name in ``ready()``, not by importing a module that does it."""
    tree = ast.parse((ROOT / app / "apps.py").read_text(encoding="utf-8"))
    for function in ast.walk(tree):
        if not (isinstance(function, ast.FunctionDef) and function.name == "ready"):
            continue
        imported = {
            (alias.asname or alias.name).split(".")[0]
            for node in ast.walk(function)
            if isinstance(node, ast.Import | ast.ImportFrom)
            for alias in node.names
        }
        used = {node.id for node in ast.walk(function) if isinstance(node, ast.Name)}
        assert imported <= used, (
            f"{app}/apps.py imports {sorted(imported - used)} and never uses it"
        )
