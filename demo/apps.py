from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo town and the load data: builders and content that only commands use.

    It may import every app; no app imports it.
    """

    name = "demo"
    verbose_name = "Demo"
