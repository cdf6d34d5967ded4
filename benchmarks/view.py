"""How big and how fast the network page is: HTML size and time to first draw in Chromium.

    .venv/bin/python benchmarks/view.py [--sizes 100 1000 5000] [--repeat 3]
    .venv/bin/python benchmarks/view.py --screenshot docs/screenshot.png

For each size, a synthetic network of that many actors (1.5 events per actor, mostly between
near neighbours) is built and rendered in Python (timed), then opened from file:// in headless
Chromium with every other request blocked; "first draw" is vis-network's first ``afterDrawing``
event, in milliseconds since navigation start; then the time to highlight the busiest actor's
neighbourhood and to hide one event type, each with its redraw (medians of the repeats). The
goal is a first draw of 5,000 nodes under 5 s. ``--screenshot`` instead draws the bundled
example articles (the hand-made story when the extractor cannot run) and saves a picture.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

from mediation_graph.errors import MediationGraphError
from mediation_graph.model import Event
from mediation_graph.view.html import render_graph_html
from mediation_graph.view.network import build_network
from mediation_graph.view.sample import mediation_story, synthetic_events

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def open_page(browser, path: Path, viewport: dict[str, int]):
    """The page opened offline: anything but the file itself is aborted.

    The page's own Content-Security-Policy is bypassed: it forbids the eval Playwright needs.
    """
    url = path.resolve().as_uri()
    page = browser.new_page(viewport=viewport, bypass_csp=True)
    page.route("**/*", lambda route: route.continue_() if route.request.url == url
               else route.abort())
    page.goto(url)
    page.wait_for_function("window.mgFirstDraw !== undefined", timeout=120_000)
    return page


# After the first draw: highlight the busiest actor's neighbourhood, then hide one event type,
# each followed by a full redraw, as a click or a checkbox would.
INTERACTION = """() => {
    const busiest = mgView.nodes.get().sort((a, b) => b.size - a.size)[0].id;
    let start = performance.now();
    mgView.highlight(busiest);
    mgNetwork.redraw();
    const highlight = performance.now() - start;
    start = performance.now();
    mgView.filter.categories.delete(mgView.edges.get()[0].category);
    mgView.applyFilters();
    mgNetwork.redraw();
    return [highlight, performance.now() - start];
}"""


def page_timings(browser, path: Path) -> tuple[float, float, float]:
    """Milliseconds to first draw, to highlight a neighbourhood and to filter a type."""
    page = open_page(browser, path, {"width": 1400, "height": 900})
    drawn = float(page.evaluate("window.mgFirstDraw"))
    highlight, filtering = page.evaluate(INTERACTION)
    page.close()
    return drawn, float(highlight), float(filtering)


def measure(sizes: list[int], repeat: int, browser) -> None:
    print(f"{'actors':>7} {'relations':>9} {'build s':>8} {'render s':>9} {'HTML MiB':>9} "
          f"{'first draw ms':>14} {'highlight ms':>13} {'filter ms':>10}")
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            events = synthetic_events(size)
            start = time.perf_counter()
            graph = build_network(events)
            built = time.perf_counter()
            page, _ = render_graph_html(graph, max_nodes=None)
            rendered = time.perf_counter()
            path = Path(folder) / f"graph-{size}.html"
            path.write_text(page, encoding="utf-8")
            figures = ["n/a"] * 3
            if browser is not None:
                runs = [page_timings(browser, path) for _ in range(repeat)]
                figures = [f"{statistics.median(column):.0f}" for column in zip(*runs, strict=True)]
            print(f"{graph.number_of_nodes():>7} {graph.number_of_edges():>9} "
                  f"{built - start:>8.2f} {rendered - built:>9.2f} "
                  f"{path.stat().st_size / 2**20:>9.2f} {figures[0]:>14} {figures[1]:>13} "
                  f"{figures[2]:>10}", flush=True)


def example_events() -> tuple[list[Event], dict[str, str], str]:
    """The bundled examples through the real extractor, or the hand-made story if it fails."""
    try:
        from mediation_graph.extract.pipeline import Extractor
        from mediation_graph.text.reading import ReadOptions, read_inputs

        extractor = Extractor()
        paths = [str(EXAMPLES / "ankara_talks_ar.txt"), str(EXAMPLES / "doha_mediation_en.txt")]
        documents = list(read_inputs(paths, ReadOptions()))
        events = [e for d in documents for e in extractor.extract(d).events]
        return events, {d.id: d.title or d.id for d in documents}, "bundled examples"
    except (MediationGraphError, ImportError) as exc:
        print(f"extractor unavailable ({exc}); drawing the hand-made story", file=sys.stderr)
        events, titles = mediation_story()
        return events, titles, "hand-made story"


def show_busiest_mediation(page) -> None:
    """Hover the mediation edge with the most events, so the picture shows its evidence."""
    point = page.evaluate("""() => {
        const edges = mgView.edges.get({filter: (e) => e.category === 'MEDIATION'});
        if (edges.length === 0) return null;
        edges.sort((a, b) => b.width - a.width);
        const middle = mgNetwork.body.edges[edges[0].id].edgeType.getPoint(0.5);
        const dom = mgNetwork.canvasToDOM(middle);
        const box = document.getElementById('mg-network').getBoundingClientRect();
        return [dom.x + box.left, dom.y + box.top];
    }""")
    if point is not None:
        page.mouse.move(point[0] - 20, point[1] - 20)
        page.mouse.move(*point, steps=5)
        page.wait_for_timeout(300)


def screenshot(browser, out: Path) -> None:
    events, titles, source = example_events()
    page_html, summary = render_graph_html(build_network(events), titles=titles)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "graph.html"
        path.write_text(page_html, encoding="utf-8")
        page = open_page(browser, path, {"width": 1280, "height": 760})
        page.wait_for_timeout(1500)  # let the physics settle before the picture
        page.evaluate("() => mgNetwork.stopSimulation()")
        show_busiest_mediation(page)
        out.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(out))
        page.close()
    print(f"wrote {out}: {source}, {summary.nodes} actors, {summary.edges} relations")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--screenshot", type=Path, metavar="PNG")
    args = parser.parse_args()
    if not CHROMIUM.exists():
        if args.screenshot:
            print(f"no Chromium at {CHROMIUM}: cannot take a screenshot", file=sys.stderr)
            return 1
        print(f"no Chromium at {CHROMIUM}: HTML figures only")
        measure(args.sizes, args.repeat, None)
        return 0
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        if args.screenshot:
            screenshot(browser, args.screenshot)
        else:
            measure(args.sizes, args.repeat, browser)
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
