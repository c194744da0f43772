"""Import and export of the scenario exchange format (shared/scenario-format.md)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext

from . import engine
from .engine import Problem, Scenario
from .graph import check_page, page_fields, scenario_from_page
from .models import Principle, ScenarioPage
from .problem_messages import message


class ImportRefused(Exception):
    """The file is not a valid scenario; ``problems`` says why (see problem_messages)."""

    def __init__(self, problems: list[Problem]):
        super().__init__("; ".join(problem.code for problem in problems))
        self.problems = problems


@dataclass(frozen=True)
class Imported:
    page: ScenarioPage
    published: bool


def known_principles() -> set[str]:
    return set(Principle.objects.values_list("slug", flat=True))


def check_file(raw: bytes | str) -> tuple[Scenario | None, list[Problem]]:
    """Parse and validate a scenario file against the platform's principles."""
    return engine.load_json(raw, known_principles())


def import_scenario(
    raw: bytes | str, parent, *, user=None, publish: bool = False, slug: str = ""
) -> Imported:
    """Create a ScenarioPage under ``parent`` from a file: a draft unless ``publish``.

    The page's slug is ``slug`` when given and free, else one made from the title.

    Nothing is created when the file is invalid: ImportRefused lists every problem.
    Reading and checking the file happen before the write transaction opens: on SQLite that
    transaction holds the one write lock, which every learner's step waits for.
    """
    scenario, problems = check_file(raw)
    if problems or scenario is None:
        raise ImportRefused(problems)
    if not parent.specific_class or "scenarios.scenariopage" not in _allowed_children(parent):
        raise ImportRefused([Problem("cannot_be_placed_here")])
    page = ScenarioPage(
        live=False,
        owner=user,  # the importer owns it, as Wagtail's editor makes the author the owner
        **page_fields(scenario),
    )
    page.principles.set(list(Principle.objects.filter(slug__in=scenario.principles)))
    with transaction.atomic():
        page.slug = _free_slug(parent, slug or scenario.title)
        parent.add_child(instance=page)
        revision = page.save_revision(user=user, log_action=True)
        if publish:
            revision.publish(user=user)
            page.refresh_from_db()
    return Imported(page=page, published=publish)


def _allowed_children(parent) -> set[str]:
    return {model._meta.label_lower for model in parent.specific_class.creatable_subpage_models()}


def _free_slug(parent, title: str) -> str:
    base = slugify(title)[:60] or "scenario"
    taken = set(parent.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def export_document(page: ScenarioPage) -> dict:
    """Return the exchange-format document of the page's latest revision."""
    return engine.to_document(scenario_from_page(page.get_latest_revision_as_object()))


def export_json(page: ScenarioPage) -> str:
    return json.dumps(export_document(page), ensure_ascii=False, indent=2) + "\n"


def problem_line(problem: Problem) -> str:
    """The problem as a sentence in the active language; it names its own step and choice."""
    return message(problem)


def page_advice(page) -> list[engine.Advice]:
    """The authoring advice for a ScenarioPage (or a revision): it never blocks publishing."""
    return engine.advise(scenario_from_page(page))


def page_problems(page) -> list[Problem]:
    """Check a ScenarioPage (or one of its revisions) against the platform's principles."""
    return check_page(page, known_principles())


def read_file(path) -> bytes:
    """Read a scenario file from disk, no more than the format's limit plus one byte.

    Reading one byte too many lets the check say the file is too large, without reading
    a huge file into memory. Raises OSError when the file cannot be read.
    """
    with open(path, "rb") as handle:
        return handle.read(engine.MAX_FILE_BYTES + 1)


def unreadable_message(path, error: OSError) -> str:
    return gettext("The file %(path)s cannot be read: %(error)s") % {
        "path": path,
        "error": error.strerror or error,
    }
