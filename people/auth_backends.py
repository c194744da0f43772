"""Django's and allauth's sign-in backends, loading the signed-in user with a prepared query.

Every signed-in request loads its user by the id in the session. The backends do that with
``User.objects.get(pk=…)``, built with the ORM each time; here the same query is built once
per process (``people.prepared``). Signing in, passwords and permissions are the backends' own.

Sessions name the backend that signed them in, so sessions made with Django's or allauth's
own path before these were configured end once: the person signs in again.
"""

from __future__ import annotations

from allauth.account import auth_backends as allauth_backends
from django.contrib.auth import backends, get_user_model

from people.prepared import prepared


@prepared
def _user(pk: int):
    return get_user_model()._default_manager.filter(pk=pk)


class PreparedUserLoading:
    def get_user(self, user_id):
        try:
            pk = int(user_id)
        except (TypeError, ValueError):  # not an id: no such user
            return None
        found = _user(pk=pk)
        return found[0] if found and self.user_can_authenticate(found[0]) else None


class ModelBackend(PreparedUserLoading, backends.ModelBackend):
    pass


class AuthenticationBackend(PreparedUserLoading, allauth_backends.AuthenticationBackend):
    pass
