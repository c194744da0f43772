"""Turn the site's root page into a HomePage, so the admin's tree shows no Wagtail welcome page.

Wagtail's own first migration makes a plain page, "Welcome to your new Wagtail site!", the
default site's root. It keeps its place, id, children and site; it only changes type and
gets the texts the home page showed before they became editable, and Wagtail's title
becomes "Kantelwerk" (a title someone chose is kept).
"""

from django.db import migrations

TITLE = "Kantelwerk"
WAGTAIL_WELCOME = "Welcome to your new Wagtail site!"
TEXTS = {
    "heading": "Samen leren voor de kanteling in het sociaal domein",
    "intro": (
        "Bij Kantelwerk leren professionals, vrijwilligers en gemeenteambtenaren samen hoe je "
        "werkt vanuit wat mensen zelf kunnen, en wat hun eigen netwerk kan."
    ),
    "body": (
        "In elke cursus staat het keukentafelgesprek centraal. Je oefent het als rollenspel: "
        "jij kiest wat je zegt, en je krijgt feedback op de principes van de kanteling, zoals "
        "eigen kracht, sociaal netwerk en presentie. Er is geen goed of fout, alleen meer en "
        "minder gewenste oplossingen, steeds met uitleg waarom."
    ),
    "heading_en": "Learning together for the shift in the social domain",
    "intro_en": (
        "Kantelwerk is where professionals, volunteers and civil servants learn together how "
        "to work on the basis of what people can do themselves and with their own network."
    ),
    "body_en": (
        "At the heart of every course is the kitchen-table conversation. You practise it as a "
        "role-play: you choose what you say, and you get feedback on the principles of the "
        "shift, such as own strength, social network and presence. There is no right or wrong, "
        "only more and less desired solutions, each with an explanation."
    ),
}


def convert_default_root(apps, schema_editor):
    """Make the default site's root a HomePage if it is still a plain page; else do nothing."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    HomePage = apps.get_model("home", "HomePage")

    site = Site.objects.filter(is_default_site=True).first()
    plain = ContentType.objects.filter(app_label="wagtailcore", model="page").first()
    if site is None or plain is None:
        return
    page = Page.objects.filter(pk=site.root_page_id, content_type=plain).first()
    if page is None:
        return
    home_type, _ = ContentType.objects.get_or_create(app_label="home", model="homepage")
    kept = {field.attname: getattr(page, field.attname) for field in Page._meta.concrete_fields}
    title = TITLE if page.title == WAGTAIL_WELCOME else page.title
    renamed = {"content_type_id": home_type.pk, "title": title, "draft_title": title}
    home = HomePage(**kept | renamed, page_ptr_id=page.pk, **TEXTS)
    # Only the HomePage row is inserted: the page row (and its place in the tree) stays.
    home.save_base(raw=True)
    Page.objects.filter(pk=page.pk).update(**renamed)


def restore_plain_root(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    HomePage = apps.get_model("home", "HomePage")
    plain = ContentType.objects.get(app_label="wagtailcore", model="page")
    ids = list(HomePage.objects.values_list("pk", flat=True))
    schema_editor.execute(f"DELETE FROM {schema_editor.quote_name(HomePage._meta.db_table)}")
    Page.objects.filter(pk__in=ids).update(content_type=plain)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0001_home_page"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(convert_default_root, restore_plain_root)]
