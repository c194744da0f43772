from django import forms
from django.utils.translation import gettext_lazy as _

from . import registers

ERRORS = {
    "digits": _("A registration number of this register has 4 to 12 digits, and nothing else."),
    "characters": _("Use letters, digits and dashes only, at most 30."),
}


class RegisterNumbersForm(forms.Form):
    """One optional field per register; an empty field removes the number."""

    def __init__(self, *args, numbers: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
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
            if check.ok:
                cleaned[code] = check.number
            else:
                self.add_error(code, ERRORS[check.error])
        return cleaned


class RevokeForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=1000,
        help_text=_("The learner sees this reason. The verification page only says: revoked."),
    )
