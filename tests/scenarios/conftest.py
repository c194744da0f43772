"""Scenario fixtures: a scenario library in the site tree and a published demo scenario."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission
from wagtail.models import Page

from scenarios import interop
from scenarios.models import ScenarioIndexPage

DEMO_DIR = Path(__file__).resolve().parents[2] / "scenarios" / "demo"


def demo_bytes(name: str = "dagbesteding-mark.json") -> bytes:
    return (DEMO_DIR / name).read_bytes()


@pytest.fixture
def scenario_index(db):
    """A scenario library under the site's home page."""
    home = Page.objects.get(depth=2)
    index = ScenarioIndexPage(title="Scenario's", slug="scenarios-test")
    home.add_child(instance=index)
    index.save_revision().publish()
    return index


@pytest.fixture
def published_scenario(scenario_index):
    """The demo scenario "Dagbesteding voor Mark", imported and published."""
    return interop.import_scenario(demo_bytes(), scenario_index, publish=True).page


@pytest.fixture
def admin_only(make_user):
    """A user who may enter the admin but edit no page: not a trainer."""
    user = make_user("dirk@example.nl", name="Dirk")
    group = Group.objects.create(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user
