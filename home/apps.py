from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home page")

    def ready(self):
        from . import page_instances, site_cache

        site_cache.install()
        page_instances.install()
