"""Uploaded images stay pictures: an SVG is stored only as the plain drawing ``people.svg``
leaves of it (organisation administrators upload their logos as SVG).

Two places, one rule: the admin's image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``) refuses an
unreadable SVG with a message; the save guard, connected in ``PeopleConfig.ready``, cleans
whatever reaches storage by another way (Wagtail's multiple upload can park a file as an
``UploadedFile`` first, a command can create an image directly).
"""

import hashlib

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .svg import EMPTY_DRAWING, UnreadableSvg, sanitised_svg


def is_svg(file) -> bool:
    return bool(file) and file.name.lower().endswith(".svg")


class SafeImageForm(BaseImageForm):
    def clean_file(self):
        file = self.cleaned_data.get("file")
        if "file" not in self.changed_data or not is_svg(file):
            return file
        file.seek(0)
        try:
            drawing = sanitised_svg(file.read())
        except UnreadableSvg as error:
            raise ValidationError(
                _(
                    "This SVG file cannot be read as a drawing. Save it again as plain SVG "
                    "(without scripts or embedded files) and upload that file."
                ),
                code="unreadable_svg",
            ) from error
        return SimpleUploadedFile(file.name, drawing, content_type="image/svg+xml")


def keep_svg_plain(sender, instance, raw=False, **kwargs):
    """Before an image (or a parked upload) is saved, make its SVG file a plain drawing."""
    field = instance.file
    if raw or not is_svg(field):
        return
    if field._committed:
        with field.open("rb"):
            data = field.read()
    else:  # an upload on its way to storage: read it, and leave it open for the save
        field.file.seek(0)
        data = field.file.read()
        field.file.seek(0)
    try:
        drawing = sanitised_svg(data)
    except UnreadableSvg:
        drawing = EMPTY_DRAWING
    if drawing == data:
        return
    name = field.name.rsplit("/", 1)[-1]
    if field._committed:  # already in storage as it was sent: write the drawing, drop that
        unsafe = field.name
        field.save(name, ContentFile(drawing), save=False)
        field.storage.delete(unsafe)
    else:
        instance.file = ContentFile(drawing, name=name)
    if hasattr(instance, "file_size"):
        instance.file_size = len(drawing)
        instance.file_hash = hashlib.sha1(drawing).hexdigest()  # noqa: S324 — Wagtail's choice
