"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

Without Chromium they skip with a reason, unless REQUIRE_BROWSER=1 (set in CI), where a
missing browser is an error: browser tests must not silently skip there.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
WCAG_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

# Playwright's sync API runs an event loop in this thread; the ORM calls in fixtures are
# still synchronous, so Django's async-safety guard must stand aside for these tests.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(f"REQUIRE_BROWSER=1 but Chromium is not at {CHROMIUM}")
        pytest.skip(f"Chromium not found at {CHROMIUM}; install Debian's chromium to run")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(viewport={"width": 375, "height": 800}, locale="nl-NL")
    page = context.new_page()
    yield page
    context.close()


def serious_violations(page) -> list[str]:
    """Run axe-core (packaged, nothing fetched) and return serious or critical WCAG issues."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options=WCAG_AA)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']}"
        for violation in results.response["violations"]
        if violation["impact"] in {"serious", "critical"}
    ]


def screenshot(page, name: str) -> None:
    """Save a full-page screenshot in test-artifacts/ for a person to look at."""
    ARTIFACTS.mkdir(exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(ARTIFACTS / f"{name}-{width}.png"), full_page=True)


def log_in(page, base: str, email: str, password: str | None = None) -> None:
    """Log in through the site's own login form (a demo account unless a password is given)."""
    from demo.accounts import DEMO_PASSWORD

    page.goto(base + "/account/login/")
    page.get_by_label("E-mail").fill(email)
    page.get_by_label("Wachtwoord").fill(password or DEMO_PASSWORD)
    page.get_by_role("button", name="Inloggen").click()
