from django.core.management.base import BaseCommand

from people.demo import DEMO_PASSWORD, load_people
from scenarios.demo_loader import load_scenarios


class Command(BaseCommand):
    help = "Load the demo town, its people and courses. Safe to run again: it changes nothing."

    def handle(self, *args, **options):
        accounts = load_people()
        scenarios = load_scenarios()
        self.stdout.write(self.style.SUCCESS("Demo loaded. Log in at http://127.0.0.1:8000/"))
        self.stdout.write(f"{len(scenarios)} demo scenarios in the library.")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        for account in accounts:
            self.stdout.write(f"  {account.kind:<26} {account.email}")
