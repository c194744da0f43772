from django import template
from django.template import TemplateSyntaxError
from django.utils.safestring import mark_safe

from home.site_chrome import fixed_url as _fixed_url
from home.site_chrome import kept_fragment

register = template.Library()


@register.simple_tag
def fixed_url(name: str) -> str:
    """``{% url name %}`` for a URL without arguments, kept per process (home/site_chrome.py)."""
    return _fixed_url(name)


class KeepNode(template.Node):
    def __init__(self, nodelist, name: str, inputs):
        self.nodelist = nodelist
        self.name = name
        self.inputs = inputs

    def render(self, context):
        key = (self.name, *(each.resolve(context) for each in self.inputs))
        html = kept_fragment(key, lambda: self.nodelist.render(context))
        return mark_safe(html)  # noqa: S308 — only rendered templates are kept


@register.tag("keep")
def do_keep(parser, token):
    """``{% keep "name" input ... %}…{% endkeep %}``: a piece of the site's header or footer,
    rendered once per process for each combination of its inputs (home/site_chrome.py).
    Pass every variable the piece shows as an input; never put anything personal inside."""
    nodelist = parser.parse(("endkeep",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 2:
        raise TemplateSyntaxError("keep needs a name")
    name = tokens[1].strip("\"'")
    return KeepNode(nodelist, name, [parser.compile_filter(t) for t in tokens[2:]])
