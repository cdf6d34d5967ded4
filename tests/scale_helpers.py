"""Small synthetic corpora and store comparisons shared by the scale tests."""

from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox

from mediation_graph.cli import main as cli

# Our own sentences: mediation, meetings, accusations and aid, in English and Arabic.
SENTENCES: tuple[tuple[str, str], ...] = (
    ("en", "Qatar and Egypt mediated talks between Hamas and Israel in Cairo on Monday."),
    ("en", "Turkey's intelligence chief met Hamas leaders in Ankara."),
    ("en", "The United States accused Iran of supplying weapons to the Houthis."),
    ("en", "Oman hosted talks between Iran and the United States in Muscat."),
    ("ar", "التقى رئيس جهاز الاستخبارات التركي قادة حماس في أنقرة."),
    ("ar", "استضافت قطر محادثات بين حماس وإسرائيل بوساطة مصرية."),
)


def corpus_lines(n: int, changed: frozenset[int] = frozenset()) -> list[str]:
    """``n`` two-sentence documents; documents in ``changed`` say something else."""
    lines = []
    for i in range(n):
        language, first = SENTENCES[i % len(SENTENCES)]
        same = [t for lang, t in SENTENCES if lang == language]
        second = same[(i // len(SENTENCES)) % len(same)]
        text = f"{first} {second}"
        if i in changed:
            text = text.replace("Hamas", "Fatah").replace("حماس", "فتح")
        record = {"id": f"doc{i:04d}", "text": text, "language": language,
                  "date": f"2024-03-{1 + i % 28:02d}"}
        lines.append(json.dumps(record, ensure_ascii=False))
    return lines


def write_corpus(path: Path, n: int, changed: frozenset[int] = frozenset()) -> Path:
    path.write_text("\n".join(corpus_lines(n, changed)) + "\n", encoding="utf-8")
    return path


def build(*argv: str | Path) -> int:
    return cli.main(["build", *map(str, argv), "--quiet"])


def store_quads(path: Path) -> list[str]:
    """Every quad of an on-disk store, sorted: two stores are the same when these are."""
    store = ox.Store(str(path))
    try:
        return sorted(str(q) for q in store)
    finally:
        del store


def manifest_hashes(path: Path) -> dict[str, str]:
    from mediation_graph.scale.manifest import CONTENT_HASH, MANIFEST_GRAPH

    store = ox.Store(str(path))
    try:
        return {q.subject.value: q.object.value for q in store.quads_for_pattern(
            None, ox.NamedNode(CONTENT_HASH), None, ox.NamedNode(MANIFEST_GRAPH))}
    finally:
        del store
