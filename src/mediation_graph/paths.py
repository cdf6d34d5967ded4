"""Where the project's data lives: the ontology and query library beside the package."""

from __future__ import annotations

import os
from pathlib import Path

_ROOT = Path(__file__).resolve().parents[2]


def ontology_dir() -> Path:
    """The ontology folder; ``MEDIATION_GRAPH_ONTOLOGY`` points elsewhere for a custom lexicon."""
    return Path(os.environ.get("MEDIATION_GRAPH_ONTOLOGY", _ROOT / "ontology"))


def queries_dir() -> Path:
    return Path(os.environ.get("MEDIATION_GRAPH_QUERIES", _ROOT / "queries"))
