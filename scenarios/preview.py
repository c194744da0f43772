from django.template.response import TemplateResponse


def render_preview(request, page):
    """Render a playable preview that stores no attempt."""
    return TemplateResponse(request, "scenarios/scenario_page.html", {"page": page, "self": page})
