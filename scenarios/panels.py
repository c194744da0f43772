"""The editor's "check and map" panel: the scenario's problems and links to its map and file."""

from django.urls import reverse
from wagtail.admin.panels import Panel

MAX_SHOWN = 50


class ScenarioCheckPanel(Panel):
    """Shows the problems of the scenario as it is being edited, with its map and export.

    Below them, the authoring advice (engine.advise): what will score differently than the
    author may expect. Advice never blocks publishing.
    """

    def clone_kwargs(self):
        kwargs = super().clone_kwargs()
        kwargs.pop("help_text", None)
        return kwargs

    @property
    def clean_name(self):
        return super().clean_name or "scenario-check"

    class BoundPanel(Panel.BoundPanel):
        template_name = "scenarios/admin/check_panel.html"

        def get_context_data(self, parent_context=None):
            from .advice_messages import advice_rows
            from .interop import page_advice, page_problems
            from .problem_messages import problem_rows

            context = super().get_context_data(parent_context)
            page = self.instance
            context["is_new"] = page is None or page.pk is None
            if context["is_new"]:
                return context
            problems = page_problems(page)
            map_url = reverse("scenarios_admin:map", args=[page.pk])
            context.update(
                problem_count=len(problems),
                problems=problem_rows(problems[:MAX_SHOWN], map_url),
                more=max(len(problems) - MAX_SHOWN, 0),
                advice=advice_rows(page_advice(page)[:MAX_SHOWN], map_url),
                map_url=map_url,
                export_url=reverse("scenarios_admin:export", args=[page.pk]),
            )
            return context
