"""Personas and builders shared by every test.

alice-like personas: a learner, a trainer, a manager, and an outsider from another
organisation who must never see the others' things.
"""

import importlib
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from people import roles
from people.models import Organisation, Profile, Role, Team
from scenarios.graph import clear_revision_cache
from scenarios.interop import import_scenario
from tests.builders import build_library

PASSWORD = "een-goed-wachtwoord-42"


@pytest.fixture(autouse=True)
def _fresh_cache_and_dutch():
    """Start each test with an empty cache (rate limits) and Dutch as active language."""
    translation.activate("nl")
    cache.clear()
    yield
    cache.clear()


DATA_MIGRATIONS = [
    ("people.migrations.0002_trainer_group", "create_trainer_group"),
    ("scenarios.migrations.0002_principles_and_trainer_rights", "seed_principles"),
    ("scenarios.migrations.0002_principles_and_trainer_rights", "grant_trainer_rights"),
    ("courses.migrations.0002_trainers_manage_cohorts", "grant_cohort_rights"),
    ("courses.migrations.0006_staff_roles_least_privilege", "grant_staff_roles"),
    ("home.migrations.0002_replace_wagtail_welcome_page", "convert_default_root"),
    ("home.migrations.0003_site_name", "name_the_site"),
    ("accreditation.migrations.0002_staff_rights", "grant_accreditation_rights"),
]


@pytest.fixture
def migrated_db(transactional_db):
    """A transactional database that holds what migrations created (pages, groups, principles).

    A transactional test empties the database when it ends. Django's serialized rollback
    cannot bring it back here: once Playwright's event loop runs in this thread, Django hands
    out fresh connection objects without the copy it kept. So the data is made again.
    """
    from django.apps import apps
    from django.conf import settings
    from wagtail.models import Locale, Site

    if Page.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = Page.add_root(instance=Page(title="Root", slug="root", locale=locale))
    home = root.add_child(instance=Page(title="Kantelwerk", slug="home", locale=locale))
    Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
    for module, function in DATA_MIGRATIONS:
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def make_user(db):
    def make(
        email: str,
        *,
        role: str = Role.PROFESSIONAL,
        organisation: Organisation | None = None,
        teams=(),
        manages=(),
        trainer: bool = False,
        groups=(),
        superuser: bool = False,
        name: str = "",
    ):
        user = get_user_model().objects.create_user(
            username=email.split("@")[0],
            email=email,
            password=PASSWORD,
            is_staff=superuser,
            is_superuser=superuser,
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        profile = Profile.objects.get(user=user)
        profile.display_name = name or email.split("@")[0].capitalize()
        profile.role = role
        profile.organisation = organisation
        profile.save()
        profile.teams.set(teams)
        profile.managed_teams.set(manages)
        for group in (roles.TRAINERS,) * trainer + tuple(groups):
            roles.add_to_group(user, group)
        if roles.ORGANISATION_ADMINS in groups and organisation is not None:
            organisation.administrators.add(user)  # which organisation they look after
        return user

    return make


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Welzijn Testdorp", kind=Organisation.Kind.WELFARE)


@pytest.fixture
def other_organisation(db):
    return Organisation.objects.create(name="Gemeente Elders", kind=Organisation.Kind.MUNICIPALITY)


@pytest.fixture
def team(organisation):
    return Team.objects.create(organisation=organisation, name="Sociaal Wijkteam Noord")


@pytest.fixture
def learner(make_user, organisation, team):
    return make_user("alice@example.nl", organisation=organisation, teams=[team], name="Alice")


@pytest.fixture
def volunteer(make_user, organisation, team):
    return make_user(
        "vera@example.nl", role=Role.VOLUNTEER, organisation=organisation, teams=[team], name="Vera"
    )


@pytest.fixture
def trainer(make_user, organisation):
    return make_user("tom@example.nl", organisation=organisation, trainer=True, name="Tom")


@pytest.fixture
def manager(make_user, organisation, team):
    return make_user("bob@example.nl", organisation=organisation, manages=[team], name="Bob")


@pytest.fixture
def outsider(make_user, other_organisation):
    return make_user("charlie@example.nl", organisation=other_organisation, name="Charlie")


@pytest.fixture
def admin_user(make_user, organisation):
    return make_user("admin@example.nl", organisation=organisation, superuser=True, name="Beheer")


DEMO_SCENARIOS = Path(__file__).resolve().parents[1] / "demo" / "content" / "scenarios"


@pytest.fixture
def scenario_index(db):
    """A published scenario library under the site's home page."""
    clear_revision_cache()
    return build_library()


@pytest.fixture
def library(scenario_index):
    """The scenario library, for tests that publish their own scenario documents."""
    return scenario_index


@pytest.fixture
def published_scenario(scenario_index):
    """The demo scenario "Dagbesteding voor Mark", imported and published."""
    data = (DEMO_SCENARIOS / "dagbesteding-mark.json").read_bytes()
    return import_scenario(data, scenario_index, publish=True).page
