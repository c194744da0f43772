from django.urls import path

from . import views

urlpatterns = [
    path("profiel/", views.profile_settings, name="profile-settings"),
]
