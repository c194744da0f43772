"""One way to name a person: by the name they gave, never by their username."""

from types import SimpleNamespace

from people.names import display_name, first_name


def person(name="", first="", last="", email="f.amrani@example.nl", username="fatima"):
    user = SimpleNamespace(first_name=first, last_name=last, email=email, username=username)
    user.profile = SimpleNamespace(display_name=name)
    user.get_full_name = lambda: f"{first} {last}".strip()
    return user


def test_a_person_is_named_by_the_name_they_gave():
    fatima = person("Fatima el Amrani")
    assert display_name(fatima) == "Fatima el Amrani"
    assert first_name(fatima) == "Fatima"


def test_without_a_name_the_email_address_stands_in_never_the_username():
    nobody = person()
    assert display_name(nobody) == "f.amrani@example.nl"
    assert first_name(nobody) == "f.amrani@example.nl"


def test_the_accounts_own_names_come_next():
    assert display_name(person(first="Fatima", last="el Amrani")) == "Fatima el Amrani"
    assert first_name(person("F. el Amrani", first="Fatima")) == "Fatima"


def test_a_user_without_a_profile_is_named_too(learner, django_user_model):
    assert display_name(django_user_model.objects.get(pk=learner.pk)) == "Alice"
    learner.profile.delete()
    assert display_name(django_user_model.objects.get(pk=learner.pk)) == "alice@example.nl"
