"""Reflections and the group debrief."""

from django.urls import path

from . import debrief_views, reflection_views

urlpatterns = [
    path(
        "leergroep/<int:pk>/reflecties/",
        reflection_views.cohort_reflections,
        name="cohort-reflections",
    ),
    path("reflecties/nieuw/", reflection_views.reflection_create, name="reflection-create"),
    path("reflecties/<int:pk>/", reflection_views.reflection_detail, name="reflection-detail"),
    path(
        "reflecties/<int:pk>/reageren/",
        reflection_views.reflection_reply,
        name="reflection-reply",
    ),
    path("reflecties/<int:pk>/bewerken/", reflection_views.reflection_edit, name="reflection-edit"),
    path(
        "reflecties/<int:pk>/verwijderen/",
        reflection_views.reflection_delete,
        name="reflection-delete",
    ),
    path(
        "reflecties/<int:pk>/verbergen/", reflection_views.reflection_hide, name="reflection-hide"
    ),
    path("reacties/<int:pk>/verwijderen/", reflection_views.reply_delete, name="reply-delete"),
    path("reacties/<int:pk>/verbergen/", reflection_views.reply_hide, name="reply-hide"),
    path(
        "leergroep/<int:pk>/nabespreking/",
        debrief_views.debrief_index,
        name="cohort-debrief-index",
    ),
    path(
        "leergroep/<int:pk>/nabespreking/<int:scenario_page_pk>/",
        debrief_views.debrief_detail,
        name="cohort-debrief",
    ),
]
