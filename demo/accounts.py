"""Demo organisations, teams and accounts: a small Dutch town, one account per kind of user."""

from dataclasses import dataclass
from pathlib import Path

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from wagtail.images import get_image_model

from people import roles
from people.models import Organisation, Profile, Role, Team

DEMO_PASSWORD = "kantelwerk-demo"  # noqa: S105 — published on purpose, demo only

# The town's own house style (people/theme.py): its people see the site in its colour.
HOUSE_COLOURS = {"Gemeente Maaswijk": "#7a1f3d"}
HOUSE_LOGOS = {"Gemeente Maaswijk": "gemeente-maaswijk.svg"}
LOGOS = Path(__file__).parent / "content" / "logos"
ORGANISATIONS = [
    ("Gemeente Maaswijk", Organisation.Kind.MUNICIPALITY),
    ("Welzijn Maaswijk", Organisation.Kind.WELFARE),
    ("Zorggroep De Linde", Organisation.Kind.CARE),
    ("Vrijwilligerscentrale Maaswijk", Organisation.Kind.VOLUNTEERS),
]
TEAMS = [
    ("Welzijn Maaswijk", "Sociaal Wijkteam Hatert"),
    ("Welzijn Maaswijk", "Sociaal Wijkteam Dukenburg"),
]


@dataclass(frozen=True)
class DemoAccount:
    email: str
    name: str
    kind: str
    role: str = ""
    discipline: str = ""
    organisation: str = ""
    teams: tuple[str, ...] = ()
    manages: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    superuser: bool = False


ACCOUNTS = [
    DemoAccount(
        "jeroen@demo.kantelwerk.nl",
        "Jeroen de Vries",
        "learner (professional)",
        Role.PROFESSIONAL,
        "wijkverpleegkundige",
        "Zorggroep De Linde",
        ("Sociaal Wijkteam Hatert",),
    ),
    DemoAccount(
        "fatima@demo.kantelwerk.nl",
        "Fatima Amrani",
        "learner (volunteer)",
        Role.VOLUNTEER,
        "maatje",
        "Vrijwilligerscentrale Maaswijk",
        ("Sociaal Wijkteam Hatert",),
    ),
    DemoAccount(
        "mirjam@demo.kantelwerk.nl",
        "Mirjam Bakker",
        "learner (civil servant)",
        Role.CIVIL_SERVANT,
        "Wmo-consulent",
        "Gemeente Maaswijk",
    ),
    DemoAccount(
        "karin@demo.kantelwerk.nl",
        "Karin Jansen",
        "trainer",
        Role.PROFESSIONAL,
        "trainer",
        "Welzijn Maaswijk",
        groups=(roles.TRAINERS,),
    ),
    DemoAccount(
        "inhoud@demo.kantelwerk.nl",
        "Lotte van Dijk",
        "content lead",
        Role.PROFESSIONAL,
        "inhoudelijk beheerder",
        "Welzijn Maaswijk",
        groups=(roles.CONTENT_LEADS,),
    ),
    DemoAccount(
        "ahmed@demo.kantelwerk.nl",
        "Ahmed Yilmaz",
        "manager",
        Role.PROFESSIONAL,
        "teamleider",
        "Welzijn Maaswijk",
        manages=("Sociaal Wijkteam Hatert", "Sociaal Wijkteam Dukenburg"),
    ),
    DemoAccount(
        "fb@demo.kantelwerk.nl",
        "Sanne de Groot",
        "organisation administrator",
        organisation="Welzijn Maaswijk",
        groups=(roles.ORGANISATION_ADMINS,),
    ),
    DemoAccount(
        "beheer@demo.kantelwerk.nl",
        "Beheerder Maaswijk",
        "platform administrator",
        organisation="Gemeente Maaswijk",
        superuser=True,
    ),
]


@transaction.atomic
def load_people() -> list[DemoAccount]:
    """Create the demo organisations, teams and accounts; change nothing that exists."""
    organisations = {
        name: Organisation.objects.get_or_create(name=name, defaults={"kind": kind})[0]
        for name, kind in ORGANISATIONS
    }
    for name, colour in HOUSE_COLOURS.items():
        Organisation.objects.filter(name=name, brand_colour="").update(brand_colour=colour)
    for name, file_name in HOUSE_LOGOS.items():
        _give_logo(organisations[name], file_name)
    teams = {
        name: Team.objects.get_or_create(organisation=organisations[org], name=name)[0]
        for org, name in TEAMS
    }
    for account in ACCOUNTS:
        _ensure_account(account, organisations, teams)
    return ACCOUNTS


def _give_logo(organisation: Organisation, file_name: str) -> None:
    """Upload the logo into the organisation's own collection, as its administrator would."""
    if organisation.logo_id is not None:
        return
    organisation.refresh_from_db()  # its image collection was made when it was created
    image = get_image_model()(
        title=f"Logo {organisation.name}",
        file=ContentFile((LOGOS / file_name).read_bytes(), name=file_name),
        collection=organisation.image_collection,
    )
    image._set_image_file_metadata()
    image.save()
    organisation.logo = image
    organisation.save(update_fields=["logo"])


def _ensure_account(account: DemoAccount, organisations, teams) -> None:
    User = get_user_model()
    user, created = User.objects.get_or_create(
        email=account.email,
        defaults={
            "username": account.email.split("@")[0],
            "is_staff": account.superuser,
            "is_superuser": account.superuser,
        },
    )
    if not created:
        return
    user.set_password(DEMO_PASSWORD)
    user.first_name, _, user.last_name = account.name.partition(" ")
    user.save()
    EmailAddress.objects.get_or_create(
        user=user, email=account.email, defaults={"verified": True, "primary": True}
    )
    for group in account.groups:
        roles.add_to_group(user, group)
    profile, _ = Profile.objects.get_or_create(user=user)
    profile.display_name = account.name
    profile.role = account.role
    profile.discipline = account.discipline
    profile.organisation = organisations.get(account.organisation)
    profile.save()
    profile.teams.set([teams[name] for name in account.teams])
    profile.managed_teams.set([teams[name] for name in account.manages])
    if roles.ORGANISATION_ADMINS in account.groups and profile.organisation is not None:
        profile.organisation.administrators.add(user)
