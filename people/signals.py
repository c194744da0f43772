"""Reactions to other models' changes, connected in ``PeopleConfig.ready``."""

from .models import Profile


def create_profile(sender, instance, created, raw=False, **kwargs):
    """Give every new user a profile, so views can rely on ``user.profile``."""
    if created and not raw:
        Profile.objects.get_or_create(user=instance)
