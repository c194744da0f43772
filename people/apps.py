from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import post_save

        from .signals import create_profile

        post_save.connect(
            create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_create_profile"
        )
