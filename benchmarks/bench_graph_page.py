"""Size and speed of the interactive graph page (``EntityGraph.to_html``) in headless Chromium.

Builds the graph of a generated corpus (the generator of ``bench_graph.py``: seed
documents with their persons replaced by personas from a pool, both scripts), writes the
page, opens it in headless Chromium (Selenium, the ``browser`` extra, with the Debian
``chromium`` and ``chromedriver``) and prints, beside the same figures for the five seed
documents' page measured in the same process:

* the page's size in bytes and the time ``to_html`` took;
* load time in the browser: navigation start to the end of the load event (the page's
  script runs its first layout before that), and the JavaScript heap used;
* search: time for the list filter and redraw after typing a name (an ``input`` event);
* selection: time to click the most-mentioned person and show its neighbourhood
  (view, layout, drawing and the details panel);
* the number of list entries and nodes drawn.

Usage::

    python benchmarks/bench_graph_page.py [--documents 2000] [--seed 13] [--keep DIR]
        [--graph GRAPH.json]

``--graph`` reuses a graph written by an earlier run with ``--keep`` (the same
``--documents`` and ``--seed``: the corpus is generated again for the mention sentences)
instead of building it again.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_graph import SHARED, make_corpus  # noqa: E402


def _driver() -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        opts.add_argument(arg)
    opts.add_argument("--enable-precise-memory-info")
    return webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)


_SEARCH = """
const q = arguments[0], box = document.getElementById('search');
const t0 = performance.now();
box.value = q; box.dispatchEvent(new Event('input'));
const t1 = performance.now();
const shown = [...document.querySelectorAll('#entity-list li')].filter(li => !li.hidden).length;
box.value = ''; box.dispatchEvent(new Event('input'));
return [t1 - t0, shown];
"""

_SELECT = """
const i = arguments[0], t0 = performance.now();
document.querySelector('#entity-list li[data-i="' + i + '"]').click();
const t1 = performance.now();
return [t1 - t0, window.nasabGraph.view.nodes.length,
        document.querySelectorAll('#details mark').length];
"""

_LOAD = """
const nav = performance.getEntriesByType('navigation')[0];
return [nav.loadEventEnd - nav.startTime, performance.memory ? performance.memory.usedJSHeapSize : null,
        document.querySelectorAll('#entity-list li').length, window.nasabGraph.view.nodes.length];
"""


def measure(graph: Any, documents: Any, path: Path, driver: Any) -> dict[str, Any]:
    """Write the page for ``graph`` to ``path`` and measure it in ``driver``."""
    t0 = time.perf_counter()
    graph.to_html(path, documents=documents)
    write_s = time.perf_counter() - t0
    driver.get(path.as_uri())
    load_ms, heap, listed, drawn = driver.execute_script(_LOAD)
    persons = graph.persons()
    hub = max(persons, key=lambda p: (len(p.get("documents", [])), p["id"]))
    data = json.loads(
        driver.execute_script("return JSON.stringify(window.nasabGraph.data.nodes.map(n => n.id))")
    )
    search_ms, shown = driver.execute_script(_SEARCH, hub["name"])
    select_ms, neigh, marks = driver.execute_script(_SELECT, data.index(hub["id"]))
    severe = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    return {
        "documents": graph.summary()["documents"],
        "nodes": graph.graph.number_of_nodes(),
        "edges": graph.graph.number_of_edges(),
        "bytes": path.stat().st_size,
        "to_html_s": round(write_s, 2),
        "load_ms": round(load_ms),
        "heap_mb": round(heap / 2**20, 1) if heap else None,
        "listed": listed,
        "drawn": drawn,
        "search_ms": round(search_ms, 1),
        "search_shown": shown,
        "select_ms": round(select_ms, 1),
        "neighbourhood_nodes": neigh,
        "marks": marks,
        "js_errors": len(severe),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="size and speed of the graph page")
    parser.add_argument("--documents", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--keep", type=Path, help="keep the pages and the graph JSON here")
    parser.add_argument("--graph", type=Path, help="a graph JSON of an earlier run to reuse")
    args = parser.parse_args(argv)

    from nasab import build_graph
    from nasab.extraction import read_documents

    out = args.keep or Path(tempfile.mkdtemp(prefix="nasab-page-"))
    out.mkdir(parents=True, exist_ok=True)
    seeds = read_documents(sorted((SHARED / "seeds").glob("*.txt")))
    corpus = make_corpus(args.documents, args.seed)
    if args.graph is not None:
        from nasab.graph import EntityGraph

        big = EntityGraph.from_json(args.graph)
    else:
        t0 = time.perf_counter()
        big = build_graph(corpus)
        print(f"build_graph: {args.documents} documents in {time.perf_counter() - t0:.1f} s")
        big.to_json(out / "graph.json")
    driver = _driver()
    try:
        rows = [
            ("seeds", measure(build_graph(seeds), seeds, out / "seeds.html", driver)),
            (f"{args.documents} docs", measure(big, corpus, out / "graph.html", driver)),
        ]
    finally:
        driver.quit()
    keys = list(rows[0][1])
    print(f"{'':22s}" + "".join(f"{name:>16s}" for name, _ in rows))
    for k in keys:
        print(f"{k:22s}" + "".join(f"{r[k]!s:>16s}" for _, r in rows))
    print(f"pages in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
