"""Reflections and replies in a learning group."""

from django.urls import path

from . import views

urlpatterns = [
    path(
        "leergroep/<int:pk>/reflecties/",
        views.cohort_reflections,
        name="cohort-reflections",
    ),
    path("reflecties/nieuw/", views.reflection_create, name="reflection-create"),
    path("reflecties/<int:pk>/", views.reflection_detail, name="reflection-detail"),
    path(
        "reflecties/<int:pk>/reageren/",
        views.reflection_reply,
        name="reflection-reply",
    ),
    path("reflecties/<int:pk>/bewerken/", views.reflection_edit, name="reflection-edit"),
    path(
        "reflecties/<int:pk>/verwijderen/",
        views.reflection_delete,
        name="reflection-delete",
    ),
    path("reflecties/<int:pk>/verbergen/", views.reflection_hide, name="reflection-hide"),
    path("reacties/<int:pk>/verwijderen/", views.reply_delete, name="reply-delete"),
    path("reacties/<int:pk>/verbergen/", views.reply_hide, name="reply-hide"),
]
