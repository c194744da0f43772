"""Forms for writing, editing and replying to reflections. Text only: no HTML is accepted."""

from __future__ import annotations

import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from scenarios.models import Attempt

from .models import Cohort, LessonPage, Reflection, ReflectionReply
from .reflections import lesson_in_course, lesson_prompts

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


class NewReflectionForm(ReflectionForm):
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
    submission_key = SubmissionKeyField()

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


class ReplyForm(forms.ModelForm):
    body = forms.CharField(
        label=_("Your reply"),
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Plain text. Web addresses become links."),
    )
    submission_key = SubmissionKeyField()

    class Meta:
        model = ReflectionReply
        fields = ["body"]
