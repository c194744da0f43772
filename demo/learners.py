"""The learners of Maaswijk and their two learning groups (leergroepen)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group
from django.db import transaction
from django.utils import timezone

from courses.models import Cohort, CoursePage
from people import roles
from people.models import Organisation, Profile, Role, Team

from .accounts import DEMO_PASSWORD

GEMEENTE = "Gemeente Maaswijk"
WELZIJN = "Welzijn Maaswijk"
ZORG = "Zorggroep De Linde"
VRIJWILLIGERS = "Vrijwilligerscentrale Maaswijk"
HATERT = "Sociaal Wijkteam Hatert"
DUKENBURG = "Sociaal Wijkteam Dukenburg"

HATERT_COHORT = "Leergroep Hatert voorjaar"
DUKENBURG_COHORT = "Leergroep Dukenburg najaar"

# The learners and trainer that accounts.py already creates.
JEROEN = "jeroen@demo.kantelwerk.nl"
FATIMA = "fatima@demo.kantelwerk.nl"
MIRJAM = "mirjam@demo.kantelwerk.nl"
KARIN = "karin@demo.kantelwerk.nl"


@dataclass(frozen=True)
class Person:
    email: str
    name: str
    role: str
    discipline: str
    organisation: str
    team: str = ""
    shares_scores: bool = False
    trainer: bool = False


def _at(local: str) -> str:
    return f"{local}@demo.kantelwerk.nl"


P, V, C = Role.PROFESSIONAL, Role.VOLUNTEER, Role.CIVIL_SERVANT

PEOPLE = [
    Person(_at("sanne"), "Sanne Willems", P, "maatschappelijk werker", WELZIJN, HATERT, True),
    Person(_at("linda"), "Linda Hermans", P, "ouderenadviseur", WELZIJN, HATERT, True),
    Person(_at("bram"), "Bram Peters", P, "persoonlijk begeleider", ZORG, HATERT),
    Person(_at("kees"), "Kees Verhoeven", P, "casemanager dementie", ZORG),
    Person(_at("thomas"), "Thomas van den Berg", P, "opbouwwerker", WELZIJN, DUKENBURG, True),
    Person(_at("esra"), "Esra Kaya", P, "wijkverpleegkundige", ZORG, DUKENBURG),
    Person(_at("nadia"), "Nadia El Idrissi", P, "jongerenwerker", WELZIJN),
    Person(_at("henk"), "Henk Jacobs", V, "vrijwilliger thuisadministratie", VRIJWILLIGERS, HATERT),
    Person(_at("yvonne"), "Yvonne Kok", V, "vrijwilliger Alzheimer Café", VRIJWILLIGERS, HATERT),
    Person(_at("marieke"), "Marieke Smit", V, "maatje mantelzorg", VRIJWILLIGERS, DUKENBURG, True),
    Person(_at("gerard"), "Gerard Mulder", V, "klussendienst", VRIJWILLIGERS, DUKENBURG),
    Person(_at("dewi"), "Dewi Santoso", V, "taalmaatje", VRIJWILLIGERS),
    Person(_at("pieter"), "Pieter van Dijk", C, "Wmo-consulent", GEMEENTE, HATERT),
    Person(_at("ilse"), "Ilse de Graaf", C, "beleidsmedewerker sociaal domein", GEMEENTE),
    Person(_at("rachid"), "Rachid Bouzid", C, "klantmanager werk en inkomen", GEMEENTE, DUKENBURG),
    # The autumn group in Dukenburg, with its own trainer.
    Person(_at("joost"), "Joost Hendriks", P, "maatschappelijk werker", WELZIJN, DUKENBURG),
    Person(_at("anouk"), "Anouk Visser", P, "wijkverpleegkundige", ZORG, DUKENBURG),
    Person(_at("wendy"), "Wendy Bos", V, "vrijwilliger thuisadministratie", VRIJWILLIGERS),
    Person(_at("mohamed"), "Mohamed Azzouz", V, "vrijwilliger buurthuis", VRIJWILLIGERS),
    Person(_at("ria"), "Ria Dekker", C, "Wmo-consulent", GEMEENTE),
    Person(_at("hatice"), "Hatice Demir", C, "medewerker Toegang", GEMEENTE),
    Person(_at("erik"), "Erik Schouten", P, "trainer", WELZIJN, trainer=True),
]
ERIK = _at("erik")

HATERT_PARTICIPANTS = [
    JEROEN,
    FATIMA,
    MIRJAM,
    *(_at(n) for n in ("sanne", "linda", "bram", "kees", "thomas", "esra", "nadia")),
    *(_at(n) for n in ("henk", "yvonne", "marieke", "gerard", "dewi")),
    *(_at(n) for n in ("pieter", "ilse", "rachid")),
]
DUKENBURG_PARTICIPANTS = [_at(n) for n in ("joost", "anouk", "wendy", "mohamed", "ria", "hatice")]


@dataclass(frozen=True)
class CohortPlan:
    name: str
    trainer: str
    participants: list[str]
    started_days_ago: int
    ends_in_days: int


COHORTS = [
    CohortPlan(HATERT_COHORT, KARIN, HATERT_PARTICIPANTS, 91, 63),
    CohortPlan(DUKENBURG_COHORT, ERIK, DUKENBURG_PARTICIPANTS, 49, 84),
]


@transaction.atomic
def load_learners() -> None:
    """Create the demo learners (and the second trainer) that do not exist yet."""
    User = get_user_model()
    existing = set(
        User.objects.filter(email__in=[p.email for p in PEOPLE]).values_list("email", flat=True)
    )
    missing = [person for person in PEOPLE if person.email not in existing]
    if not missing:
        return
    # One hash for all: hashing is slow on purpose, and these accounts share a password.
    password = make_password(DEMO_PASSWORD)
    organisations = {o.name: o for o in Organisation.objects.all()}
    teams = {t.name: t for t in Team.objects.all()}
    trainers = Group.objects.get(name=roles.TRAINERS)
    for person in missing:
        _create(User, person, password, organisations, teams, trainers)


def _create(User, person: Person, password: str, organisations, teams, trainers) -> None:
    user = User.objects.create(
        username=person.email.split("@")[0], email=person.email, password=password
    )
    EmailAddress.objects.create(user=user, email=person.email, verified=True, primary=True)
    if person.trainer:
        user.groups.add(trainers)
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.display_name = person.name
    profile.role = person.role
    profile.discipline = person.discipline
    profile.organisation = organisations[person.organisation]
    profile.share_scores_with_manager = person.shares_scores
    profile.save()
    if person.team:
        profile.teams.set([teams[person.team]])


@transaction.atomic
def load_cohorts(course: CoursePage, today: date | None = None) -> list[Cohort]:
    """Create both learning groups for the course once; return them, the larger one first."""
    today = today or timezone.localdate()
    User = get_user_model()
    cohorts = []
    for plan in COHORTS:
        cohort, created = Cohort.objects.get_or_create(
            name=plan.name,
            defaults={
                "course": course,
                "starts_on": today - timedelta(days=plan.started_days_ago),
                "ends_on": today + timedelta(days=plan.ends_in_days),
            },
        )
        if created:
            cohort.trainers.set(User.objects.filter(email=plan.trainer))
            # Everyone joined when the group started, before the three months of activity.
            joined = datetime.combine(cohort.starts_on, time(8, 0), tzinfo=UTC)
            cohort.participants.set(
                User.objects.filter(email__in=plan.participants),
                through_defaults={"joined_at": joined},
            )
        cohorts.append(cohort)
    return cohorts
