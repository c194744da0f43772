"""The scenario engine: the exchange format, its checks, the graph rules, play and scoring.

Pure Python: imports nothing from Django, so it can be tested and reused on its own (a test
in tests/architecture reads the imports). The contract is ``shared/scenario-format.md``
(format version 1, scoring version 2). Problems are data (``Problem``: a code, its
parameters and the part concerned); ``scenarios.problem_messages`` words them.
Advice (``Advice``, ``advise``) is data too, never blocks publishing, and
``scenarios.advice_messages`` words it.
"""

from .advice import ADVICE_CODES, Advice, advise
from .exchange import MAX_FILE_BYTES, load_json, parse_document, to_document
from .format_checks import (
    FORMAT,
    LANGUAGES,
    MAX_CHOICES,
    MAX_NODES,
    MAX_PRINCIPLES,
    MAX_SCORE,
    MAX_TEXT,
    MAX_TITLE,
    MIN_SCORE,
    QUALITIES,
    ROLES,
    SPEAKERS,
    VERSION,
    check_document,
    is_key,
)
from .graph_rules import closest_key, validate_graph
from .problems import CODES, Problem
from .scenario import Choice, Node, Path, Result, Scenario
from .scoring import (
    BANDS,
    SCORING_VERSION,
    band,
    better_alternative,
    bounds,
    desired_route,
    next_node,
    round_half_away,
    score_path,
    shortest_route_to,
    shown_choices,
    walk,
)

__all__ = [
    "ADVICE_CODES",
    "Advice",
    "advise",
    "BANDS",
    "CODES",
    "FORMAT",
    "LANGUAGES",
    "MAX_CHOICES",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "MAX_PRINCIPLES",
    "MAX_SCORE",
    "MAX_TEXT",
    "MAX_TITLE",
    "MIN_SCORE",
    "QUALITIES",
    "ROLES",
    "SCORING_VERSION",
    "SPEAKERS",
    "VERSION",
    "Choice",
    "Node",
    "Path",
    "Problem",
    "Result",
    "Scenario",
    "band",
    "better_alternative",
    "bounds",
    "check_document",
    "closest_key",
    "desired_route",
    "is_key",
    "load_json",
    "next_node",
    "parse_document",
    "round_half_away",
    "score_path",
    "shortest_route_to",
    "shown_choices",
    "to_document",
    "validate_graph",
    "walk",
]
