from django.urls import path

from . import views

urlpatterns = [
    path("scenario/<int:page_pk>/start/", views.start, name="scenario-start"),
    path("poging/<int:pk>/", views.play, name="attempt-play"),
    path("poging/<int:pk>/keuze/<int:step>/", views.feedback, name="attempt-feedback"),
    path("poging/<int:pk>/resultaat/", views.result, name="attempt-result"),
    path("poging/<int:pk>/vergelijk/", views.compare, name="attempt-compare"),
]
