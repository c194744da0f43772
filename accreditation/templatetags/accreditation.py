from django import template

from ..points import format_points

register = template.Library()


@register.filter
def points(value) -> str:
    """Points the Dutch way: 4 or 2,5."""
    return format_points(value) if value not in (None, "") else ""
