"""Reflections and replies in a learning group.

models (the rows), access (who may see, write, reply, hide, delete), forms (every write goes
through ``form.save()``), display, views, urls, and hooks (the box on a scenario's result page,
registered in ``courses/wagtail_hooks.py``).
"""
