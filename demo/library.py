"""Put the demo scenarios (demo/content/scenarios/*.json) in a scenario library, published."""

from pathlib import Path

from django.db import transaction
from wagtail.models import Page, Site

from scenarios.interop import import_scenario
from scenarios.models import ScenarioIndexPage, ScenarioPage

SCENARIO_FILES = Path(__file__).resolve().parent / "content" / "scenarios"

# The demo scenarios by file name; lessons and the town's activity name them.
MARK = "dagbesteding-mark"
RIET = "huishoudelijke-hulp"
ANJA = "overbelaste-mantelzorger"
GERRIT = "doorgeschoven-casus"
HANS = "besluit-uitleggen"
DEMO_SCENARIOS = [MARK, RIET, ANJA, GERRIT, HANS]


def site_home() -> Page:
    """Return the default site's root page: where the demo's sections go."""
    return Site.objects.get(is_default_site=True).root_page.specific


@transaction.atomic
def load_scenarios() -> dict[str, ScenarioPage]:
    """Create the library and publish each demo scenario once; return them by file name."""
    home = site_home()
    library = ScenarioIndexPage.objects.child_of(home).first()
    if library is None:
        library = home.add_child(instance=ScenarioIndexPage(title="Scenario's", slug="scenarios"))
    loaded = {}
    for name in DEMO_SCENARIOS:
        page = ScenarioPage.objects.child_of(library).filter(slug=name).first()
        if page is None:
            raw = (SCENARIO_FILES / f"{name}.json").read_bytes()
            page = import_scenario(raw, library, publish=True, slug=name).page
        loaded[name] = page
    return loaded
