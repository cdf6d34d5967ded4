"""Fixtures shared by the extraction tests: one extractor for the session, a helper to run it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from mediation_graph.extract.pipeline import Extractor
from mediation_graph.graph.store import Store
from mediation_graph.model import Document, DocumentResult, Event

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture
def extract(extractor: Extractor):
    def run(text: str, language: str, date: str | None = None) -> list[Event]:
        return extractor.extract(Document(id="t", text=text, language=language, date=date)).events
    return run


def names(mentions) -> set[str]:
    return {m.entity.name for m in mentions}


def find(events: list[Event], event_type: str, mode: str | None = None) -> Event:
    for event in events:
        if event.event == event_type and (mode is None or event.mode == mode):
            return event
    raise AssertionError(f"no {event_type}/{mode} among {[(e.event, e.mode) for e in events]}")


# -- graph fixtures: two example documents (tests/graph_fixtures.py) in a store ------------------
@pytest.fixture
def graph_results() -> list[DocumentResult]:
    from graph_fixtures import arabic_result, english_result

    return [arabic_result(), english_result()]


@pytest.fixture
def graph_store(graph_results: list[DocumentResult]) -> Iterator[Store]:
    """An in-memory store holding both example documents."""
    with Store() as store:
        for result in graph_results:
            store.add_document(result)
        yield store


@pytest.fixture
def graph_store_dir(tmp_path: Path, graph_results: list[DocumentResult]) -> Path:
    """An on-disk store holding both example documents, closed (ready for the CLI)."""
    path = tmp_path / "store"
    with Store(path) as store:
        for result in graph_results:
            store.add_document(result)
    return path
