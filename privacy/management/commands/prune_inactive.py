from django.core.management.base import BaseCommand, CommandError

from privacy.personal_data import anonymise_account, inactive_accounts


class Command(BaseCommand):
    help = (
        "Anonymise accounts that have not logged in for N years: reflections are deleted, "
        "names and emails erased, attempts kept without a name."
    )

    def add_arguments(self, parser):
        parser.add_argument("--years", type=int, required=True, help="Years without a login.")
        parser.add_argument("--dry-run", action="store_true", help="Only count, change nothing.")

    def handle(self, *args, years, dry_run, **options):
        if years < 1:
            raise CommandError("--years must be 1 or more.")
        accounts = list(inactive_accounts(years))
        if dry_run:
            self.stdout.write(f"{len(accounts)} accounts would be anonymised.")
            return
        for user in accounts:
            anonymise_account(user)
        self.stdout.write(self.style.SUCCESS(f"{len(accounts)} accounts anonymised."))
