"""Scenario fixtures: the demo files and an admin user who may edit no page."""

from pathlib import Path

import pytest
from django.contrib.auth.models import Group, Permission

DEMO_DIR = Path(__file__).resolve().parents[2] / "demo" / "content" / "scenarios"


def demo_bytes(name: str = "dagbesteding-mark.json") -> bytes:
    return (DEMO_DIR / name).read_bytes()


@pytest.fixture
def admin_only(make_user):
    """A user who may enter the admin but edit no page: not a trainer."""
    user = make_user("dirk@example.nl", name="Dirk")
    group = Group.objects.create(name="Alleen admin")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user
