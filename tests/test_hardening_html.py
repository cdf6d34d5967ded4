"""Hostile news through to the page, without a browser: markup written into an article's text,
its title or an actor's name reaches graph.html only as text. The page's own markup is read with
an HTML parser, then every tooltip (HTML the page puts in place with innerHTML) is parsed the
same way: the only elements are the view's own, no event handler, no javascript: link, and the
payload shows up as characters. test_view_browser.py runs the same kind of page in Chromium."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

from mediation_graph.cli.main import main
from mediation_graph.model import Entity, Event, Mention, Span
from mediation_graph.view.html import render_html

SCRIPT = "<script>alert('text')</script>"
IMAGE = "<img src=x onerror=alert('title')>"
LINK = "<a href=\"javascript:alert('link')\">read</a>"
SVG = "<svg onload=alert('name')>"
CLOSE = "</script><script>alert('close')</script>"
# Tags the view writes itself; a tooltip holds a subset of them.
TOOLTIP_TAGS = {"div", "b", "span", "ul", "li", "ol", "q", "cite", "mark"}
TOOLTIP_ATTRIBUTES = {"class", "dir", "lang"}


class Markup(HTMLParser):
    """Every element and attribute of a piece of HTML, and its text."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attributes: list[tuple[str, str]] = []
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._in_script = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes += [(name, value or "") for name, value in attrs]
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def assert_no_active_attributes(markup: Markup) -> None:
    for name, value in markup.attributes:
        assert not name.startswith("on"), (name, value)
        assert not value.strip().lower().startswith("javascript:"), (name, value)


def page_data(page: str) -> dict:
    block = re.search(r'<script type="application/json" id="mg-data">(.*?)</script>', page, re.S)
    assert block
    return json.loads(block.group(1))


def tooltips(page: str) -> list[str]:
    data = page_data(page)
    return [item["tip"] for item in data["nodes"] + data["edges"]]


def assert_page_is_inert(page: str, payloads: list[str]) -> None:
    markup = Markup(page)
    # three script elements, all the page's own: vis-network, the data block, graph.js
    assert len(markup.scripts) == 3
    assert "<" not in markup.scripts[1] and ">" not in markup.scripts[1]
    assert not {"img", "svg", "a", "iframe", "object", "embed"} & set(markup.tags)
    assert_no_active_attributes(markup)
    shown = ""
    for tip in tooltips(page):
        tip_markup = Markup(tip)
        assert set(tip_markup.tags) <= TOOLTIP_TAGS, tip
        assert {name for name, _ in tip_markup.attributes} <= TOOLTIP_ATTRIBUTES, tip
        assert_no_active_attributes(tip_markup)
        shown += "".join(tip_markup.text)
    for payload in payloads:
        assert payload in shown  # escaped and shown, not dropped and not run


def test_a_hostile_article_built_by_the_cli_reaches_the_page_as_text(tmp_path: Path):
    articles = [
        {"id": "hostile", "title": f"Talks {IMAGE} {CLOSE}", "url": "javascript:alert('url')",
         "text": f"Qatar mediated talks between Hamas and Israel {SCRIPT} in Cairo. "
                 f"Egypt accused Israel of violating the truce {LINK}.", "language": "en"},
    ]
    corpus = tmp_path / "hostile.jsonl"
    corpus.write_text("\n".join(json.dumps(a) for a in articles) + "\n", encoding="utf-8")
    assert main(["build", str(corpus), "--out", str(tmp_path / "out"), "--quiet"]) == 0
    page = (tmp_path / "out" / "graph.html").read_text(encoding="utf-8")
    assert_page_is_inert(page, [SCRIPT, IMAGE, CLOSE, LINK])


def hostile_event(number: int, actor: Entity, recipient: Entity, sentence: str) -> Event:
    trigger = sentence.index("met")
    return Event(
        id=f"e{number}", doc_id="d", sentence=number, language="en", event="CONSULT",
        cameo="040", trigger=Span("met", trigger, trigger + 3),
        sentence_span=Span(sentence, 0, len(sentence)),
        actors=[Mention(Span(actor.name, 0, len(actor.name)), actor, number, 0, 1)],
        recipients=[Mention(Span(recipient.name, 0, len(recipient.name)), recipient, number, 0,
                            1)])


def test_actor_names_and_labels_with_markup_stay_text():
    """Names come from the lexicon, or from the text itself for actors it does not know."""
    named = Entity("X1", SVG, "person", label_en=SVG, label_ar=SCRIPT, linked=False)
    other = Entity("X2", f"Envoy {LINK}", "organization", sector=IMAGE)
    sentence = f"{SVG} met Envoy {LINK}."
    page = render_html([hostile_event(0, named, other, sentence),
                        hostile_event(1, other, named, sentence)],
                       titles={"d": CLOSE})
    assert_page_is_inert(page, [SVG, LINK, CLOSE])
