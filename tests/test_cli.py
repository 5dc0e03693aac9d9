"""Tests for the nasab command (nasab.cli.main)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from nasab.aliases import AliasTable
from nasab.cli import main

NAMES_TSV = "id\tname\n1\tMustafa al-Kadhimi\n2\tمصطفى الكاظمي\n3\tMustafa Al-Kazemi\n4\tMohammed Rabie al-Rikabi\n"


def test_compare(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", "Mustafa al-Kadhimi", "مصطفى الكاظمي"]) == 0
    assert float(capsys.readouterr().out) >= 0.85
    assert main(["compare", "Mustafa al-Kadhimi", "مصطفى الكاظمي", "--explain"]) == 0
    assert "aligned" in capsys.readouterr().out


def test_romanize_args_and_stdin(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    assert main(["romanize", "مصطفى الكاظمي"]) == 0
    assert capsys.readouterr().out.strip().lower().startswith("mustafa")
    monkeypatch.setattr("sys.stdin", io.StringIO("محمد\nعلي\n"))
    assert main(["romanize"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2


@pytest.mark.parametrize(
    ("suffix", "content"),
    [
        ("tsv", NAMES_TSV),
        ("csv", NAMES_TSV.replace("\t", ",")),
        ("json", json.dumps([{"id": r.split("\t")[0], "name": r.split("\t")[1]} for r in NAMES_TSV.splitlines()[1:]],
                            ensure_ascii=False)),
        ("txt", "\n".join(r.split("\t")[1] for r in NAMES_TSV.splitlines()[1:]) + "\n"),
    ],
    ids=["tsv", "csv", "json", "lines"],
)  # fmt: skip
def test_resolve_inputs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], suffix: str, content: str
) -> None:
    pytest.importorskip("nasab.resolution")
    path = tmp_path / f"names.{suffix}"
    path.write_text(content, encoding="utf-8")
    assert main(["resolve", str(path)]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0] == "id\tname\tentity_id" and len(lines) == 5
    labels = [ln.split("\t")[2] for ln in lines[1:]]
    assert labels[0] == labels[1] == labels[2] != labels[3]


@pytest.mark.parametrize("fmt", ["tsv", "csv", "json"], ids=["tsv", "csv", "json"])
def test_resolve_output_formats_and_aliases(tmp_path: Path, fmt: str) -> None:
    pytest.importorskip("nasab.resolution")
    src = tmp_path / "names.tsv"
    src.write_text(NAMES_TSV, encoding="utf-8")
    out = tmp_path / f"out.{fmt}"
    assert main(["resolve", str(src), "-o", str(out)]) == 0
    assert out.exists() and "entity_id" in out.read_text(encoding="utf-8")
    aliases = tmp_path / f"aliases.{fmt}"
    assert main(["resolve", str(src), "--aliases", str(aliases)]) == 0
    assert len(AliasTable.load(aliases).entities()) == 2


def test_link_from_stdin(
    table_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    monkeypatch.setattr(
        "sys.stdin",
        io.TextIOWrapper(io.BytesIO("al-Kadhimi\nمحمد الركابي\nZzyzx Qwerty\n".encode())),
    )
    assert main(["link", "-", str(table_path), "--top", "1"]) == 0
    captured = capsys.readouterr()
    rows = [ln.split("\t") for ln in captured.out.strip().splitlines()]
    assert rows[0] == ["query_id", "query", "rank", "entity_id", "alias", "canonical", "score"]
    assert [r[3] for r in rows[1:]] == ["E1", "E2"]
    assert "1 of 3 queries found no entity" in captured.err


def test_link_json_output(tmp_path: Path, table_path: Path) -> None:
    queries = tmp_path / "q.txt"
    queries.write_text("Mustapha al-Kazimi\n", encoding="utf-8")
    out = tmp_path / "links.json"
    assert main(["link", str(queries), str(table_path), "-o", str(out)]) == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data[0]["entity_id"] == "E1" and data[0]["rank"] == 1


def test_aliases_lookup_merge_apply(
    tmp_path: Path, table_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["aliases", "lookup", str(table_path), "Mustafa al-Kadhimi"]) == 0
    assert "\tE1\t" in capsys.readouterr().out
    other = tmp_path / "other.csv"
    AliasTable([{"entity_id": "E3", "alias": "Jassim al-Mazroui"}]).save(other)
    merged = tmp_path / "merged.json"
    assert main(["aliases", "merge", str(table_path), str(other), "-o", str(merged)]) == 0
    assert AliasTable.load(merged).entities() == ["E1", "E2", "E3"]
    t = AliasTable.load(merged)
    t.merge_entities("E1", "E3")
    edits = tmp_path / "edits.json"
    t.save_edits(edits)
    assert main(["aliases", "apply", str(merged), str(edits)]) == 0
    assert AliasTable.load(merged) == t


def test_aliases_build(tmp_path: Path) -> None:
    pytest.importorskip("nasab.resolution")
    src = tmp_path / "names.tsv"
    src.write_text(NAMES_TSV, encoding="utf-8")
    out = tmp_path / "aliases.csv"
    assert main(["aliases", "build", str(src), "-o", str(out)]) == 0
    assert len(AliasTable.load(out)) >= 4


@pytest.mark.parametrize(
    ("content", "suffix", "where"),
    [
        ("id\tname\n1\tAli\n2\n", "tsv", "line 3"),
        ("id\tfull_name\n1\tAli\n", "tsv", "line 1, column name"),
        ("id,name\n1,Ali\n2,\n", "csv", "line 3, column name"),
        ('[\n"Ali",\n{"id": 2}\n]', "json", "line 3"),
        ('[\n"Ali",,\n]', "json", "line 2"),
        ("id,na\rme\n1,Ali\n", "csv", "line 1"),
    ],
    ids=[
        "ragged-tsv",
        "no-name-column",
        "empty-name-csv",
        "json-missing-name",
        "json-syntax",
        "carriage-return-in-csv-header",
    ],
)
def test_bad_input_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str], table_path: Path,
                          content: str, suffix: str, where: str) -> None:  # fmt: skip
    bad = tmp_path / f"bad.{suffix}"
    bad.write_text(content, encoding="utf-8")
    assert main(["link", str(bad), str(table_path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(bad) in err and where in err


def test_bad_table_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "t.tsv"
    bad.write_text("entity_id\talias\nE1\tAli\n", encoding="utf-8")
    q = tmp_path / "q.txt"
    q.write_text("Ali\n", encoding="utf-8")
    assert main(["link", str(q), str(bad)]) == 1
    assert "missing column" in capsys.readouterr().err


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["bogus"],
        ["compare", "Ali"],
        ["link", "q.txt"],
        ["compare", "", "Ali"],
        ["romanize", "x", "--scheme", "zz"],
    ],
    ids=[
        "no-command",
        "unknown-command",
        "missing-arg",
        "missing-table",
        "empty-name",
        "bad-scheme",
    ],
)
def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    assert main(argv) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_missing_file_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["link", str(tmp_path / "none.txt"), str(tmp_path / "none.tsv")]) == 1
    err = capsys.readouterr().err
    assert "cannot read" in err and err.count("\n") == 1


def test_help_exit_0(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    assert "romanize" in capsys.readouterr().out


def test_graph_skips_bad_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("nasab.graph")
    good = tmp_path / "d1.txt"
    good.write_text(
        "Prime Minister Mustafa al-Kadhimi met Mohammed Rabie al-Rikabi in Baghdad.",
        encoding="utf-8",
    )
    bad = tmp_path / "d2.txt"
    bad.write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "graph.json"
    assert main(["graph", str(good), str(bad), str(tmp_path / "missing.txt"), "-o", str(out)]) == 1
    err = capsys.readouterr().err
    assert "2 file(s) skipped" in err and "d2.txt" in err
    data = json.loads(out.read_text(encoding="utf-8"))
    assert any(n.get("type") == "person" for n in data["nodes"])


def test_graph_all_bad_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pytest.importorskip("nasab.graph")
    assert main(["graph", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "g.json")]) == 1
    assert "no readable documents" in capsys.readouterr().err
