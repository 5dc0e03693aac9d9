"""Progress reports: off by default where nobody sees them, a callable or a tqdm bar on request."""

from __future__ import annotations

from typing import Any

import pytest

import nasab
from nasab import _progress
from nasab._progress import progress_callback
from nasab.errors import ExtraMissingError, InputError


def test_off_and_callable() -> None:
    assert progress_callback(False, "x", 10**6) is None
    seen: list[tuple[int, int]] = []
    report = progress_callback(lambda d, t: seen.append((d, t)), "x", 2)
    assert report is not None
    report(2, 2)
    assert seen == [(2, 2)]


@pytest.mark.parametrize("bad", ["yes", 1, 0.5], ids=["str", "int", "float"])
def test_bad_value_refused(bad: Any) -> None:
    with pytest.raises(InputError, match="progress must be"):
        progress_callback(bad, "x", 10)


def test_automatic_is_off_when_output_is_not_a_terminal() -> None:
    # pytest captures stderr: not a terminal, not a notebook.
    assert progress_callback(None, "x", 10**6) is None


def test_true_without_tqdm_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_progress, "_tqdm", lambda: None)
    with pytest.raises(ExtraMissingError, match="progress"):
        progress_callback(True, "x", 10)


def test_true_draws_a_bar(capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("tqdm")
    report = progress_callback(True, "linking", 4)
    assert report is not None
    report(2, 4)
    report(4, 4)
    err = capsys.readouterr().err
    assert "linking" in err and "4/4" in err


def _recorder() -> tuple[list[tuple[int, int]], Any]:
    seen: list[tuple[int, int]] = []
    return seen, lambda d, t: seen.append((d, t))


def test_link_reports() -> None:
    seen, cb = _recorder()
    nasab.link(["Mustafa al-Kadhimi", "علي حسن"], ["Mustafa Al-Kazemi", "Ali Hassan"], progress=cb)
    assert seen and seen[-1] == (2, 2)


def test_resolve_reports_pairs() -> None:
    seen, cb = _recorder()
    res = nasab.resolve(["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Mustafa al-Kadhimi"], progress=cb)
    assert len(set(res.labels)) == 1
    assert seen and seen[-1][0] == seen[-1][1] >= 1


def test_build_graph_reports_documents() -> None:
    seen, cb = _recorder()
    docs = ["Prime Minister Ali Hassan visited Basra.", "قال وزير الدفاع علي حسن إن القوات جاهزة."]
    nasab.build_graph(docs, progress=cb)
    assert (2, 2) in seen


def test_progress_false_changes_nothing() -> None:
    names = ["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Ali Hassan"]
    assert nasab.resolve(names, progress=False).labels == nasab.resolve(names).labels
