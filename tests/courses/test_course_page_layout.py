"""On a phone the course page leads with what a participant comes for: progress and lessons.

The principles' explanations fold open instead of being cut off with a "…" that cannot expand.
"""

from bs4 import BeautifulSoup

from scenarios.models import Principle


def test_progress_and_lessons_come_before_the_principles_which_fold_open(
    client, course, cohort, learner
):
    principle = Principle.objects.get(slug="presentie")
    course.principles.add(principle)
    course.save_revision().publish()
    client.force_login(learner)
    soup = BeautifulSoup(client.get(course.url).content, "html.parser")

    headings = [h.get_text(strip=True) for h in soup.select("main h2")]
    assert headings.index("Jouw voortgang") < headings.index("Principes waar je aan werkt")
    assert headings.index("Lessen") < headings.index("Principes waar je aan werkt")

    item = soup.select_one(f'[data-principle="{principle.slug}"] details')
    assert item.summary.get_text(strip=True) == principle.display_name
    assert item.p.get_text(strip=True) == principle.display_description.strip()  # whole, not cut
