"""Ahmed, team leader: team overview, filter by role, growth, and the Excel export."""

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from people.models import Profile, Role
from tests.e2e.conftest import log_in, screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_the_manager_filters_opens_growth_and_downloads_excel(page, phone_page, live_server, demo):
    base = live_server.url
    log_in(page, base, "ahmed@demo.kantelwerk.nl")
    page.goto(base + "/team/")
    assert serious_violations(page) == []
    screenshot(page, "team-overview")

    page.select_option("#filter-role", Role.VOLUNTEER.value)
    page.locator("form.filters button[type=submit]").click()
    assert "role=volunteer" in page.url
    volunteers = set(
        Profile.objects.filter(
            role=Role.VOLUNTEER, teams__managers__user__email="ahmed@demo.kantelwerk.nl"
        ).values_list("display_name", flat=True)
    )
    assert volunteers
    table = page.locator("main table").first.inner_text()
    assert all(name in table for name in volunteers)
    assert "Jeroen de Vries" not in table

    with page.expect_download() as download:
        page.locator("a[href*='export.xlsx']").first.click()
    with open(download.value.path(), "rb") as downloaded:
        workbook = load_workbook(io.BytesIO(downloaded.read()))
    cells = {str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row}
    assert volunteers <= cells
    assert "Jeroen de Vries" not in cells

    page.goto(base + "/team/groei/")
    assert page.locator("svg[role=img]").count() >= 1
    assert page.locator("table").count() >= 2
    assert serious_violations(page) == []
    screenshot(page, "team-growth")

    log_in(phone_page, base, "ahmed@demo.kantelwerk.nl")
    for path, name in (("/team/", "team-overview"), ("/team/groei/", "team-growth")):
        phone_page.goto(base + path)
        assert serious_violations(phone_page) == []
        width = phone_page.evaluate("document.documentElement.scrollWidth")
        assert width <= 375, f"{path} is {width}px wide on a phone"
        cut_off = phone_page.evaluate(
            "[...document.querySelectorAll('.dashboard-table tbody :is(td, th)')]"
            ".filter(cell => cell.scrollWidth > cell.clientWidth + 1).map(cell => cell.innerText)"
        )
        assert cut_off == [], f"{path}: text runs out of a member's card on a phone"
        screenshot(phone_page, name)
