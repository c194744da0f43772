from django import template

from people import names

register = template.Library()

register.filter("display_name", names.display_name)
register.filter("first_name", names.first_name)
