"""The named query library: ``queries/*.rq``, each with ``# title:`` and ``# description:``."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..paths import queries_dir

_QUERY_FORM = re.compile(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", re.IGNORECASE)


@dataclass(frozen=True)
class NamedQuery:
    name: str
    title: str
    description: str
    sparql: str
    path: Path


def parse_header(text: str) -> tuple[str, str]:
    """Title and description from the leading comment block (a description may run on over
    indented comment lines)."""
    fields: dict[str, list[str]] = {}
    current: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        body = line[1:].strip()
        match = re.match(r"^(title|description):\s*(.*)$", body)
        if match:
            current = match.group(1)
            fields[current] = [match.group(2)]
        elif current and line[1:].startswith("  "):
            fields[current].append(body)
    return " ".join(fields.get("title", [])), " ".join(fields.get("description", []))


def library(folder: Path | None = None) -> list[NamedQuery]:
    folder = folder or queries_dir()
    found = []
    for path in sorted(folder.glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        title, description = parse_header(text)
        found.append(NamedQuery(path.stem, title, description, text, path))
    return found


def resolve(argument: str, folder: Path | None = None) -> str:
    """SPARQL from a file path, a library name, or the argument itself."""
    path = Path(argument)
    if len(argument) < 1000 and "\n" not in argument and path.is_file():
        try:
            return path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"cannot read {path}: {exc}") from exc
    named = (folder or queries_dir()) / f"{argument}.rq"
    if re.fullmatch(r"[A-Za-z0-9_-]+", argument) and named.is_file():
        return named.read_text(encoding="utf-8")
    if _QUERY_FORM.search(argument):
        return argument
    raise InputError(f"{argument!r} is neither a file, a named query nor SPARQL "
                     "(`mediation-graph query --list` shows the named queries)")
