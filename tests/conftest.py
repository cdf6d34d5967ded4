"""Fixtures shared by the extraction tests: one extractor for the session, a helper to run it."""

from __future__ import annotations

from pathlib import Path

import pytest

from mediation_graph.extract.pipeline import Extractor
from mediation_graph.model import Document, Event

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
