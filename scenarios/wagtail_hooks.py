from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Principle


class PrincipleViewSet(SnippetViewSet):
    model = Principle
    icon = "pick"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "slug", "family", "order"]
    list_filter = ["family"]
    search_fields = ["name", "description", "slug"]
    ordering = ["order", "name"]
    panels = [
        "name",
        "short_label",
        "description",
        "slug",
        "family",
        "order",
        "name_en",
        "short_label_en",
        "description_en",
    ]


register_snippet(PrincipleViewSet)
