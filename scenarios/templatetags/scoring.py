"""Template filters for scores: the band code (for CSS and data attributes) and its words."""

from django import template

from scenarios import bands, engine, qualities

register = template.Library()


@register.filter
def band(score: int | None) -> str:
    return engine.band(score)


@register.filter
def band_label(score: int | None) -> str:
    return bands.band_label(score)


@register.filter
def quality_label(value: str) -> str:
    return qualities.quality_label(value)
