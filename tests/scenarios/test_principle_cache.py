"""A trainer who renames or removes a principle sees it on the next page, not in five minutes."""

import pytest

from scenarios.models import Principle
from scenarios.principle_cache import all_principles, principles_by_slug


@pytest.mark.django_db(transaction=True)
def test_saving_or_deleting_a_principle_clears_the_cache(migrated_db):
    assert "eigen-kracht" in principles_by_slug()  # fills the cache
    principle = Principle.objects.get(slug="eigen-kracht")
    principle.name = "Eigen kracht en regie"
    principle.save()
    assert principles_by_slug()["eigen-kracht"].name == "Eigen kracht en regie"

    principle.delete()
    assert "eigen-kracht" not in {p.slug for p in all_principles()}
