"""Texts of Django and allauth that our Dutch catalogue words differently.

Their own Dutch says "u", "uw" or "a.u.b." in places, where the site says "je" throughout
(the password rules are reworded in ``people.passwords``). Listing the texts here keeps them
in our catalogue when `make messages` runs; the catalogue, in LOCALE_PATHS, wins over
theirs. Nothing calls these.
"""

from django.utils.translation import gettext_noop

DJANGO = [
    gettext_noop("Your old password was entered incorrectly. Please enter it again."),
]
ALLAUTH = [
    gettext_noop(
        'Please confirm that <a href="mailto:%(email)s">%(email)s</a> is an email address for '
        "user %(user_display)s."
    ),
    gettext_noop("Confirmation email sent to %(email)s."),
    gettext_noop(
        "If you have not created an account yet, then please %(link)ssign up%(end_link)s first."
    ),
    gettext_noop("Please contact us if you have any trouble resetting your password."),
    gettext_noop(
        "We have sent you an email. If you have not received it please check your spam "
        "folder. Otherwise contact us if you do not receive it in a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for verification. Follow the link provided to finalize "
        "the signup process. If you do not see the verification email in your main inbox, "
        "check your spam folder. Please contact us if you do not receive the verification "
        "email within a few minutes."
    ),
    gettext_noop(
        "We have sent an email to you for\nverification. Please click on the link inside that "
        "email. If you do not see the verification email in your main inbox, check your spam "
        "folder. Otherwise\ncontact us if you do not receive it within a few minutes."
    ),
]
