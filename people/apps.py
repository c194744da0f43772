from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PeopleConfig(AppConfig):
    name = "people"
    verbose_name = _("People")

    def ready(self):
        from django.conf import settings
        from django.db.models.signals import m2m_changed, post_save, pre_save
        from wagtail.images import get_image_model
        from wagtail.models import UploadedFile

        from .images import keep_svg_plain
        from .models import Organisation, OrganisationStyle
        from .signals import create_profile, follow_administrators, open_image_collection

        post_save.connect(
            create_profile, sender=settings.AUTH_USER_MODEL, dispatch_uid="people_create_profile"
        )
        for model in (Organisation, OrganisationStyle):
            post_save.connect(
                open_image_collection,
                sender=model,
                dispatch_uid=f"people_image_collection_{model.__name__}",
            )
        for model in (get_image_model(), UploadedFile):
            pre_save.connect(
                keep_svg_plain, sender=model, dispatch_uid=f"people_plain_svg_{model.__name__}"
            )
        m2m_changed.connect(
            follow_administrators,
            sender=Organisation.administrators.through,
            dispatch_uid="people_image_group_members",
        )
