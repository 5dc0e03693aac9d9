"""Screenshot of the interactive graph page for the docs (``docs/img/graph-page.png``).

Builds the graph of ``examples/docs``, writes the page, opens it in headless Chromium
(Selenium with the Debian ``chromium`` and ``chromedriver``: the ``browser`` extra),
types the most-mentioned person's name into the search, clicks it and saves the picture.

Usage::

    python scripts/graph_page_screenshot.py [--out docs/img/graph-page.png]
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "img" / "graph-page.png")
    args = parser.parse_args(argv)

    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By

    from nasab import build_graph
    from nasab.extraction import read_documents

    docs = read_documents(sorted((REPO / "examples" / "docs").glob("*.txt")))
    graph = build_graph(docs)
    person = max(graph.persons(), key=lambda p: (len(p["documents"]), bool(p.get("name_ar"))))
    page = Path(tempfile.mkdtemp(prefix="nasab-shot-")) / "graph.html"
    graph.to_html(page, documents=docs)
    opts = webdriver.ChromeOptions()
    opts.binary_location = shutil.which("chromium") or "chromium"
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,860"):
        opts.add_argument(arg)
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=opts)
    try:
        driver.get(page.as_uri())
        driver.find_element(By.ID, "search").send_keys(person["name"].split()[-1])
        item = next(
            li
            for li in driver.find_elements(By.CSS_SELECTOR, "#entity-list li")
            if li.is_displayed() and person["name"] in li.text
        )
        item.click()
        args.out.parent.mkdir(parents=True, exist_ok=True)
        driver.save_screenshot(str(args.out))
    finally:
        driver.quit()
    print(f"{args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
