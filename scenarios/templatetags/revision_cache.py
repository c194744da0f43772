"""``{% revisioncache "name" part ... %}…{% endrevisioncache %}``: a fragment kept per revision.

Django's ``{% cache %}`` made for scenarios/revision_cache.py: the key also varies on the
interface language and the ``content_lang`` attribute, the timeout and the cache are the
module's, and a preview (a draft) is never cached, as with Wagtail's ``{% wagtailcache %}``.
Put only what every viewer of that revision sees inside; pass every input as a part.
"""

from django import template
from django.template import TemplateSyntaxError

from ..revision_cache import cached_html

register = template.Library()


class RevisionCacheNode(template.Node):
    def __init__(self, nodelist, name: str, parts):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts

    def render(self, context):
        request = context.get("request")
        if getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [part.resolve(context) for part in self.parts]
        parts.append(context.get("content_lang", ""))
        return cached_html(self.name, parts, lambda: self.nodelist.render(context))


@register.tag("revisioncache")
def do_revisioncache(parser, token):
    nodelist = parser.parse(("endrevisioncache",))
    parser.delete_first_token()
    tokens = token.split_contents()
    if len(tokens) < 3:
        raise TemplateSyntaxError("revisioncache needs a name and at least one part")
    name = tokens[1].strip("\"'")
    return RevisionCacheNode(nodelist, name, [parser.compile_filter(t) for t in tokens[2:]])
