from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext, ngettext

from scenarios import interop
from scenarios.advice_messages import advice_message
from scenarios.engine import advise


class Command(BaseCommand):
    help = "Check a scenario file (JSON exchange format) against this platform's rules."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The scenario file to check.")

    def handle(self, *args, **options):
        try:
            raw = interop.read_file(options["file"])
        except OSError as error:
            raise CommandError(interop.unreadable_message(options["file"], error)) from None
        scenario, problems = interop.check_file(raw)
        if problems or scenario is None:
            for problem in problems:
                self.stdout.write(interop.problem_line(problem))
            self.write_advice(scenario)
            raise CommandError(
                ngettext(
                    "The scenario is not valid: %(count)s problem.",
                    "The scenario is not valid: %(count)s problems.",
                    len(problems),
                )
                % {"count": len(problems)},
                returncode=1,
            )
        count = len(scenario.nodes)
        self.stdout.write(
            self.style.SUCCESS(
                ngettext(
                    "Valid scenario: %(title)s (%(count)s step)",
                    "Valid scenario: %(title)s (%(count)s steps)",
                    count,
                )
                % {"title": scenario.title, "count": count}
            )
        )
        self.write_advice(scenario)

    def write_advice(self, scenario):
        """The authoring advice after the verdict: it never makes a file invalid."""
        advice = advise(scenario) if scenario is not None else []
        if advice:
            self.stdout.write(gettext("Advice about the score (the file stays valid):"))
            for item in advice:
                self.stdout.write("- " + advice_message(item))
