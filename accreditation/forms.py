import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from . import registers
from .models import Accreditation, Meeting, RegisterNumber

ERRORS = {
    "digits": _("A registration number of this register has 4 to 12 digits, and nothing else."),
    "characters": _("Use letters, digits and dashes only, at most 30."),
    "taken": _(
        "Someone else already gave this number for this register. Check the number; if it is "
        "right, tell your trainer."
    ),
}


class RegisterNumbersForm(forms.Form):
    """One optional field per register; an empty field removes the number."""

    def __init__(self, *args, numbers: dict[str, str], user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        for code, name in registers.REGISTERS:
            self.fields[code] = forms.CharField(
                label=name, required=False, max_length=40, initial=numbers.get(code, "")
            )

    def clean(self):
        cleaned = super().clean()
        for code, _name in registers.REGISTERS:
            value = cleaned.get(code) or ""
            if not value.strip():
                cleaned[code] = ""
                continue
            check = registers.check_number(code, value)
            if check.ok and self._taken(code, check.number):
                self.add_error(code, ERRORS["taken"])
            elif check.ok:
                cleaned[code] = check.number
            else:
                self.add_error(code, ERRORS[check.error])
        return cleaned

    def _taken(self, code: str, number: str) -> bool:
        """A register number belongs to one person (the free "other" register aside)."""
        if code == registers.OTHER:
            return False
        same = RegisterNumber.objects.filter(register=code, number=number)
        return same.exclude(user=self.user).exists() if self.user else same.exists()


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("The learner sees this reason. The verification page only says: revoked."),
    )


class MeetingForm(forms.ModelForm):
    """A meeting of a learning group: its day, start time and length; the accreditation it
    counts for is one of the course's own."""

    day = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    start = forms.TimeField(label=_("Start time"), widget=forms.TimeInput(attrs={"type": "time"}))

    class Meta:
        model = Meeting
        fields = ["title", "day", "start", "duration", "place", "accreditation"]
        widgets = {"duration": forms.NumberInput(attrs={"min": 15, "max": 720, "step": 15})}
        error_messages = {
            "duration": {
                "min_value": _("A meeting lasts at least 15 minutes."),
                "max_value": _("A meeting lasts at most 12 hours (720 minutes)."),
            }
        }

    def __init__(self, *args, cohort, **kwargs):
        super().__init__(*args, **kwargs)
        self.cohort = cohort
        field = self.fields["accreditation"]
        field.queryset = Accreditation.objects.filter(course_id=cohort.course_id)
        field.required = False
        field.empty_label = _("The whole course")
        field.help_text = _("Only when a register counts this meeting separately.")
        self.fields["title"].help_text = _(
            "For example: Meeting 1, the kitchen-table conversation."
        )
        if not field.queryset.exists():
            del self.fields["accreditation"]

    def clean(self):
        cleaned = super().clean()
        day, start = cleaned.get("day"), cleaned.get("start")
        if day and start:
            moment = datetime.datetime.combine(day, start)
            self.instance.starts_at = timezone.make_aware(moment)
        return cleaned

    def save(self, commit=True):
        self.instance.cohort = self.cohort
        return super().save(commit)
