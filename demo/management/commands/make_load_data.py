from django.core.management.base import BaseCommand, CommandError

from demo.load_data import PASSWORD, AlreadyLoaded, build_load_data


class Command(BaseCommand):
    help = (
        "Build a large synthetic organisation (Gemeente Groot-Maaswijk) for measuring the "
        "dashboards: teams of about 200, learners, learning groups, lessons and attempts."
    )

    def add_arguments(self, parser):
        parser.add_argument("--learners", type=int, required=True)
        parser.add_argument("--attempts-per-learner", type=int, default=5)
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--replace", action="store_true", help="Delete the organisation first if it exists."
        )

    def handle(self, *args, learners, attempts_per_learner, seed, replace, **options):
        if learners < 1 or learners > 100_000 or attempts_per_learner < 0:
            raise CommandError("Use 1 to 100,000 learners and 0 or more attempts per learner.")
        try:
            summary = build_load_data(
                learners,
                attempts_per_learner,
                seed=seed,
                replace=replace,
                progress=lambda message: self.stdout.write(f"  {message}"),
            )
        except AlreadyLoaded as error:
            raise CommandError(
                f"{error} already exists. Run again with --replace to build it anew."
            ) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"{summary.organisation}: {summary.teams} teams, {summary.learners} learners, "
                f"{summary.cohorts} learning groups, {summary.lesson_progress} lessons done, "
                f"{summary.attempts} finished attempts."
            )
        )
        self.stdout.write(f"Manager: {summary.manager_email} (password {PASSWORD})")
        self.stdout.write(f"Trainer: {summary.trainer_email} (password {PASSWORD})")
