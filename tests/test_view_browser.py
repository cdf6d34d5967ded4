"""The page in a real browser: headless Chromium (Debian's), driven by Playwright.

Each page is opened from file:// with every request but the page itself blocked and counted.
The page's Content-Security-Policy is bypassed here: it would block (and hide from the count) a
request the page tried, and the page must not even try. It also forbids Playwright's eval.
Without Chromium these tests skip with a message; with CI=true they fail instead, so CI can
never pass without having run them. Screenshots go to tests/artifacts/ (not committed).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from mediation_graph.model import Entity, Event
from mediation_graph.view.html import PHYSICS_LIMIT, write_html
from mediation_graph.view.network import build_network
from mediation_graph.view.sample import HAMAS, ISR, StoryBuilder, mediation_story, synthetic_events

CHROMIUM = Path(os.environ.get("MEDIATION_GRAPH_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
ARTIFACTS = Path(__file__).parent / "artifacts"
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "ankara_meeting_ar.txt"
PAYLOAD = '<script>window.__pwned = true</script><img src=x onerror="window.__pwned = true">'


def _missing() -> str | None:
    if not CHROMIUM.exists():
        return f"Chromium not found at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    missing = _missing()
    if missing:
        if os.environ.get("CI") == "true":
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@dataclass
class OfflinePage:
    page: object
    url: str
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def eval(self, script: str, arg: object = None) -> object:
        return self.page.evaluate(script, arg)


@pytest.fixture
def open_offline(browser) -> Iterator:
    pages: list[object] = []

    def opener(path: Path) -> OfflinePage:
        page = browser.new_page(viewport={"width": 1400, "height": 900}, bypass_csp=True)
        pages.append(page)
        opened = OfflinePage(page, path.resolve().as_uri())
        page.on("request", lambda request: opened.requests.append(request.url))
        page.on("pageerror", lambda error: opened.errors.append(str(error)))
        page.route("**/*", lambda route: route.continue_() if route.request.url == opened.url
                   else route.abort())
        page.goto(opened.url)
        page.wait_for_function("window.mgFirstDraw !== undefined", timeout=60_000)
        return opened

    yield opener
    for page in pages:
        page.close()


def drawn_counts(opened: OfflinePage) -> tuple[int, int]:
    """Nodes and edges the network really holds, as vis-network counts them."""
    return tuple(opened.eval("""() => [
        mgNetwork.body.nodeIndices.length, mgNetwork.body.edgeIndices.length]"""))


def hover_edge(opened: OfflinePage, edge_id: str) -> None:
    """Move the mouse onto the middle of the drawn edge (on its curve, not the chord)."""
    opened.eval("() => mgNetwork.stopSimulation()")
    x, y = opened.eval("""(id) => {
        const point = mgNetwork.canvasToDOM(mgNetwork.body.edges[id].edgeType.getPoint(0.5));
        const box = document.getElementById('mg-network').getBoundingClientRect();
        return [point.x + box.left, point.y + box.top];
    }""", edge_id)
    opened.page.mouse.move(x - 30, y - 30)
    opened.page.mouse.move(x, y, steps=5)
    opened.page.wait_for_selector("#mg-tooltip:not([hidden])", timeout=5_000)


def write_page(events: list[Event], path: Path, **options: object) -> Path:
    write_html(events, path, **options)
    return path


def test_the_story_page_draws_every_node_and_edge_and_asks_for_nothing(
        open_offline, tmp_path: Path) -> None:
    events, titles = mediation_story()
    graph = build_network(events)
    opened = open_offline(write_page(events, tmp_path / "story.html", titles=titles))
    assert drawn_counts(opened) == (graph.number_of_nodes(), graph.number_of_edges()) == (11, 20)
    assert opened.requests == [opened.url]
    assert opened.errors == []
    ARTIFACTS.mkdir(exist_ok=True)
    opened.eval("() => mgNetwork.stopSimulation()")
    opened.page.screenshot(path=str(ARTIFACTS / "story-graph.png"))


def test_a_tooltip_shows_the_evidence_escaped_and_article_code_never_runs(
        open_offline, tmp_path: Path) -> None:
    stranger = Entity("X_1", f"Abu {PAYLOAD}", "person", linked=False)  # a name from the text
    doc = StoryBuilder("evil", "en", "2024-01-01")
    doc.say(f"Israel accused Hamas {PAYLOAD} of stalling.", "accused", "ACCUSE", "112",
            [("Israel", ISR)], [("Hamas", HAMAS)])
    doc.say(f"Abu {PAYLOAD} met Hamas.", "met", "CONSULT", "040",
            [(f"Abu {PAYLOAD}", stranger)], [("Hamas", HAMAS)])
    opened = open_offline(write_page(doc.events, tmp_path / "evil.html",
                                     titles={"evil": f"Title {PAYLOAD}"}))
    edge = opened.eval("() => mgView.edges.get({filter: e => e.category === 'ACCUSE'})[0].id")
    hover_edge(opened, edge)
    tooltip = opened.page.locator("#mg-tooltip")
    text = tooltip.inner_text()
    assert f"Israel accused Hamas {PAYLOAD} of stalling." in text  # shown as text, verbatim
    assert f"Title {PAYLOAD} (evil)" in text
    assert tooltip.locator("script, img").count() == 0
    opened.page.mouse.down()  # a click pins the same text in the side panel
    opened.page.mouse.up()
    assert "of stalling." in opened.page.locator("#mg-details").inner_text()
    assert opened.page.locator("#mg-details").locator("script, img").count() == 0
    opened.page.wait_for_timeout(300)  # an onerror handler would have fired by now
    assert opened.eval("() => typeof window.__pwned") == "undefined"
    # The page holds its own three scripts and no image; the name is a search suggestion as is.
    assert opened.eval("() => [document.scripts.length, document.images.length]") == [3, 0]
    names = opened.eval("() => Array.from(document.querySelectorAll('#mg-names option'), "
                        "o => o.value)")
    assert f"Abu {PAYLOAD}" in names
    assert opened.requests == [opened.url]  # not even the <img src=x>


def test_filters_search_and_neighbourhood(open_offline, tmp_path: Path) -> None:
    events, titles = mediation_story()
    opened = open_offline(write_page(events, tmp_path / "story.html", titles=titles))
    page = opened.page
    shown = "() => [mgView.nodeView.length, mgView.edgeView.length]"
    page.uncheck(".mg-category[value=MEDIATION]")
    assert opened.eval(shown) == [10, 12]  # the UN Security Council has no edge left to show
    page.check(".mg-category[value=MEDIATION]")
    assert opened.eval(shown) == [11, 20]
    page.fill("#mg-from", "2024-08-10")
    page.dispatch_event("#mg-from", "change")
    assert opened.eval(shown) == [7, 8]  # only the Doha article's dealings are that late
    page.fill("#mg-from", "")
    page.dispatch_event("#mg-from", "change")
    page.fill("#mg-search", "Qatar")
    page.press("#mg-search", "Enter")
    assert "Qatar" in page.locator("#mg-details").inner_text()
    assert sorted(opened.eval("() => mgView.highlighted()")) == [
        "EGY", "HAMAS", "ISR", "QAT", "TUR_MIT"]  # Qatar and every actor it dealt with
    page.mouse.click(5, 200)  # the background
    assert opened.eval("() => mgView.highlighted()") == []
    page.fill("#mg-search", "nobody at all")
    page.press("#mg-search", "Enter")
    assert page.locator("#mg-search-status").inner_text() == "no such actor"


def test_a_big_graph_is_drawn_from_python_positions(open_offline, tmp_path: Path) -> None:
    events = synthetic_events(PHYSICS_LIMIT + 100)
    graph = build_network(events)
    opened = open_offline(write_page(events, tmp_path / "big.html"))
    assert drawn_counts(opened) == (graph.number_of_nodes(), graph.number_of_edges())
    assert opened.eval("() => mgNetwork.physics.options.enabled") is False
    assert opened.requests == [opened.url]


def test_the_seed_articles_graph(open_offline, tmp_path: Path) -> None:
    if not SEED.exists():
        pytest.skip(f"the seed article is not at {SEED}")
    from mediation_graph.extract.pipeline import Extractor
    from mediation_graph.text.reading import ReadOptions, read_inputs

    (document,) = read_inputs([str(SEED)], ReadOptions())
    events = Extractor().extract(document).events
    graph = build_network(events)
    opened = open_offline(write_page(events, tmp_path / "seed.html"))
    assert graph.number_of_edges() > 0
    assert drawn_counts(opened) == (graph.number_of_nodes(), graph.number_of_edges())
    assert opened.requests == [opened.url]
    ARTIFACTS.mkdir(exist_ok=True)
    opened.eval("() => mgNetwork.stopSimulation()")
    opened.page.screenshot(path=str(ARTIFACTS / "seed-graph.png"))
