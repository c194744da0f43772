from django.conf import settings
from django.core.management.base import BaseCommand

from demo.accounts import DEMO_PASSWORD
from demo.learners import PEOPLE
from demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo town, its people and courses. Safe to run again: it changes nothing."

    def handle(self, *args, **options):
        demo = load_demo()
        # `make run PORT=…` sets the address the server will answer on.
        base_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/")
        self.stdout.write(self.style.SUCCESS(f"Demo loaded. Log in at {base_url}/"))
        self.stdout.write(f"{len(demo.scenarios)} demo scenarios in the library.")
        self.stdout.write(f"Course: {base_url}{demo.course.url}")
        self.stdout.write(f"Password for every demo account: {DEMO_PASSWORD}")
        for account in demo.accounts:
            self.stdout.write(f"  {account.kind:<26} {account.email}")
        self.stdout.write(f"  and {len(PEOPLE)} more people of Maaswijk, such as {PEOPLE[0].email}")
