"""The load data builds on a course and two scenarios, made as the dashboards' tests make them."""

from tests.dashboards.conftest import course, second_scenario  # noqa: F401
