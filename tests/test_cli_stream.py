"""Tests for streaming input in the nasab command: JSON Lines, --errors skip, Ctrl-C."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nasab.cli import iter_records, main

BAD_ROWS = [
    ("tsv", b"id\tname\n1\tMustafa al-Kadhimi\n2\n3\t\n4\t\xff\xfe bad\n5\tMohammed al-Rikabi\n", 3),
    ("csv", b"id,name\n1,Mustafa al-Kadhimi\n2,a,b\n1,dup id\n5,Mohammed al-Rikabi\n", 2),
    ("jsonl", b'{"id": 1, "name": "Mustafa al-Kadhimi"}\n{"name": \n[1]\n"Mohammed al-Rikabi"\n', 2),
    ("txt", b"Mustafa al-Kadhimi\n" + b"\xc3\x28\n" + b"Mohammed al-Rikabi\n", 1),
]  # fmt: skip


@pytest.mark.parametrize(("suffix", "content", "bad"), BAD_ROWS, ids=[b[0] for b in BAD_ROWS])
def test_errors_skip_counts_and_goes_on(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], table_path: Path,
    suffix: str, content: bytes, bad: int,
) -> None:  # fmt: skip
    path = tmp_path / f"q.{suffix}"
    path.write_bytes(content)
    assert main(["link", str(path), str(table_path), "--top", "1"]) == 1  # default: stop
    err = capsys.readouterr().err
    assert str(path) in err and "line " in err and "Traceback" not in err
    out = tmp_path / "links.tsv"
    assert main(["link", str(path), str(table_path), "--top", "1", "--errors", "skip",
                 "-o", str(out)]) == 0  # fmt: skip
    err = capsys.readouterr().err
    assert f"skipped {bad} malformed rows" in err
    rows = out.read_text(encoding="utf-8").splitlines()[1:]
    assert [r.split("\t")[3] for r in rows] == ["E1", "E2"]


@pytest.mark.parametrize(
    ("content", "where"),
    [
        ("id\tname\n1\tAli\n2\n", "line 3"),
        ('{"name": "Ali"}\n{"name": "Omar"\n', "line 2"),
        ("Ali\n" * 3 + "x" * 10_001 + "\n", "line 4"),
    ],
    ids=["ragged-tsv", "jsonl-syntax", "name-too-long"],
)
def test_first_problem_names_its_row(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, where: str
) -> None:
    suffix = "jsonl" if content.startswith("{") else "tsv" if "\t" in content else "txt"
    path = tmp_path / f"names.{suffix}"
    path.write_text(content, encoding="utf-8")
    assert main(["resolve", str(path)]) == 1
    err = capsys.readouterr().err
    assert where in err and str(path) in err


def test_jsonl_and_json_give_the_same_records(tmp_path: Path) -> None:
    items = [{"id": "a", "name": "Mustafa al-Kadhimi", "country": "IQ"}, "مصطفى الكاظمي"]
    jsonl = tmp_path / "n.jsonl"
    jsonl.write_text("\n".join(json.dumps(i, ensure_ascii=False) for i in items), encoding="utf-8")
    whole = tmp_path / "n.json"
    whole.write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    got = [rec for _, rec in iter_records(str(jsonl))]
    assert [r["name"] for r in got] == [r["name"] for _, r in iter_records(str(whole))]
    assert got[0] == {"id": "a", "name": "Mustafa al-Kadhimi", "country": "IQ"}
    assert got[1]["id"] == "L2"


def test_multiline_csv_field_keeps_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "n.csv"
    path.write_text('id,name\n1,"Ali\nHassan"\n2,Omar\n3\n', encoding="utf-8")
    with pytest.raises(Exception, match="line 5"):
        list(iter_records(str(path)))


def test_link_streams_in_batches(
    tmp_path: Path, table_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("nasab.cli.LINK_BATCH", 2)
    path = tmp_path / "q.txt"
    path.write_text("Mustafa al-Kadhimi\nZzyzx\nMohammed al-Rikabi\n", encoding="utf-8")
    out = tmp_path / "out.json"
    assert main(["link", str(path), str(table_path), "--top", "1", "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert [(d["query_id"], d["entity_id"]) for d in data] == [("L1", "E1"), ("L3", "E2")]


@pytest.mark.skipif(os.name != "posix", reason="SIGINT to a child process")
def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_ctrl_c_exits_130_and_leaves_output_untouched(tmp_path: Path, table_path: Path) -> None:
    # The queries come through a pipe that stays open, so the command is certainly still
    # running (waiting for its next batch) when the interrupt arrives: no timing race.
    out = tmp_path / "out.tsv"
    out.write_text("previous\n", encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    # A shell starts background jobs with SIGINT ignored, and a child inherits that (the
    # Unix convention nasab keeps): give the command the default handler, as a terminal would.
    proc = subprocess.Popen(
        [sys.executable, "-m", "nasab.cli", "link", "-", str(table_path), "-o", str(out)],
        stdin=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
        preexec_fn=_default_sigint,
    )  # fmt: skip
    assert proc.stdin is not None
    proc.stdin.write("".join(f"Name{i} Family{i % 97} al-Test{i % 13}\n" for i in range(6_000)))
    proc.stdin.flush()
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob(".out.tsv.*.tmp")) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert list(tmp_path.glob(".out.tsv.*.tmp")), "the output was never started"
    assert proc.poll() is None, "the command ended before its input did"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err and "Traceback" not in err
    assert out.read_text(encoding="utf-8") == "previous\n"
    assert not list(tmp_path.glob("*.tmp")) and not list(tmp_path.glob(".*.tmp"))
