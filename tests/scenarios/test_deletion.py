from scenarios.models import Attempt, ScenarioPage
from tests.builders import choose, publish, scenario_document, start


def test_a_played_scenario_cannot_be_deleted_and_its_results_stay(
    client, learner, admin_user, library
):
    scenario = publish(library, scenario_document())
    client.force_login(learner)
    attempt = start(client, scenario)
    choose(client, attempt, "regel-het")

    client.force_login(admin_user)
    response = client.post(f"/admin/pages/{scenario.pk}/delete/", follow=True)
    assert "kan niet worden verwijderd" in response.content.decode()
    assert ScenarioPage.objects.filter(pk=scenario.pk).exists()

    response = client.post(f"/admin/pages/{library.pk}/delete/", follow=True)
    assert ScenarioPage.objects.filter(pk=scenario.pk).exists()
    client.force_login(learner)
    assert client.get(f"/poging/{attempt.pk}/resultaat/").status_code == 200
    assert Attempt.objects.filter(pk=attempt.pk).exists()


def test_an_unplayed_scenario_can_be_deleted(client, admin_user, library):
    scenario = publish(library, scenario_document())
    client.force_login(admin_user)
    client.post(f"/admin/pages/{scenario.pk}/delete/")
    assert not ScenarioPage.objects.filter(pk=scenario.pk).exists()
