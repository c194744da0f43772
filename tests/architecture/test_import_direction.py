"""Imports point one way: dashboards → courses → scenarios → scenarios' engine; any app may
use people, and no app imports the project package (site/kantelwerk). The demo app may use
every app, and nothing imports it: no app, nor the project package. Live sessions and
accreditation sit on top of courses; no app but the demo imports them (privacy reaches them
through the Wagtail hooks in people/hooks.py).

Read from the source with ``ast``, so a new import anywhere in an app is checked.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
APPS = [
    "people",
    "scenarios",
    "courses",
    "dashboards",
    "home",
    "demo",
    "privacy",
    "live",
    "accreditation",
]
# What each app may import from the project's other apps.
ALLOWED = {
    "people": set(),
    "scenarios": {"people"},
    "courses": {"people", "scenarios"},
    "dashboards": {"people", "scenarios", "courses"},
    "home": {"people", "scenarios", "courses"},
    "privacy": {"people", "scenarios", "courses", "dashboards"},
    "demo": {"people", "scenarios", "courses", "dashboards", "privacy", "live", "accreditation"},
    # Live sessions and accreditation sit on top of courses; nothing imports them but the
    # demo and the project's urls: they plug into courses and privacy through Wagtail hooks.
    "live": {"people", "scenarios", "courses"},
    "accreditation": {"people", "scenarios", "courses"},
}
ENGINE = [
    *(str(p.relative_to(ROOT)) for p in sorted((ROOT / "scenarios" / "engine").glob("*.py"))),
    "scenarios/radar.py",
]


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


def test_every_app_is_checked():
    apps = {path.parent.name for path in ROOT.glob("*/apps.py")}
    assert apps == set(APPS)


def test_nothing_but_the_demo_imports_the_demo():
    outside = [p for app in set(APPS) - {"demo"} for p in sources(app)]
    outside += list((ROOT / "site" / "kantelwerk").rglob("*.py"))
    wrong = [
        f"{path.relative_to(ROOT)} imports {module}"
        for path in outside
        for module in imported_modules(path)
        if module.split(".")[0] == "demo"
    ]
    assert wrong == []


def test_the_engine_is_a_package_of_several_modules():
    """Guards the list above: a renamed folder must not leave the next test with nothing to read."""
    assert {"__init__.py", "problems.py", "format_checks.py", "graph_rules.py"} <= {
        Path(name).name for name in ENGINE
    }


@pytest.mark.parametrize("name", ENGINE)
def test_the_engine_imports_no_django(name):
    path = ROOT / name
    modules = imported_modules(path)
    assert not {
        m for m in modules if m.split(".")[0] in {"django", "wagtail"} | set(APPS) - {"scenarios"}
    }
    assert not {m for m in modules if m.startswith("scenarios.") and m.split(".")[1] != "engine"}
    # A relative import may reach a sibling in the engine, never the app around it.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside = path.parent.name == "engine"
    escaping = [
        node.module
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom) and node.level > (1 if inside else 0)
    ]
    assert escaping == []


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
