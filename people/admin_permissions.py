"""Admin viewsets whose objects belong to someone: a learning group to its trainers, a team
to its organisation. Wagtail's model permission says what a role may do with the model; the
policy's scope narrows that to the objects the user is responsible for, and every view of the
viewset looks its object up through the policy.
"""

from collections.abc import Callable

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from wagtail.admin.views import generic
from wagtail.admin.views.generic.history import HistoryView
from wagtail.admin.views.generic.usage import UsageView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

Scope = Callable[[object, QuerySet], QuerySet]


class ScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions, valid only for the instances ``scope(user, queryset)`` keeps."""

    def __init__(self, model, scope: Scope):
        super().__init__(model)
        self.scope = scope

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        if user.is_superuser:
            return self.model._default_manager.all()
        return self.scope(user, self.model._default_manager.all())

    def instances_user_has_permission_for(self, user, action):
        return self.instances_user_has_any_permission_for(user, [action])

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return (
            self.instances_user_has_any_permission_for(user, actions)
            .filter(pk=instance.pk)
            .exists()
        )

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_any_permission_for_instance(user, [action], instance)


class ScopedObjectMixin:
    """Refuse an object the permission policy does not give this user."""

    def get_object(self, *args, **kwargs):
        obj = super().get_object(*args, **kwargs)
        actions = (
            [self.permission_required]
            if self.permission_required
            else self.any_permission_required or ["change", "view"]
        )
        if not self.permission_policy.user_has_any_permission_for_instance(
            self.request.user, actions, obj
        ):
            raise PermissionDenied
        return obj


class ScopedIndexView(generic.IndexView):
    def get_base_queryset(self):
        return self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, self.any_permission_required
        )


class ScopedEditView(ScopedObjectMixin, generic.EditView):
    pass


class ScopedDeleteView(ScopedObjectMixin, generic.DeleteView):
    pass


class ScopedHistoryView(ScopedObjectMixin, HistoryView):
    pass


class ScopedUsageView(ScopedObjectMixin, UsageView):
    pass


class ScopedInspectView(ScopedObjectMixin, generic.InspectView):
    pass


class ScopedModelViewSet(ModelViewSet):
    """A model viewset whose every view goes through the model's scoped permission policy.

    Register a ``ScopedPermissionPolicy`` for the model with
    ``wagtail.permissions.register_permission_policy`` before the viewset.
    """

    index_view_class = ScopedIndexView
    edit_view_class = ScopedEditView
    delete_view_class = ScopedDeleteView
    history_view_class = ScopedHistoryView
    usage_view_class = ScopedUsageView
    inspect_view_class = ScopedInspectView
