from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail import views as wagtail_views
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from people import admin_views
from people.avatar_views import initials_avatar
from people.theme_views import organisation_theme

urlpatterns = [
    # The admin logs in through allauth, so allauth's rate limits and MFA guard it too; a
    # logged-in learner gets a page that says the admin is not for them.
    path("admin/login/", admin_views.admin_login, name="admin-login"),
    # Site-wide history is for content leads and administrators (Wagtail shows it to all staff).
    path("admin/reports/site-history/", admin_views.site_history),
    path("admin/reports/site-history/results/", admin_views.site_history_results),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # The signed-in person's organisation colours (people/theme.py); no language prefix.
    path("thema.css", organisation_theme, name="organisation-theme"),
    path("avatar/<str:letters>.svg", initials_avatar, name="initials-avatar"),
]

urlpatterns += i18n_patterns(
    # Wagtail serves the home page (a HomePage); the name is for links and redirects.
    path("", wagtail_views.serve, {"path": ""}, name="home"),
    path("", include("privacy.urls")),
    path("account/", include("allauth.urls")),
    path("", include("scenarios.urls")),
    path("", include("courses.urls")),
    path("", include("courses.reflections.urls")),
    path("", include("courses.closing_test.urls")),
    path("", include("dashboards.urls")),
    path("", include("people.urls")),
    path("", include("live.urls")),
    path("", include("accreditation.urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)

if settings.DEBUG and settings.PE_ONLINE_FAKE:
    # `make run` reports to a fake PE-online on this same server (settings/dev.py).
    urlpatterns.insert(0, path("dev/pe-online/", include("accreditation.dev_urls")))

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns
