"""Background tasks (django-tasks): in production the database backend, run by
``manage.py db_worker``; in development and the tests they run at once."""

from django_tasks import task

from .pe_online_sending import send_batch


@task()
def send_pe_online_batch(batch_id: int) -> str:
    return send_batch(batch_id)
