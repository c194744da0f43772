from django.urls import path

from . import views

urlpatterns = [
    path("privacy/", views.privacy_statement, name="privacy"),
    path("toegankelijkheid/", views.accessibility_statement, name="accessibility"),
    path("account/mijn-gegevens/", views.my_data, name="my-data"),
    path("account/mijn-gegevens/download/", views.my_data_export, name="my-data-export"),
    path("account/verwijderen/", views.delete_account, name="account-delete"),
]
