import pytest
from django.core.management import call_command

from demo.accounts import DEMO_PASSWORD
from tests.e2e.conftest import screenshot, serious_violations

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(migrated_db):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_learner_switches_language_logs_in_and_out(page, live_server, demo):
    page.goto(live_server.url + "/")
    assert page.locator("html").get_attribute("lang") == "nl"
    assert page.get_by_role("heading", level=1).inner_text().startswith("Samen leren")
    screenshot(page, "home")

    page.get_by_role("link", name="English").click()
    assert page.locator("html").get_attribute("lang") == "en"
    assert "Learning together" in page.get_by_role("heading", level=1).inner_text()
    page.get_by_role("link", name="Nederlands").click()
    assert page.locator("html").get_attribute("lang") == "nl"

    page.get_by_role("navigation").get_by_role("link", name="Inloggen").click()
    screenshot(page, "login")
    page.get_by_label("E-mail").fill("fatima@demo.kantelwerk.nl")
    page.get_by_label("Wachtwoord").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
    assert "Welkom terug, Fatima." in page.content()

    page.get_by_role("button", name="Uitloggen").click()
    page.goto(live_server.url + "/")
    assert page.get_by_role("navigation").get_by_role("link", name="Inloggen").is_visible()


@pytest.mark.parametrize("path", ["/", "/account/login/"])
def test_home_and_login_have_no_serious_accessibility_violations(
    page, phone_page, live_server, path, migrated_db
):
    for tab in (page, phone_page):
        tab.goto(live_server.url + path)
        assert serious_violations(tab) == []
    screenshot(phone_page, "phone" + path.replace("/", "-").rstrip("-"))
