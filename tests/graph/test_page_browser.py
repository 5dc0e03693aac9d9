"""The graph page in a real headless browser (Chromium driven by Selenium).

Builds the seed documents' graph with the ``nasab graph ... --html`` command, opens the
page in headless Chromium and checks: no JavaScript errors in the console, no request
for anything but the page itself, every person and organisation named in the page's
rendered text (and its Arabic name where it has one), searching filters the list,
clicking a name shows its mention sentences. A screenshot is written to the test's
temporary folder and its path printed (``pytest -s`` shows it).

Skipped when the seeds (``../shared/seeds``), Selenium or Chromium are missing, except
when ``NASAB_REQUIRE_BROWSER=1`` (set by ``.ci/run``): then a missing browser fails.
"""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from nasab.cli import main

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
REQUIRED = os.environ.get("NASAB_REQUIRE_BROWSER") == "1"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


def _need(ok: bool, why: str) -> None:
    if not ok:
        if REQUIRED:
            pytest.fail(f"NASAB_REQUIRE_BROWSER=1 but {why}")
        pytest.skip(why)


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    if not SEEDS.is_dir():
        pytest.skip("seed documents (../shared/seeds) not present")
    out = tmp_path_factory.mktemp("page")
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    code = main(["graph", *files, "-o", str(out / "graph.json"), "--html", str(out / "graph.html")])
    assert code == 0
    return out / "graph.html", json.loads((out / "graph.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def browser() -> Any:
    if REQUIRED:
        from selenium import webdriver
    else:
        webdriver = pytest.importorskip("selenium.webdriver")
    _need(CHROMIUM is not None and CHROMEDRIVER is not None, "chromium/chromedriver not found")
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,900"):
        opts.add_argument(arg)
    opts.add_argument("--disable-dev-shm-usage")
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=opts)
    try:
        yield driver
    finally:
        driver.quit()


def _requests(driver: Any) -> list[str]:
    urls = []
    for entry in driver.get_log("performance"):
        msg = json.loads(entry["message"])["message"]
        if msg.get("method") == "Network.requestWillBeSent":
            urls.append(msg["params"]["request"]["url"])
    return urls


def test_page_in_headless_chromium(page: tuple[Path, dict[str, Any]], browser: Any) -> None:
    from selenium.webdriver.common.by import By

    path, graph = page
    browser.get(path.as_uri())
    body_text = browser.find_element(By.TAG_NAME, "body").text

    # No JavaScript errors, nothing fetched but the page itself.
    errors = [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"]
    assert errors == []
    assert browser.execute_script("return !!window.nasabGraph") is True
    assert [u for u in _requests(browser) if u != path.as_uri()] == []

    # Every person and organisation is named in the rendered text, in both scripts.
    entities = [n for n in graph["nodes"] if n["type"] in ("person", "organization")]
    assert entities
    missing = [
        name
        for n in entities
        for name in (n["name"], n.get("name_ar"))
        if name and name not in body_text
    ]
    assert missing == []
    # ... and every other surface form (the seeds have few enough to list them all).
    assert [form for n in entities for form in n["names"] if form not in body_text] == []

    # Typing a name filters the list; clicking it shows its mention sentences.
    person = max(
        (n for n in graph["nodes"] if n["type"] == "person"),
        key=lambda n: (bool(n.get("name_ar")), len(n["documents"]), n["id"]),
    )
    search = browser.find_element(By.ID, "search")
    search.send_keys(person["name"])
    shown = [
        li for li in browser.find_elements(By.CSS_SELECTOR, "#entity-list li") if li.is_displayed()
    ]
    total = len(browser.find_elements(By.CSS_SELECTOR, "#entity-list li"))
    assert 1 <= len(shown) < total
    assert any(person["name"] in li.text for li in shown)
    target = next(li for li in shown if person["name"] in li.text)
    target.click()
    details = browser.find_element(By.ID, "details")
    marks = details.find_elements(By.TAG_NAME, "mark")
    assert len(marks) >= len(person["documents"]) >= 1
    assert person["name"] in details.text
    if person.get("name_ar"):
        assert person["name_ar"] in details.text

    # The search also reads Arabic.
    if person.get("name_ar"):
        search.clear()
        search.send_keys(person["name_ar"])
        shown_ar = [
            li
            for li in browser.find_elements(By.CSS_SELECTOR, "#entity-list li")
            if li.is_displayed()
        ]
        assert any(person["name"] in li.text for li in shown_ar)

    shot = path.parent / "graph-page.png"
    browser.save_screenshot(str(shot))
    print(f"\nscreenshot of the graph page: {shot}")
    assert shot.stat().st_size > 10_000
    assert [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"] == []
    assert [u for u in _requests(browser) if u != path.as_uri()] == []


def test_notebook_view_runs_in_its_frame(
    page: tuple[Path, dict[str, Any]], browser: Any, tmp_path: Path
) -> None:
    """What Jupyter shows for a graph (``_repr_html_``): the page runs inside its frame."""
    from selenium.webdriver.common.by import By

    from nasab.graph import EntityGraph

    graph = EntityGraph.from_json(page[0].parent / "graph.json")
    host = tmp_path / "notebook.html"
    host.write_text(
        f"<!DOCTYPE html><meta charset='utf-8'><body>{graph._repr_html_()}</body>",
        encoding="utf-8",
    )
    browser.get(host.as_uri())
    browser.switch_to.frame(browser.find_element(By.TAG_NAME, "iframe"))
    try:
        assert browser.execute_script("return !!window.nasabGraph") is True
        listed = browser.find_elements(By.CSS_SELECTOR, "#entity-list li")
        assert len(listed) == sum(
            1 for n in graph.nodes() if n["type"] in ("person", "organization", "role", "place")
        )
    finally:
        browser.switch_to.default_content()
    assert [e for e in browser.get_log("browser") if e.get("level") == "SEVERE"] == []
