from wagtail.admin.panels import Panel


class ScenarioCheckPanel(Panel):
    """Shows the scenario's problems and links to its map (filled in by the authoring work)."""
