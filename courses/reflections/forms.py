"""Forms for writing, editing, replying to and hiding reflections; every write is their
``save()``. Text only: no HTML is accepted.
"""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from scenarios.models import Attempt

from ..models import Cohort, LessonPage
from .models import Reflection, ReflectionReply

MAX_LENGTH = 10_000
# Ids come back from hidden fields; anything outside a database integer is tampering.
MAX_ID = 2**31 - 1


class SubmissionKeyField(forms.UUIDField):
    """A new form's one-time key, sent back hidden: the same form sent twice is stored once.

    A missing or garbled key only turns that guard off; it never costs the writer their text.
    """

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        super().__init__(required=False, initial=uuid.uuid4, **kwargs)

    def clean(self, value):
        try:
            return super().clean(value)
        except ValidationError:
            return None


def lesson_prompts(lesson: LessonPage) -> list[str]:
    """Return the texts of the reflection prompts in a lesson's body."""
    return [
        block["value"].get("prompt", "")
        for block in lesson.body.raw_data
        if block.get("type") == "reflection" and isinstance(block.get("value"), dict)
    ]


def lesson_in_course(lesson: LessonPage, cohort: Cohort) -> bool:
    return lesson.is_child_of(cohort.course)


class SubmittedOnceForm(forms.ModelForm):
    """A new reflection or reply, stored once however often the same form is sent.

    After ``save()``, ``created`` tells whether this sending made the row. The database's
    unique (author, submission_key) decides, so two copies of one form sent at the same moment
    also give one row. The same key with other words (the form sent again after the back
    button) is new text and is kept as well.
    """

    submission_key = SubmissionKeyField()
    created = False

    def save(self, commit=True):
        item = super().save(commit=False)
        if not commit:
            return item
        key = self.cleaned_data.get("submission_key")
        if key is not None:
            item.submission_key = key
            try:
                with transaction.atomic():
                    item.save()
            except IntegrityError:
                earlier = type(item).objects.filter(author=item.author, submission_key=key).first()
                if earlier is None:
                    raise
                if earlier.body == item.body:
                    self.instance = earlier
                    return earlier
                item.submission_key = None
            else:
                self.created = True
                return item
        item.save()
        self.created = True
        return item


class ReflectionForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Your reflection"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "Plain text. Leave an empty line between paragraphs; web addresses become links."
        ),
    )
    visibility = forms.ChoiceField(
        label=_("Who may read it?"),
        choices=Reflection.Visibility.choices,
        initial=Reflection.Visibility.PRIVATE,
        widget=forms.RadioSelect,
    )

    class Meta:
        model = Reflection
        fields = ["body", "visibility"]


class NewReflectionForm(SubmittedOnceForm, ReflectionForm):
    """A reflection after a scenario attempt or at a lesson's prompt, in one of my cohorts."""

    cohort = forms.ModelChoiceField(
        label=_("Learning group"), queryset=Cohort.objects.none(), empty_label=None
    )
    attempt = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    lesson = forms.IntegerField(
        required=False, min_value=1, max_value=MAX_ID, widget=forms.HiddenInput
    )
    prompt = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)

    class Meta(ReflectionForm.Meta):
        fields = ["body", "visibility", "cohort"]

    def __init__(self, *args, user, cohorts=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        queryset = Cohort.objects.filter(participants=user).select_related("course")
        if cohorts is not None:
            queryset = queryset.filter(pk__in=[cohort.pk for cohort in cohorts])
        self.fields["cohort"].queryset = queryset
        if cohorts is not None and len(cohorts) == 1:
            self.fields["cohort"].widget = forms.HiddenInput()
            self.fields["cohort"].initial = cohorts[0].pk

    def clean_attempt(self) -> Attempt | None:
        pk = self.cleaned_data.get("attempt")
        if pk is None:
            return None
        attempt = Attempt.objects.filter(
            pk=pk, user_id=self.user.pk, status=Attempt.Status.FINISHED
        ).first()
        if attempt is None:
            raise forms.ValidationError(_("This attempt cannot be found."))
        return attempt

    def clean(self):
        cleaned = super().clean()
        cohort, lesson_pk = cleaned.get("cohort"), cleaned.get("lesson")
        cleaned["lesson"] = None
        if lesson_pk is not None and cohort is not None:
            lesson = LessonPage.objects.filter(pk=lesson_pk).first()
            if lesson is None or not lesson_in_course(lesson, cohort):
                raise forms.ValidationError(_("This lesson is not part of your course."))
            cleaned["lesson"] = lesson
        # The prompt is echoed back by the browser; keep it only when the lesson really asks it.
        prompt = cleaned.get("prompt", "")
        if cleaned["lesson"] is None or prompt not in lesson_prompts(cleaned["lesson"]):
            cleaned["prompt"] = ""
        return cleaned

    def save(self, commit=True):
        """Save the participant's reflection once per form; ``clean`` checked the cohort,
        attempt and lesson."""
        self.instance.author = self.user
        for name in ("attempt", "lesson", "prompt"):
            setattr(self.instance, name, self.cleaned_data[name])
        return super().save(commit=commit)


class ReplyForm(SubmittedOnceForm):
    """A reply to ``reflection`` by ``author``; the view has checked they may reply."""

    body = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text. Web addresses become links."),
    )

    class Meta:
        model = ReflectionReply
        fields = ["body"]

    def __init__(self, *args, reflection=None, author=None, **kwargs):
        kwargs.setdefault("instance", ReflectionReply(reflection=reflection, author=author))
        super().__init__(*args, **kwargs)


class HiddenFlag(forms.HiddenInput):
    """The hide button sends "1" to hide and "0" to show again."""

    def value_from_datadict(self, data, files, name):
        return data.get(name) == "1"


class HideForm(forms.ModelForm):
    """A trainer hides a reflection or reply from the group, or shows it again.

    Only ``hidden`` is written, so hiding does not count as an edit of the text.
    """

    hidden = forms.BooleanField(required=False, widget=HiddenFlag)

    class Meta:
        fields = ["hidden"]

    def save(self, commit=True):
        if self.errors:  # cleaning puts the new value on the instance
            raise ValueError("The hide form did not validate.")
        if commit and "hidden" in self.changed_data:
            self.instance.save(update_fields=["hidden"])
        return self.instance


def hide_form(item: Reflection | ReflectionReply, data) -> HideForm:
    """The hide form for a reflection or a reply."""
    form_class = forms.modelform_factory(type(item), form=HideForm, fields=["hidden"])
    return form_class(data, instance=item)
