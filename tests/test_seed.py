"""The motivating article: the project's own scorer must see the mediation and the meetings."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SHARED
from mediation_graph.model import Document

SEED_TEXT = SHARED / "seed" / "ankara_meeting_ar.txt"
REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(not SEED_TEXT.exists(), reason="../shared is not beside the repo")


def test_every_offset_slices_to_its_words(extractor):
    text = SEED_TEXT.read_text(encoding="utf-8")
    result = extractor.extract(Document(id="seed", text=text, language="ar"))
    assert result.events
    for event in result.events:
        assert text[event.trigger.start:event.trigger.end] == event.trigger.text
        start, end = event.sentence_span.start, event.sentence_span.end
        assert text[start:end] == event.sentence_span.text
        for mention in event.actors + event.recipients:
            assert text[mention.span.start:mention.span.end] == mention.span.text


def test_the_seed_scores_with_the_shared_scorer():
    exe = Path(sys.executable).parent / "mediation-graph"
    proc = subprocess.run(
        [sys.executable, str(SHARED / "benchmarks" / "score.py"), "--project", str(REPO),
         "--json"], capture_output=True, text=True, timeout=300,
        env={**os.environ, "MG_EXE": str(exe)}, check=True)
    report = json.loads(proc.stdout[proc.stdout.index("{"):proc.stdout.rindex("}") + 1])
    assert report["mediation_recall.all"] == 1.0
    assert report["entity.all"]["f1"] >= 0.9
