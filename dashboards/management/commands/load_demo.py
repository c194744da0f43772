from django.core.management.base import BaseCommand

from dashboards.demo import load_demo_course
from dashboards.demo.people import PEOPLE
from live.demo import load_live_session
from people.demo import DEMO_PASSWORD, load_people
from scenarios.demo_loader import load_scenarios

BASE_URL = "http://127.0.0.1:8000"


class Command(BaseCommand):
    help = "Load the demo town, its people and courses. Safe to run again: it changes nothing."

    def handle(self, *args, **options):
        accounts = load_people()
        scenarios = load_scenarios()
        course = load_demo_course(scenarios)
        load_live_session()
        self.stdout.write(self.style.SUCCESS(f"Demo loaded. Log in at {BASE_URL}/"))
        self.stdout.write(f"{len(scenarios)} demo scenarios in the library.")
        self.stdout.write(f"Course: {BASE_URL}{course.url}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        for account in accounts:
            self.stdout.write(f"  {account.kind:<26} {account.email}")
        self.stdout.write(f"  and {len(PEOPLE)} more people of Maaswijk, such as {PEOPLE[0].email}")
