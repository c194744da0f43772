"""Every admin URL that names an object refuses staff who do not own or train that object.

Built like test_access_matrix.py: the URL patterns come from the resolver, so a new admin URL
without a row in ARGUMENTS fails until someone decides who may use it. Each staff persona asks
every such URL, by GET and by POST, for side A's objects: a refusal (never a 200) and not one
changed row in the database.
"""

import json
from dataclasses import dataclass

import pytest
from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, Page, Site, Task, Workflow, WorkflowState

from people import roles
from scenarios.models import Principle, ScenarioPage
from tests.builders import scenario_document
from tests.security.conftest import SECRET_NAME, SECRET_REFLECTION, SECRET_REPLY

PERSONAS = (
    "trainer_same_org",  # trains another group in side A's organisation
    "other_trainer",  # trains a group of another organisation
    "manager",  # manages side A's team, has no admin access
    "staff_no_rights",  # may enter the admin, nothing more
    "other_org_admin",  # organisation administrator of another organisation
)
TRAINERS = frozenset({"trainer_same_org", "other_trainer"})
# Tables that change on any request, whoever sends it.
VOLATILE = {"django_session", "wagtailadmin_editingsession"}


@dataclass
class AdminWorld:
    base: object
    personas: dict
    home: Page
    page: ScenarioPage  # trainer A's live scenario, in review
    draft: ScenarioPage  # trainer A's unpublished scenario
    principle: Principle
    image: object
    document: object
    redirect: Redirect
    workflow: Workflow
    task: Task
    workflow_state: WorkflowState


@pytest.fixture
def admin_world(world, make_user, other_organisation, library) -> AdminWorld:
    org_a = world.team.organisation
    org_b = world.other_team.organisation
    personas = {
        "trainer_same_org": make_user("a-trainer2@example.nl", organisation=org_a, trainer=True),
        "other_trainer": world.other_trainer,
        "manager": world.manager,
        "staff_no_rights": make_user("a-staff@example.nl", organisation=org_a),
        "other_org_admin": make_user(
            "b-beheer@example.nl", organisation=org_b, groups=[roles.ORGANISATION_ADMINS]
        ),
    }
    no_rights = Group.objects.create(name="Alleen het beheer in")
    no_rights.permissions.add(Permission.objects.get(codename="access_admin"))
    personas["staff_no_rights"].groups.add(no_rights)
    ScenarioPage.objects.filter(pk=world.scenario.pk).update(owner=world.trainer)
    page = ScenarioPage.objects.get(pk=world.scenario.pk)
    page.save_revision(user=world.trainer)
    workflow_state = page.get_workflow().start(page, world.trainer)
    from scenarios.interop import import_scenario

    draft = import_scenario(
        json.dumps(scenario_document(text="Nog niet af.")), library, user=world.trainer
    ).page
    # Side A's logo, in its organisation's own collection (people.roles.open_image_collection).
    image = get_image_model().objects.create(
        title="Foto",
        file=get_test_image_file(),
        uploaded_by_user=world.trainer,
        collection=org_a.image_collection,
    )
    document = get_document_model().objects.create(
        title="Handout",
        file=ContentFile(b"tekst", name="handout.txt"),
        uploaded_by_user=world.trainer,
    )
    return AdminWorld(
        base=world,
        personas=personas,
        home=Page.objects.get(depth=2),
        page=page,
        draft=draft,
        principle=Principle.objects.order_by("pk").first(),
        image=image,
        document=document,
        redirect=Redirect.objects.create(old_path="/oud", redirect_link="/nieuw"),
        workflow=page.get_workflow(),
        task=workflow_state.current_task_state.task,
        workflow_state=workflow_state,
    )


def _revision(w):
    return w.page.latest_revision_id


ARGUMENTS = {
    # name: how to build the URL's arguments from the admin world
    "wagtailadmin_api:pages:detail": lambda w: {"pk": w.page.pk},
    "wagtailadmin_api:pages:action": lambda w: {"pk": w.page.pk, "action_name": "publish"},
    "wagtailadmin_api:documents:detail": lambda w: {"pk": w.document.pk},
    "wagtailadmin_api:images:detail": lambda w: {"pk": w.image.pk},
    "wagtailadmin_explore": lambda w: {"parent_page_id": w.home.pk},
    "wagtailadmin_explore_results": lambda w: {"parent_page_id": w.home.pk},
    "wagtail_bulk_action": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "page",
        "action": "delete",
    },
    "wagtailadmin_pages:add": lambda w: {
        "content_type_app_name": "wagtailcore",
        "content_type_model_name": "page",
        "parent_page_id": w.home.pk,
    },
    "wagtailadmin_pages:preview_on_add": lambda w: {
        "content_type_app_name": "wagtailcore",
        "content_type_model_name": "page",
        "parent_page_id": w.home.pk,
    },
    "wagtailadmin_pages:add_subpage": lambda w: {"parent_page_id": w.home.pk},
    "wagtailadmin_pages:edit": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:preview_on_edit": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:view_draft": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:usage": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:delete": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:unpublish": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:convert_alias": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:move": lambda w: {"page_to_move_id": w.page.pk},
    "wagtailadmin_pages:move_confirm": lambda w: {
        "page_to_move_id": w.page.pk,
        "destination_id": w.home.pk,
    },
    "wagtailadmin_pages:set_page_position": lambda w: {"page_to_move_id": w.page.pk},
    "wagtailadmin_pages:copy": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:workflow_action": lambda w: {
        "page_id": w.page.pk,
        "action_name": "approve",
        "task_state_id": w.workflow_state.current_task_state.pk,
    },
    "wagtailadmin_pages:collect_workflow_action_data": lambda w: {
        "page_id": w.page.pk,
        "action_name": "approve",
        "task_state_id": w.workflow_state.current_task_state.pk,
    },
    "wagtailadmin_pages:confirm_workflow_cancellation": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:workflow_preview": lambda w: {"page_id": w.page.pk, "task_id": w.task.pk},
    "wagtailadmin_pages:set_privacy": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:lock": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:unlock": lambda w: {"page_id": w.page.pk},
    "wagtailadmin_pages:revisions_index": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:revisions_view": lambda w: {
        "page_id": w.page.pk,
        "revision_id": _revision(w),
    },
    "wagtailadmin_pages:revisions_revert": lambda w: {
        "page_id": w.page.pk,
        "revision_id": _revision(w),
    },
    "wagtailadmin_pages:revisions_unschedule": lambda w: {
        "page_id": w.page.pk,
        "revision_id": _revision(w),
    },
    "wagtailadmin_pages:revisions_compare": lambda w: {
        "pk": w.home.pk,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
    },
    "wagtailadmin_pages:workflow_history": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:workflow_history_detail": lambda w: {
        "page_id": w.page.pk,
        "workflow_state_id": w.workflow_state.pk,
    },
    "wagtailadmin_pages:history": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:history_results": lambda w: {"page_id": w.home.pk},
    "wagtailadmin_pages:type_use": lambda w: {
        "content_type_app_name": "scenarios",
        "content_type_model_name": "scenariopage",
    },
    "wagtailadmin_pages:type_use_results": lambda w: {
        "content_type_app_name": "scenarios",
        "content_type_model_name": "scenariopage",
    },
    "wagtailadmin_pages:choose_parent": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "page",
    },
    "wagtailadmin_choose_page_child": lambda w: {"parent_page_id": w.home.pk},
    "wagtailadmin_tag_model_autocomplete": lambda w: {
        "app_name": "wagtailimages",
        "model_name": "image",
    },
    "wagtailadmin_collections:edit": lambda w: {"pk": Collection.get_first_root_node().pk},
    "wagtailadmin_collections:delete": lambda w: {"pk": Collection.get_first_root_node().pk},
    "wagtailadmin_collections:set_privacy": lambda w: {
        "collection_id": Collection.get_first_root_node().pk
    },
    "wagtailadmin_workflows:enable": lambda w: {"pk": w.workflow.pk},
    "wagtailadmin_workflows:disable": lambda w: {"pk": w.workflow.pk},
    "wagtailadmin_workflows:edit": lambda w: {"pk": w.workflow.pk},
    "wagtailadmin_workflows:usage": lambda w: {"pk": w.workflow.pk},
    "wagtailadmin_workflows:usage_results": lambda w: {"pk": w.workflow.pk},
    "wagtailadmin_workflows:remove": lambda w: {"page_pk": w.page.get_parent().pk},
    "wagtailadmin_workflows:add_task": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "groupapprovaltask",
    },
    "wagtailadmin_workflows:edit_task": lambda w: {"pk": w.task.pk},
    "wagtailadmin_workflows:disable_task": lambda w: {"pk": w.task.pk},
    "wagtailadmin_workflows:enable_task": lambda w: {"pk": w.task.pk},
    "wagtailadmin_workflows:task_chosen": lambda w: {"task_id": w.task.pk},
    "wagtailadmin_editing_sessions:ping": lambda w: {
        "app_label": "wagtailcore",
        "model_name": "page",
        "object_id": str(w.page.pk),
        "session_id": 999999,
    },
    "wagtailadmin_editing_sessions:release": lambda w: {"session_id": 999999},
    "scenarios_admin:map": lambda w: {"page_id": w.draft.pk},
    "scenarios_admin:map_check": lambda w: {"page_id": w.draft.pk},
    "scenarios_admin:map_save": lambda w: {"page_id": w.draft.pk},
    "scenarios_admin:map_play": lambda w: {"page_id": w.draft.pk},
    "scenarios_admin:export": lambda w: {"page_id": w.draft.pk},
    "wagtailredirects:edit": lambda w: {"redirect_id": w.redirect.pk},
    "wagtailredirects:delete": lambda w: {"redirect_id": w.redirect.pk},
    "wagtaildocs:edit": lambda w: {"document_id": w.document.pk},
    "wagtaildocs:delete": lambda w: {"document_id": w.document.pk},
    "wagtaildocs:edit_multiple": lambda w: {"doc_id": w.document.pk},
    "wagtaildocs:create_multiple_from_uploaded_document": lambda w: {"uploaded_file_id": 999999},
    "wagtaildocs:delete_multiple": lambda w: {"doc_id": w.document.pk},
    "wagtaildocs:delete_upload_multiple": lambda w: {"uploaded_file_id": 999999},
    "wagtaildocs:document_usage": lambda w: {"document_id": w.document.pk},
    "wagtailimages:edit": lambda w: {"image_id": w.image.pk},
    "wagtailimages:delete": lambda w: {"image_id": w.image.pk},
    "wagtailimages:url_generator": lambda w: {"image_id": w.image.pk},
    "wagtailimages:url_generator_output": lambda w: {"image_id": w.image.pk},
    "wagtailimages:preview": lambda w: {"image_id": w.image.pk, "filter_spec": "original"},
    "wagtailimages:image_usage": lambda w: {"image_id": w.image.pk},
    "wagtailimages:edit_multiple": lambda w: {"image_id": w.image.pk},
    "wagtailimages:create_multiple_from_uploaded_image": lambda w: {"uploaded_file_id": 999999},
    "wagtailimages:delete_multiple": lambda w: {"image_id": w.image.pk},
    "wagtailimages:delete_upload_multiple": lambda w: {"uploaded_file_id": 999999},
    "wagtailsnippetchoosers_scenarios_principle:chosen": lambda w: {"pk": str(w.principle.pk)},
    "wagtaildocs_chooser:chosen": lambda w: {"pk": str(w.document.pk)},
    "wagtailimages_chooser:chosen": lambda w: {"pk": str(w.image.pk)},
    "wagtailimages_chooser:select_format": lambda w: {"image_id": w.image.pk},
    "wagtailadmin_password_reset_confirm": lambda w: {"uidb64": "MQ", "token": "geraden"},
}


def _membership_request(world):
    from people.membership import ask_to_join

    return ask_to_join(world.learner, world.team.organisation)


def _accreditation(world):
    from accreditation.models import Accreditation

    accreditation, _ = Accreditation.objects.get_or_create(
        course=world.course,
        register="registerplein",
        defaults={
            "accreditation_id": "PE-1",
            "points": 2,
            "study_hours": 2,
            "valid_from": "2026-01-01",
            "valid_until": "2027-12-31",
        },
    )
    return accreditation


def _pe_online_batch(world):
    """A batch of side A's course, with a rejected row of side A's learner: content leads
    only (accreditation/pe_online_admin.py)."""
    from accreditation.models import PeOnlineBatch, PeOnlineRow

    batch = PeOnlineBatch.objects.filter(course=world.course).first()
    if batch is None:
        batch = PeOnlineBatch.objects.create(
            course=world.course, since="2026-01-01", until="2026-12-31", status="answered"
        )
        PeOnlineRow.objects.create(
            batch=batch,
            position=0,
            user=world.learner,
            accreditation=_accreditation(world),
            register="registerplein",
            course_id="PE-1",
            person_id="123456",
            end="2026-06-01T12:00:00+02:00",
            status="rejected",
            error_message=SECRET_NAME,
        )
    return batch


ARGUMENTS["pe_online:batch"] = lambda w: {"pk": _pe_online_batch(w.base).pk}

VIEWSET_OBJECTS = {
    "wagtailsnippets_scenarios_principle": lambda w: w.principle,
    "organisations": lambda w: w.base.team.organisation,
    # The house style of side A's organisation: only its own administrators change it.
    "house_style": lambda w: w.base.team.organisation,
    "teams": lambda w: w.base.team,
    "profiles": lambda w: w.base.learner.profile,
    "cohorts": lambda w: w.base.cohort,
    "wagtailsites": lambda w: Site.objects.get(),
    "wagtailusers_users": lambda w: w.base.learner,
    "wagtailusers_groups": lambda w: Group.objects.get(name=roles.TRAINERS),
    # A request to join side A's organisation: only its administrators decide.
    "membership_requests": lambda w: _membership_request(w.base),
    "accreditations": lambda w: _accreditation(w.base),
}
VIEWSET_VIEWS = ("edit", "delete", "history", "history_results", "usage", "copy", "inspect")
for _namespace, _target in VIEWSET_OBJECTS.items():
    for _view in VIEWSET_VIEWS:
        if (
            _namespace
            in (
                "cohorts",
                "wagtailusers_groups",
                "membership_requests",
                "house_style",
                "accreditations",
            )
            and _view == "copy"
        ):
            continue  # these viewsets have no copy view
        if _view == "inspect" and _namespace != "accreditations":
            continue  # only accreditations can be inspected (trainers look, but not change)
        ARGUMENTS[f"{_namespace}:{_view}"] = lambda w, target=_target: {"pk": target(w).pk}

# Who besides side A may use a URL, and why. Everything else is refused to every persona.
STAFF = frozenset(PERSONAS) - {"manager"}
ALLOWED = {
    # Wagtail answers these to anyone who may enter the admin, with nothing about people:
    # page titles (public on the site anyway), a principle (public), a task's name, an
    # unknown editing session, the title and address of an image or document, and the
    # question whether to cancel a review (the answer is refused; see test_staff_roles.py).
    "wagtailadmin_pages:confirm_workflow_cancellation": STAFF,
    "wagtailadmin_choose_page_child": STAFF,
    "wagtailadmin_pages:choose_parent": STAFF,
    "wagtailsnippetchoosers_scenarios_principle:chosen": STAFF,
    "wagtailadmin_workflows:task_chosen": STAFF,
    "wagtailadmin_editing_sessions:ping": STAFF,
    "wagtailadmin_editing_sessions:release": STAFF,
    "wagtailadmin_api:images:detail": STAFF,
    "wagtailadmin_api:documents:detail": STAFF,
    # Trainers browse down to their sections, and choose documents. Images live in
    # collections: an organisation's logo is chosen only by that organisation's
    # administrators, so the image chooser refuses every persona here, the other
    # organisation's administrator included.
    "wagtailadmin_explore": TRAINERS,
    "wagtailadmin_explore_results": TRAINERS,
    "wagtailadmin_api:pages:detail": TRAINERS,
    "wagtaildocs_chooser:chosen": TRAINERS,
    "wagtailadmin_pages:type_use": TRAINERS,
    "wagtailadmin_pages:type_use_results": TRAINERS,
    # Trainers may open and change another trainer's page in their sections; the change
    # waits for a content lead (see test_staff_roles.py). Publishing, unpublishing, moving,
    # deleting, privacy and locks stay refused.
    "scenarios_admin:map": TRAINERS,
    # The map's check, save (a draft revision, refused without the revision it was opened
    # at) and play-from-here: whoever may edit the page, as with its form.
    "scenarios_admin:map_check": TRAINERS,
    "scenarios_admin:map_save": TRAINERS,
    "scenarios_admin:map_play": TRAINERS,
    "scenarios_admin:export": TRAINERS,
    "wagtailadmin_pages:revisions_view": TRAINERS,
    "wagtailadmin_pages:revisions_revert": TRAINERS,
    "wagtailadmin_pages:workflow_history_detail": TRAINERS,
    "wagtailadmin_pages:workflow_preview": TRAINERS,
    # Principles are read by trainers (view right), changed only by content leads.
    "wagtailsnippets_scenarios_principle:history": TRAINERS,
    "wagtailsnippets_scenarios_principle:history_results": TRAINERS,
    "wagtailsnippets_scenarios_principle:usage": TRAINERS,
    # Accreditations likewise: trainers may look (view right), content leads change them.
    "accreditations:inspect": TRAINERS,
    "accreditations:history": TRAINERS,
    "accreditations:history_results": TRAINERS,
    "accreditations:usage": TRAINERS,
}


def admin_patterns() -> dict[str, URLPattern]:
    """Return the admin's URL patterns that take an argument, by namespaced name."""

    def walk(patterns, namespace="", inside_admin=False):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                admin = inside_admin or str(pattern.pattern) == "admin/"
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner, admin)
            elif inside_admin and pattern.pattern.regex.groups:
                yield f"{namespace}{pattern.name}", pattern

    return dict(walk(get_resolver().url_patterns))


def test_every_admin_url_that_takes_an_object_has_a_row():
    assert set(admin_patterns()) == set(ARGUMENTS)


def snapshot() -> dict:
    """Every row of every table, except what any request or login writes."""
    rows = {}
    for model in apps.get_models(include_auto_created=True):
        if model._meta.db_table in VOLATILE or model._meta.proxy:
            continue
        fields = [f.attname for f in model._meta.concrete_fields if f.name != "last_login"]
        queryset = model._base_manager.order_by()
        if model._meta.db_table == "wagtailcore_modellogentry":
            # A staff member's first admin visit starts their MFA grace period (any request).
            queryset = queryset.exclude(action="kantelwerk.first_admin_visit")
        rows[model._meta.db_table] = sorted(map(repr, queryset.values_list(*fields)))
    return rows


POST_DATA = {
    "title": "Overgenomen",
    "slug": "overgenomen",
    "name": "Overgenomen",
    "trainers": [],
    "participants": [],
    "add_participant": "a-trainer2@example.nl",
    "new_parent_page": "",
    "restriction_type": "none",
    "action-publish": "action-publish",
    "approve": "1",
}


@pytest.mark.parametrize("persona", PERSONAS)
def test_staff_are_refused_what_they_do_not_own_or_train(client, admin_world, persona):
    """One persona, every admin URL: each answer a refusal, the database unchanged."""
    client.force_login(admin_world.personas[persona])
    _membership_request(admin_world.base)  # exists before the snapshot, like every object
    _accreditation(admin_world.base)
    _pe_online_batch(admin_world.base)
    before = snapshot()
    problems = []
    for name in sorted(ARGUMENTS):
        if persona in ALLOWED.get(name, ()):
            continue
        url = reverse(name, kwargs=ARGUMENTS[name](admin_world))
        for method in ("get", "post"):
            response = getattr(client, method)(url, POST_DATA if method == "post" else None)
            body = response.content.decode(errors="replace")
            if response.status_code == 200:
                problems.append((method, url, "answered 200"))
            if any(secret in body for secret in (SECRET_NAME, SECRET_REFLECTION, SECRET_REPLY)):
                problems.append((method, url, "shows a secret"))
        after = snapshot()
        if after != before:
            changed = [table for table in after if after[table] != before.get(table)]
            problems.append(("post", url, f"changed {changed}"))
            before = after
    assert not problems, "\n".join(map(str, problems))


def test_side_a_itself_may_use_its_objects(client, admin_world):
    """The matrix would pass vacuously if the owners were refused too."""
    world = admin_world.base
    client.force_login(world.trainer)
    assert client.get(reverse("cohorts:edit", args=[world.cohort.pk])).status_code == 200
    draft_edit = reverse("wagtailadmin_pages:edit", args=[admin_world.draft.pk])
    assert client.get(draft_edit).status_code == 200
    map_url = reverse("scenarios_admin:map", args=[admin_world.draft.pk])
    assert client.get(map_url).status_code == 200


def test_side_a_s_administrator_chooses_its_logo(client, admin_world, make_user):
    """The image chooser's refusals above are not vacuous: A's own administrator may choose."""
    org_a = admin_world.base.team.organisation
    fb = make_user("a-beheer@example.nl", organisation=org_a, groups=[roles.ORGANISATION_ADMINS])
    client.force_login(fb)
    chosen = reverse("wagtailimages_chooser:chosen", args=[admin_world.image.pk])
    assert client.get(chosen).status_code == 200
