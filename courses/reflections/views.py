"""Thin views for reflections: one scoped lookup, then one form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..access import get_membership
from . import access
from .display import prepare_for_display, trainer_ids
from .forms import NewReflectionForm, ReflectionForm, ReplyForm, hide_form

PER_PAGE = 20


def _next_url(request, default: str) -> str:
    """Where to go after a POST: a local ``next`` address, or the default."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    # Only a local path: anything else would be read by redirect() as a view name.
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


def _prepare(reflection, membership, trainers) -> None:
    """Attach rendered bodies and names to a reflection and the replies the viewer may read."""
    prepare_for_display(reflection, membership, trainers)
    if not reflection.shows_body:
        reflection.shown_replies = []
    else:
        reflection.shown_replies = list(reflection.replies.all())
        for reply in reflection.shown_replies:
            prepare_for_display(reply, membership, trainers)
    reflection.may_reply = access.may_reply(membership, reflection)


@login_required
def cohort_reflections(request, pk: int):
    membership = get_membership(request.user, pk)
    page = Paginator(access.visible_reflections(membership), PER_PAGE).get_page(
        request.GET.get("page")
    )
    trainers = trainer_ids(membership.cohort)
    for reflection in page:
        _prepare(reflection, membership, trainers)
    context = {"cohort": membership.cohort, "membership": membership, "page_obj": page}
    return render(request, "courses/reflections/cohort_reflections.html", context)


def _render_detail(request, reflection, membership, reply_form=None, status=200):
    trainers = trainer_ids(membership.cohort)
    reflection = access.visible_reflections(membership).get(pk=reflection.pk)
    _prepare(reflection, membership, trainers)
    context = {
        "cohort": membership.cohort,
        "membership": membership,
        "reflection": reflection,
        "reply_form": reply_form or ReplyForm(),
    }
    return render(request, "courses/reflections/detail.html", context, status=status)


@login_required
def reflection_detail(request, pk: int):
    reflection, membership = access.get_reflection_for_viewer(request.user, pk)
    return _render_detail(request, reflection, membership)


@login_required
@require_POST
def reflection_reply(request, pk: int):
    reflection, membership = access.get_reflection_for_viewer(request.user, pk)
    if not access.may_reply(membership, reflection):
        return _render_detail(request, reflection, membership, status=403)
    form = ReplyForm(request.POST, reflection=reflection, author=request.user)
    if not form.is_valid():
        return _render_detail(request, reflection, membership, form)
    reply = form.save()
    if form.created:
        messages.success(request, _("Your reply has been posted."))
    return redirect(reverse("reflection-detail", args=[reflection.pk]) + f"#reply-{reply.pk}")


@login_required
@require_POST
def reflection_create(request):
    form = NewReflectionForm(request.POST, user=request.user)
    if not form.is_valid():
        context = {"form": form, "next": _next_url(request, "")}
        return render(request, "courses/reflections/reflection_form.html", context)
    reflection = form.save()
    if form.created:
        messages.success(request, _("Your reflection has been saved."))
    return redirect(_next_url(request, reverse("reflection-detail", args=[reflection.pk])))


@login_required
def reflection_edit(request, pk: int):
    reflection, membership = access.get_reflection_for_author(request.user, pk)
    form = ReflectionForm(request.POST or None, instance=reflection)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your reflection has been changed."))
        return redirect("reflection-detail", reflection.pk)
    context = {"form": form, "reflection": reflection, "cohort": membership.cohort}
    return render(request, "courses/reflections/reflection_form.html", context)


@login_required
def reflection_delete(request, pk: int):
    reflection, membership = access.get_reflection_for_author(request.user, pk)
    if request.method == "POST":
        reflection.delete()  # with its replies: they make no sense without it
        messages.success(request, _("Your reflection has been deleted."))
        return redirect("cohort-reflections", membership.cohort.pk)
    prepare_for_display(reflection, membership, set())
    context = {"item": reflection, "cohort": membership.cohort, "kind": "reflection"}
    return render(request, "courses/reflections/confirm_delete.html", context)


@login_required
@require_POST
def reflection_hide(request, pk: int):
    reflection, _membership = access.get_reflection_for_trainer(request.user, pk)
    form = hide_form(reflection, request.POST)
    if form.is_valid():
        form.save()
    return redirect(_next_url(request, reverse("reflection-detail", args=[reflection.pk])))


@login_required
def reply_delete(request, pk: int):
    reply, membership = access.get_reply_for_author(request.user, pk)
    if request.method == "POST":
        reply.delete()
        messages.success(request, _("Your reply has been deleted."))
        return redirect("reflection-detail", reply.reflection_id)
    prepare_for_display(reply, membership, set())
    context = {"item": reply, "cohort": membership.cohort, "kind": "reply"}
    return render(request, "courses/reflections/confirm_delete.html", context)


@login_required
@require_POST
def reply_hide(request, pk: int):
    reply, _membership = access.get_reply_for_trainer(request.user, pk)
    form = hide_form(reply, request.POST)
    if form.is_valid():
        form.save()
    default = reverse("reflection-detail", args=[reply.reflection_id]) + f"#reply-{reply.pk}"
    return redirect(_next_url(request, default))
