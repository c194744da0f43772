from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ScenariosConfig(AppConfig):
    name = "scenarios"
    verbose_name = _("Scenarios")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from .models import Principle
        from .principle_cache import forget_principles

        for signal in (post_save, post_delete):
            signal.connect(forget_principles, sender=Principle, dispatch_uid="forget_principles")
