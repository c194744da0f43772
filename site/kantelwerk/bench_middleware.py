"""Bench-only middleware: report the database queries a request made (X-Queries header)."""

from contextlib import ExitStack

from django.db import connections


class _Counter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    """Count every query on every database connection while the request is handled.

    Installed only by kantelwerk.settings.bench, outermost, so the count covers the other
    middleware too (session, authentication). Queries a streaming response makes while it is
    being sent are not counted; no page of the site streams.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        counter = _Counter()
        with ExitStack() as stack:
            for connection in connections.all():
                stack.enter_context(connection.execute_wrapper(counter))
            response = self.get_response(request)
        response["X-Queries"] = str(counter.count)
        return response
