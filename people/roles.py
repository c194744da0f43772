"""Staff roles: the one place that names them, their groups and what each may do in the admin.

| role | how someone gets it |
| --- | --- |
| learner | every account (role on the profile: professional, volunteer, civil servant) |
| trainer | the ``Trainers`` group |
| content lead (inhoudelijk beheerder) | the ``Inhoudelijk beheerders`` group |
| manager | managing one or more teams (``Profile.managed_teams``); no admin access |
| organisation administrator (functioneel beheerder) | the ``Functioneel beheerders`` group |
| platform administrator | ``is_superuser`` |

The rights live in the database, as Django and Wagtail keep them: model permissions on the
groups, page permissions per section (the course overview and the scenario library, see
``open_section``) and the review workflow. Migrations and the demo call the functions below
with their ``apps`` registry, so the historical models of a migration work as well.
"""

from django.apps import apps as django_apps

TRAINERS = "Trainers"
CONTENT_LEADS = "Inhoudelijk beheerders"
ORGANISATION_ADMINS = "Functioneel beheerders"
STAFF_GROUPS = (TRAINERS, CONTENT_LEADS, ORGANISATION_ADMINS)

# An organisation's administrators upload and choose its logo in an image collection of its
# own. Wagtail grants image rights per collection (GroupCollectionPermission), never through
# model permissions, so each organisation has a group of its own that holds these rights on
# its collection and contains exactly its administrators.
IMAGE_COLLECTION_RIGHTS = ("add_image", "choose_image")
IMAGE_GROUP_PREFIX = "Afbeeldingen: "

# Trainers and content leads put images and documents in their lessons: they upload and choose
# them in one shared collection, apart from the organisations' logos.
COURSE_MATERIAL = "Cursusmateriaal"
COURSE_MATERIAL_RIGHTS = {
    TRAINERS: (
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "choose_document"),
    ),
    CONTENT_LEADS: (
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "change_image"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "add_document"),
        ("wagtaildocs", "document", "change_document"),
        ("wagtaildocs", "document", "choose_document"),
    ),
}

REVIEW_WORKFLOW = "Ter beoordeling"
REVIEW_TASK = "Beoordeling door inhoudelijk beheer"

ADMIN_ACCESS = ("wagtailadmin", "admin", "access_admin")

# (app_label, model, codename) granted to each group. Nothing else is granted: a right that is
# missing here is refused by Wagtail's own permission checks.
MODEL_RIGHTS = {
    TRAINERS: [
        ADMIN_ACCESS,
        ("courses", "cohort", "add_cohort"),
        ("courses", "cohort", "change_cohort"),
        ("courses", "cohort", "view_cohort"),
        ("scenarios", "principle", "view_principle"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    CONTENT_LEADS: [
        ADMIN_ACCESS,
        ("scenarios", "principle", "add_principle"),
        ("scenarios", "principle", "change_principle"),
        ("scenarios", "principle", "delete_principle"),
        ("scenarios", "principle", "view_principle"),
        ("wagtailimages", "image", "choose_image"),
        ("wagtaildocs", "document", "choose_document"),
    ],
    ORGANISATION_ADMINS: [
        ADMIN_ACCESS,
        ("people", "organisation", "view_organisation"),
        ("people", "organisationstyle", "change_organisationstyle"),
        ("people", "organisationstyle", "view_organisationstyle"),
        ("wagtailimages", "image", "add_image"),
        ("wagtailimages", "image", "choose_image"),
        ("people", "team", "add_team"),
        ("people", "team", "change_team"),
        ("people", "team", "view_team"),
        ("people", "profile", "change_profile"),
        ("people", "profile", "view_profile"),
    ],
}

# Page rights per section. Trainers write and may change any page in the section, but only
# content leads publish: every change, to one's own work or another's, goes through review.
# Without "publish", Wagtail lets a trainer delete or move no live page; ``may_remove_page``
# keeps them from deleting or moving another trainer's draft as well.
SECTION_RIGHTS = {
    TRAINERS: ("add", "change"),
    CONTENT_LEADS: ("add", "change", "publish", "bulk_delete", "lock", "unlock"),
}


def _in_group(user, name: str) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    names = getattr(user, "_staff_group_names", None)
    if names is None:
        names = set(user.groups.filter(name__in=STAFF_GROUPS).values_list("name", flat=True))
        user._staff_group_names = names
    return name in names


def may_use_admin(user) -> bool:
    """Staff of every role reach the Wagtail admin; what they see there, their rights decide."""
    app_label, _model, codename = ADMIN_ACCESS
    return user.is_authenticated and user.has_perm(f"{app_label}.{codename}")


def is_platform_admin(user) -> bool:
    return user.is_authenticated and user.is_active and user.is_superuser


def is_trainer(user) -> bool:
    """Trainers author courses and scenarios and run learning groups (administrators too)."""
    return is_platform_admin(user) or _in_group(user, TRAINERS)


def trainer_accounts():
    """Every account that ``is_trainer``: the trainers' group and the administrators."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    return (
        get_user_model()
        .objects.filter(Q(groups__name=TRAINERS) | Q(is_superuser=True), is_active=True)
        .distinct()
    )


def is_content_lead(user) -> bool:
    return is_platform_admin(user) or _in_group(user, CONTENT_LEADS)


def is_organisation_admin(user) -> bool:
    return is_platform_admin(user) or _in_group(user, ORGANISATION_ADMINS)


def is_manager(user) -> bool:
    """Managers see their own teams' figures on the site; they have no admin rights."""
    from .models import Team

    return user.is_authenticated and Team.objects.filter(managers__user_id=user.pk).exists()


def sees_whole_site(user) -> bool:
    """Site-wide reports (site history) are for content leads and platform administrators."""
    return is_content_lead(user)


def may_remove_page(user, page) -> bool:
    """Deleting or moving a page: publishers may; others only their own pages."""
    if page.permissions_for_user(user).can_publish():
        return True
    return not page.get_descendants(inclusive=True).exclude(owner=user).exists()


def add_to_group(user, name: str) -> None:
    from django.contrib.auth.models import Group

    user.groups.add(Group.objects.get_or_create(name=name)[0])
    user.__dict__.pop("_staff_group_names", None)


def _permissions(apps, rights) -> list:
    """The permissions named (app_label, model, codename), made where they do not exist yet
    (a migration can run before Django creates them after migrating)."""
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = []
    for app_label, model, codename in rights:
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission, _ = Permission.objects.get_or_create(
            content_type=content_type, codename=codename, defaults={"name": codename}
        )
        permissions.append(permission)
    return permissions


def grant_model_rights(apps=django_apps) -> None:
    """Create the staff groups and give each exactly its model permissions."""
    Group = apps.get_model("auth", "Group")
    for name, rights in MODEL_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.set(_permissions(apps, rights))


def add_model_rights(name: str, rights, apps=django_apps) -> None:
    """Add rights to a staff group and keep what it has: for a later app's migration, which
    must not take away what other migrations gave the same group."""
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
    group.permissions.add(*_permissions(apps, rights))


def _add_collection(apps, name: str):
    """Add a collection under the root, as treebeard would (historical models lack add_child)."""
    Collection = apps.get_model("wagtailcore", "Collection")
    root = Collection.objects.filter(depth=1).order_by("path").first()
    if root is None:  # a database emptied after migrating (transactional tests)
        root = Collection.objects.create(name="Root", path="0001", depth=1, numchild=0)
    last = Collection.objects.filter(depth=2, path__startswith=root.path).order_by("-path").first()
    number = int(last.path[-4:], 36) + 1 if last else 1
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = digits[digit] + step
    collection = Collection.objects.create(
        name=name, path=root.path + step.rjust(4, "0"), depth=2, numchild=0
    )
    Collection.objects.filter(pk=root.pk).update(numchild=root.numchild + 1)
    return collection


def open_image_collection(organisation, apps=django_apps) -> None:
    """Give ``organisation`` its own image collection, where its administrators (and nobody
    else but platform administrators) upload and choose its logo; keep the collection's
    name and the administrators' group in step with the organisation."""
    Organisation = apps.get_model("people", "Organisation")
    Group = apps.get_model("auth", "Group")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    given, organisation = organisation, Organisation.objects.get(pk=organisation.pk)
    collection = organisation.image_collection
    if collection is None:
        collection = _add_collection(apps, organisation.name)
        Organisation.objects.filter(pk=organisation.pk).update(image_collection=collection)
        given.image_collection = collection
    elif collection.name != organisation.name:
        collection.name = organisation.name
        collection.save(update_fields=["name"])
    group = Group.objects.filter(collection_permissions__collection=collection).first()
    name = (IMAGE_GROUP_PREFIX + organisation.name)[:150]
    if group is None:  # a group of that name left by an earlier organisation is taken over
        group, _ = Group.objects.get_or_create(name=name)
    elif group.name != name:
        group.name = name
        group.save(update_fields=["name"])
    # Exactly these rights on exactly this collection, whatever the group held before.
    GroupCollectionPermission.objects.filter(group=group).exclude(collection=collection).delete()
    rights = [("wagtailimages", "image", codename) for codename in IMAGE_COLLECTION_RIGHTS]
    _grant_on_collection(apps, group, collection, rights)
    group.user_set.set(organisation.administrators.all())


def open_course_material(apps=django_apps) -> None:
    """The shared collection where trainers and content leads keep their lessons' images and
    documents, with exactly the rights of ``COURSE_MATERIAL_RIGHTS``."""
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    collection = Collection.objects.filter(depth=2, name=COURSE_MATERIAL).first()
    if collection is None:
        collection = _add_collection(apps, COURSE_MATERIAL)
    for name, rights in COURSE_MATERIAL_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        _grant_on_collection(apps, group, collection, rights)


def _grant_on_collection(apps, group, collection, rights) -> None:
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for permission in _permissions(apps, rights):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )


def review_workflow(apps=django_apps):
    """Return the workflow that sends trainers' changes to the content leads."""
    Group = apps.get_model("auth", "Group")
    ContentType = apps.get_model("contenttypes", "ContentType")
    Workflow = apps.get_model("wagtailcore", "Workflow")
    WorkflowTask = apps.get_model("wagtailcore", "WorkflowTask")
    GroupApprovalTask = apps.get_model("wagtailcore", "GroupApprovalTask")

    workflow, created = Workflow.objects.get_or_create(name=REVIEW_WORKFLOW)
    if created or not workflow.workflow_tasks.exists():
        task_type, _ = ContentType.objects.get_or_create(
            app_label="wagtailcore", model="groupapprovaltask"
        )
        task = GroupApprovalTask.objects.create(name=REVIEW_TASK, content_type=task_type)
        task.groups.set([Group.objects.get_or_create(name=CONTENT_LEADS)[0]])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    return workflow


def open_section(page, apps=django_apps) -> None:
    """Give trainers and content leads their rights on a section, and put it under review."""
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    WorkflowPage = apps.get_model("wagtailcore", "WorkflowPage")

    page_type, _ = ContentType.objects.get_or_create(app_label="wagtailcore", model="page")
    for name, actions in SECTION_RIGHTS.items():
        group, _ = Group.objects.get_or_create(name=name)
        for action in actions:
            permission, _ = Permission.objects.get_or_create(
                content_type=page_type, codename=f"{action}_page", defaults={"name": action}
            )
            GroupPagePermission.objects.get_or_create(
                group=group, page_id=page.pk, permission=permission
            )
    WorkflowPage.objects.update_or_create(
        page_id=page.pk, defaults={"workflow": review_workflow(apps)}
    )
