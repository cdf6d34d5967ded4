"""Documents from files, folders, JSONL corpora and standard input.

Bytes are decoded by BOM, then strict UTF-8, then Windows-1256 (legacy Arabic) where that
yields Arabic, then charset-normalizer's best guess; binary files are refused. HTML loses its
tags and keeps its text with entities decoded. Every problem is an ``InputError`` naming the
file (and line, for JSONL), unless ``on_error="skip"``, which records it and goes on.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError
from ..model import Document
from .language import detect_language

TEXT_SUFFIXES = {".txt", ".md", ".text", ".html", ".htm", ".jsonl"}
MAX_DOCUMENT_BYTES = 8 * 1024 * 1024  # larger plain texts are read in parts of this size
_BINARY_SIGNATURES = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\xff\xd8\xff", b"GIF8", b"\x7fELF")
_JSONL_FIELDS = ("id", "text", "date", "language", "url", "title", "source")


@dataclass
class ReadOptions:
    encoding: str | None = None
    language: str | None = None
    date: str | None = None
    on_error: str = "fail"  # or "skip"
    skipped: list[str] = field(default_factory=list)

    def problem(self, message: str) -> None:
        if self.on_error != "skip":
            raise InputError(message)
        self.skipped.append(message)


def read_inputs(paths: Iterable[str], options: ReadOptions) -> Iterator[Document]:
    """Documents of every path in turn: ``-`` is standard input, folders are walked."""
    seen_ids: set[str] = set()
    for raw in paths:
        for document in _read_path(raw, options):
            document.id = _unique_id(document.id, seen_ids)
            if options.language:
                document.language = options.language
            elif not document.language:
                document.language = detect_language(document.text)
            if options.date and not document.date:
                document.date = options.date
            yield document


def _unique_id(doc_id: str, seen: set[str]) -> str:
    candidate, n = doc_id, 2
    while candidate in seen:
        candidate, n = f"{doc_id}-{n}", n + 1
    seen.add(candidate)
    return candidate


def _read_path(raw: str, options: ReadOptions) -> Iterator[Document]:
    if raw == "-":  # read in parts like a file: a pipe may carry any amount
        yield from _read_text_parts(sys.stdin.buffer, "<stdin>", "stdin", options)
        return
    path = Path(raw)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*")
                       if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES
                       and not any(part.startswith(".") for part in p.relative_to(path).parts))
        if not files:
            options.problem(f"{path}: no .txt, .md, .html or .jsonl files in this folder")
        for file in files:
            yield from _read_file(file, options)
    elif path.is_file():
        yield from _read_file(path, options)
    else:
        options.problem(f"{path}: no such file or folder")


def _read_file(path: Path, options: ReadOptions) -> Iterator[Document]:
    try:
        if path.suffix.lower() == ".jsonl":
            with path.open("rb") as handle:
                yield from read_jsonl(handle, str(path), options)
            return
        with path.open("rb") as handle:
            yield from _read_text_parts(handle, str(path), path.stem, options,
                                        html=path.suffix.lower() in {".html", ".htm"})
    except OSError as exc:
        options.problem(f"{path}: cannot read: {exc.strerror or exc}")


def _read_text_parts(handle: BinaryIO, origin: str, stem: str, options: ReadOptions,
                     html: bool = False) -> Iterator[Document]:
    """A plain file is one document; a huge one is cut at line ends into numbered parts."""
    part = 0
    while True:
        data = handle.read(MAX_DOCUMENT_BYTES)
        if not data:
            if part == 0:
                options.problem(f"{origin}: empty file")
            return
        if len(data) == MAX_DOCUMENT_BYTES:
            data += handle.readline()
        part += 1
        doc_id = stem if part == 1 else f"{stem}-part{part}"
        yield from _documents_from_bytes(data, origin, doc_id, options, html=html)


def _documents_from_bytes(data: bytes, origin: str, doc_id: str, options: ReadOptions,
                          html: bool = False) -> Iterator[Document]:
    try:
        text = decode(data, origin, options.encoding)
    except InputError as exc:
        options.problem(str(exc))
        return
    if html or _looks_like_html(text):
        text = html_to_text(text)
    if not text.strip():
        options.problem(f"{origin}: no text in it")
        return
    yield Document(id=doc_id or content_id(text), text=text, origin=origin)


def read_jsonl(handle: BinaryIO, origin: str, options: ReadOptions) -> Iterator[Document]:
    """One document a line; a bad line names its number."""
    for number, raw_line in enumerate(handle, start=1):
        if not raw_line.strip():
            continue
        where = f"{origin}:{number}"
        document = _jsonl_document(raw_line, where, options)
        if document is not None:
            yield document


def _jsonl_document(raw_line: bytes, where: str, options: ReadOptions) -> Document | None:
    try:
        record = json.loads(decode(raw_line, where, options.encoding or "utf-8"))
    except (InputError, json.JSONDecodeError, RecursionError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not valid JSON"
        options.problem(f"{where}: not a JSON object ({reason})")
        return None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        options.problem(f"{where}: a JSON object with a string \"text\" field is needed")
        return None
    text = record["text"]
    if not text.strip():
        options.problem(f"{where}: empty \"text\"")
        return None
    values = {key: record.get(key) for key in _JSONL_FIELDS}
    fields = {key: str(value) if value is not None else None for key, value in values.items()}
    language = fields["language"] or str(record.get("lang") or "")
    return Document(id=fields["id"] or content_id(text), text=text, language=language,
                    date=fields["date"], url=fields["url"], title=fields["title"],
                    source=fields["source"], origin=where)


def content_id(text: str) -> str:
    return "doc-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:12]


def decode(data: bytes, origin: str, encoding: str | None = None) -> str:
    if encoding:
        return _decode_forced(data, origin, encoding)
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                      (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return _decode_forced(data, origin, name)
    if data.startswith(_BINARY_SIGNATURES):
        raise InputError(f"{origin}: binary file, not text")
    if b"\x00" in data[:4096]:
        # UTF-16 without a byte order mark looks like this too, and is worth a hint
        raise InputError(f"{origin}: binary file, not text (if it is UTF-16 without a byte "
                         "order mark, pass --encoding utf-16-le or utf-16-be)")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return _decode_guess(data, origin)


def _decode_forced(data: bytes, origin: str, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except LookupError as exc:
        raise InputError(f"unknown encoding {encoding!r}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{origin}: not valid {encoding} at byte {exc.start}") from exc


def _decode_guess(data: bytes, origin: str) -> str:
    try:
        text = data.decode("cp1256")
        if re.search("[\u0621-\u064a]{3}", text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes  # only needed for the rare unknown encoding

    best = from_bytes(data).best()
    if best is None or _control_ratio(str(best)) > 0.05:
        raise InputError(f"{origin}: cannot decode the text (try --encoding)")
    return str(best)


def _control_ratio(text: str) -> float:
    if not text:
        return 1.0
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\r\t\f")
    return controls / len(text)


_HTML_HINT = re.compile(r"<\s*(html|body|p|div|article|!doctype)\b", re.IGNORECASE)


def _looks_like_html(text: str) -> bool:
    return bool(_HTML_HINT.search(text[:2048]))


class _TextOfHtml(HTMLParser):
    _SKIPPED = frozenset({"script", "style", "noscript", "template", "head"})
    _BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr",
                         "article", "section", "title", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in self._SKIPPED:
            self._skip_depth += 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self._SKIPPED and self._skip_depth:
            self._skip_depth -= 1
        elif tag in self._BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            self.parts.append(data)


def html_to_text(markup: str) -> str:
    parser = _TextOfHtml()
    parser.feed(markup)
    parser.close()
    text = "".join(parser.parts)
    text = re.sub(r"[ \t\r\f\v]+", " ", text)
    return re.sub(r"\s*\n\s*", "\n\n", text).strip()

