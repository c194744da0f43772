from django import template

from home.site_chrome import fixed_url as _fixed_url

register = template.Library()


@register.simple_tag
def fixed_url(name: str) -> str:
    """``{% url name %}`` for a URL without arguments, kept per process (home/site_chrome.py)."""
    return _fixed_url(name)
