from wagtail.admin.forms import WagtailAdminPageForm


class ScenarioPageForm(WagtailAdminPageForm):
    """The scenario editor's form (validation on publish is added here)."""
