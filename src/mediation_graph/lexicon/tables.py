"""Reading the lexicon's tab-separated files with line-exact errors."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from ..errors import LexiconError

PLOVER_SECTORS_PATTERN = re.compile(r"^[A-Z]{3}$")
ID_PATTERN = re.compile(r"^[A-Z0-9_]+$")


class Row(dict):
    """One line of a table: its cells by column name, and where it came from."""

    where: str

    def fail(self, message: str) -> LexiconError:
        return LexiconError(f"{self.where}: {message}")

    def items_of(self, column: str) -> list[str]:
        """A ``|``-separated cell as a list; empty entries are an error."""
        cell = self[column].strip()
        if not cell:
            return []
        items = [item.strip() for item in cell.split("|")]
        if any(not item for item in items):
            raise self.fail(f"empty entry in the {column!r} list")
        return items


def read_table(path: Path, columns: tuple[str, ...]) -> Iterator[Row]:
    """Rows of a TSV file whose header must be exactly ``columns``."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise LexiconError(f"{path}: lexicon file missing") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    header_seen = False
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = line.split("\t")
        if not header_seen:
            if tuple(cell.strip() for cell in cells) != columns:
                raise LexiconError(f"{path}:{number}: header must be: {' '.join(columns)}")
            header_seen = True
            continue
        if len(cells) > len(columns):
            raise LexiconError(f"{path}:{number}: {len(cells)} columns, expected {len(columns)}")
        cells += [""] * (len(columns) - len(cells))
        row = Row(zip(columns, (cell.strip() for cell in cells), strict=True))
        row.where = f"{path}:{number}"
        yield row
    if not header_seen:
        raise LexiconError(f"{path}: no header line")


def read_list(path: Path) -> list[str]:
    """A plain word list: one entry a line, ``#`` comments."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(f"{path}: cannot read ({exc})") from exc
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
