from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page

from scenarios import interop


class Command(BaseCommand):
    help = "Import a scenario file (JSON exchange format) as a page under a scenario library."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="The scenario file to import.")
        parser.add_argument(
            "--parent", type=int, required=True, help="The id of the scenario library page."
        )
        parser.add_argument(
            "--publish", action="store_true", help="Publish it at once instead of as a draft."
        )

    def handle(self, *args, **options):
        try:
            raw = interop.read_file(options["file"])
        except OSError as error:
            raise CommandError(interop.unreadable_message(options["file"], error)) from None
        parent = Page.objects.filter(pk=options["parent"]).first()
        if parent is None:
            raise CommandError(_("There is no page with id %(id)s.") % {"id": options["parent"]})
        try:
            imported = interop.import_scenario(raw, parent.specific, publish=options["publish"])
        except interop.ImportRefused as refused:
            lines = [interop.problem_line(problem) for problem in refused.problems]
            raise CommandError("\n".join([_("The scenario was not imported:"), *lines])) from None
        page = imported.page
        self.stdout.write(str(page.pk))
        if imported.published and page.full_url:
            self.stdout.write(page.full_url)
        edit_path = reverse("wagtailadmin_pages:edit", args=[page.pk])
        self.stdout.write(settings.WAGTAILADMIN_BASE_URL.rstrip("/") + edit_path)
