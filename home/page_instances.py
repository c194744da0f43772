"""Page objects that cost less to make.

Every page object Wagtail or a query makes runs modelcluster's ``ClusterableModel.__init__``,
which walks all of the model's fields (a page has about a hundred, with the reverse
relations) twice to find its child relations, on every instance: about 250 Python calls per
page, and a lesson page makes ten page objects. A model's fields do not change once Django's
app registry is ready, so the two answers are kept per model class. Before the registry is
ready (migrations, app loading) modelcluster's own functions answer.
"""

from __future__ import annotations

from django.apps import apps

_kept: dict[tuple[str, type], list] = {}
_originals: dict = {}


def _model_class(model) -> type:
    return model if isinstance(model, type) else type(model)


def _keeping(kind: str):
    def answer(model):
        cls = _model_class(model)
        try:
            return _kept[kind, cls]
        except KeyError:
            found = _originals[kind](cls)
            if apps.ready:
                _kept[kind, cls] = found
            return found

    answer.__name__ = kind
    return answer


def install() -> None:
    import modelcluster.models as cluster

    for kind in ("get_all_child_relations", "get_all_child_m2m_relations"):
        if kind not in _originals:
            _originals[kind] = getattr(cluster, kind)
            setattr(cluster, kind, _keeping(kind))
