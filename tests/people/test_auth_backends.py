"""Signed-in requests load their user with a prepared query (people/auth_backends.py):
the same person as before, nobody for a deactivated account or a removed one."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from people.auth_backends import AuthenticationBackend, ModelBackend

User = get_user_model()


def test_a_signed_in_person_stays_signed_in_as_themselves(client, db):
    ans = User.objects.create_user("ans", "ans@example.nl", "een-lang-wachtwoord")
    client.force_login(ans)
    response = client.get(reverse("my-learning"))
    assert response.status_code == 200
    assert response.wsgi_request.user.pk == ans.pk


def test_a_deactivated_or_removed_account_is_signed_out(client, db):
    ans = User.objects.create_user("ans", "ans@example.nl", "een-lang-wachtwoord")
    client.force_login(ans)
    User.objects.filter(pk=ans.pk).update(is_active=False)
    assert client.get(reverse("my-learning")).status_code == 302
    ans.is_active = True
    ans.save()
    client.force_login(ans)
    ans.delete()
    assert client.get(reverse("my-learning")).status_code == 302


def test_both_backends_load_by_id_and_refuse_what_is_not_one(db):
    ans = User.objects.create_user("ans", "ans@example.nl", "een-lang-wachtwoord")
    for backend in (ModelBackend(), AuthenticationBackend()):
        assert backend.get_user(ans.pk) == ans
        assert backend.get_user(str(ans.pk)) == ans
        assert backend.get_user("ans") is None
        assert backend.get_user(None) is None
        assert backend.get_user(ans.pk + 1000) is None
