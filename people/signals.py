"""Reactions to other models' changes, connected in ``PeopleConfig.ready``."""

from . import roles
from .models import Organisation, Profile


def create_profile(sender, instance, created, raw=False, **kwargs):
    """Give every new user a profile, so views can rely on ``user.profile``."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)


def open_image_collection(sender, instance, raw=False, **kwargs):
    """A new or renamed organisation gets (or keeps in step) its own image collection."""
    if not raw:
        roles.open_image_collection(instance)


def follow_administrators(sender, instance, action, reverse, pk_set, **kwargs):
    """The organisation's image group holds exactly its administrators."""
    if action not in ("post_add", "post_remove", "post_clear"):
        return
    if not reverse:
        roles.open_image_collection(instance)
        return
    organisations = Organisation.objects.all()  # a person's list was cleared: check all
    if pk_set is not None:
        organisations = organisations.filter(pk__in=pk_set)
    for organisation in organisations:
        roles.open_image_collection(organisation)
