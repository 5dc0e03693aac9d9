"""Tests for nasab.aliases: AliasTable, its file formats, edits and DataFrames."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.aliases import COLUMNS, AliasRow, AliasTable, classify_alias
from nasab.errors import DataFileError, ExtraMissingError, InputError

FORMATS = ["tsv", "csv", "json"]


def sample() -> AliasTable:
    return AliasTable(
        [
            {"entity_id": "E1", "kind": "person", "canonical_latin": "Mustafa al-Kadhimi",
             "canonical_arabic": "مصطفى الكاظمي", "alias": "Mustafa al-Kadhimi", "alias_kind": "canonical",
             "source": "doc1", "count": 3},
            {"entity_id": "E1", "alias": "مصطفى الكاظمي", "canonical_latin": "Mustafa al-Kadhimi",
             "canonical_arabic": "مصطفى الكاظمي", "alias_kind": "canonical", "count": 2},
            {"entity_id": "E1", "alias": "Mustafa Al-Kazemi", "canonical_latin": "Mustafa al-Kadhimi",
             "canonical_arabic": "مصطفى الكاظمي", "source": "doc2"},
            {"entity_id": "E2", "kind": "organization", "alias": 'The "Tab\tand, comma" Group',
             "canonical_latin": 'The "Tab\tand, comma" Group', "canonical_arabic": "", "count": 0},
            {"entity_id": "E3", "alias": "line\nbreak \\ back\\slash\r", "source": ""},
        ]
    )  # fmt: skip


# ------------------------------------------------------------- construction


@pytest.mark.parametrize(
    ("alias", "lat", "ar", "kind", "expected"),
    [
        ("Mustafa al-Kadhimi", "Mustafa al-Kadhimi", "مصطفى الكاظمي", "person", "canonical"),
        ("Mustafa Al-Kazemi", "Mustafa al-Kadhimi", "مصطفى الكاظمي", "person", "spelling variant"),
        ("مصطفى الكاظمي", "Mustafa al-Kadhimi", "", "person", "transliteration"),
        ("Abu Abdul Qader", "Jassim al-Mazroui", "", "person", "kunya"),
        ("ISIS", "Islamic State of Iraq and Syria", "", "organization", "acronym"),
        ("داعش", "", "الدولة الإسلامية في العراق والشام", "organization", "acronym"),
    ],
    ids=["canonical", "variant", "translit", "kunya", "acronym-en", "acronym-ar"],
)
def test_classify_alias(alias: str, lat: str, ar: str, kind: str, expected: str) -> None:
    assert classify_alias(alias, lat, ar, kind) == expected


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ({"entity_id": "", "alias": "Ali"}, "entity_id"),
        ({"entity_id": "E", "alias": "  "}, "alias"),
        ({"entity_id": "E", "alias": "Ali", "count": -1}, "count"),
        ({"entity_id": "E", "alias": "Ali", "kind": "place"}, "kind"),
        ({"entity_id": "E", "alias": "Ali", "colour": "red"}, "unknown"),
    ],
    ids=["empty-id", "blank-alias", "negative-count", "bad-kind", "unknown-column"],
)
def test_bad_rows(row: dict, message: str) -> None:
    with pytest.raises(InputError, match=message):
        AliasTable([row])


def test_duplicate_rows_refused() -> None:
    with pytest.raises(InputError, match="duplicate"):
        AliasTable([{"entity_id": "E", "alias": "Ali"}, {"entity_id": "E", "alias": "Ali"}])


def test_basics_and_html() -> None:
    t = sample()
    assert len(t) == 5
    assert t.entities() == ["E1", "E2", "E3"]
    assert [r.alias for r in t][:2] == ["Mustafa al-Kadhimi", "مصطفى الكاظمي"]
    html = t._repr_html_()
    assert '<table class="nasab">' in html and "3 entities" in html and 'dir="rtl"' in html
    assert "&quot;Tab" in html


# ------------------------------------------------------------- file formats


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_round_trip_every_format(tmp_path: Path, fmt: str) -> None:
    t = sample()
    path = tmp_path / f"table.{fmt}"
    t.save(path)
    text = path.read_text(encoding="utf-8")
    assert "nasab" in text.splitlines()[0]  # metadata with the version first
    back = AliasTable.load(path)
    assert back == t
    assert [r.count for r in back] == [3, 2, 1, 0, 1]


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_explicit_format_overrides_suffix(tmp_path: Path, fmt: str) -> None:
    path = tmp_path / "table.dat"
    sample().save(path, format=fmt)
    assert AliasTable.load(path, format=fmt) == sample()


def test_unknown_suffix_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="suffix"):
        sample().save(tmp_path / "table.xlsx")


_text = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=30).filter(
    lambda s: s.strip()
)


@settings(derandomize=True, max_examples=60, deadline=None)
@given(
    rows=st.lists(
        st.tuples(
            st.sampled_from(["E1", "E\t2", 'E"3', "E,4"]), _text, _text, st.integers(0, 10**9)
        ),
        min_size=1,
        max_size=6,
        unique_by=lambda r: (r[0], r[1]),
    )
)
def test_round_trip_random_unicode(rows: list[tuple[str, str, str, int]]) -> None:
    t = AliasTable(
        {
            "entity_id": e,
            "alias": a,
            "source": s,
            "count": c,
            "canonical_latin": s,
            "canonical_arabic": "",
        }
        for e, a, s, c in rows
    )
    for fmt in FORMATS:
        assert AliasTable.loads(t.dumps(fmt), fmt) == t, fmt


HEADER = "\t".join(COLUMNS)
GOOD = "E1\tperson\tAli\t\tAli\tlatin\tcanonical\t\t1"
BAD_COUNT = GOOD.replace("E1", "E2").replace("\t1", "\tx")
BAD_ESCAPE = GOOD.replace("Ali", "A\\qli", 1)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (f"{HEADER}\n{GOOD}\nE2\tperson\tOmar\n", 3, "canonical_arabic"),
        (f"{HEADER}\n{GOOD}\n{BAD_COUNT}\n", 3, "count"),
        (f"{HEADER.replace('alias_kind', 'aliaskind')}\n{GOOD}\n", 1, 7),
        ("\t".join(COLUMNS[:-1]) + "\n" + GOOD.rsplit("\t", 1)[0] + "\n", 1, "count"),
        (f"# comment\n{HEADER}\n{GOOD}\n{GOOD}\n", 4, "alias"),
        (f"{HEADER}\n{GOOD.replace('latin', 'cyrillic')}\n", 2, "script"),
        (f"{HEADER}\n{BAD_ESCAPE}\n", 2, "canonical_latin"),
        (f"{HEADER}\n{GOOD}\n\n{GOOD.replace('E1', 'E2')}\n", 3, None),
    ],
    ids=[
        "ragged",
        "bad-count",
        "wrong-column",
        "missing-column",
        "duplicate",
        "bad-script",
        "bad-escape",
        "blank-line",
    ],
)
def test_malformed_tsv(tmp_path: Path, text: str, line: int, column: object) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        AliasTable.load(path)
    err = info.value
    assert err.path == str(path) and err.line == line and err.column == column
    assert str(path) in str(err) and f"line {line}" in str(err)


@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        (
            ",".join(COLUMNS) + "\nE1,person,Ali,,Ali,latin,canonical,,1\nE2,person\n",
            3,
            "canonical_latin",
        ),
        (",".join(COLUMNS) + '\nE1,person,Ali,,"Ali\nMore",latin,canonical,,1.5\n', 2, "count"),
        (
            ",".join(COLUMNS)
            + '\nE1,person,Ali,,"Ali\nMore",latin,canonical,,1\nE1,person,Ali,,"Ali\nMore",latin,canonical,,1\n',
            4,
            "alias",
        ),
    ],
    ids=["ragged", "float-count-after-quoted-newline", "duplicate-line-after-newline"],
)
def test_malformed_csv(tmp_path: Path, text: str, line: int, column: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        AliasTable.load(path)
    assert (info.value.line, info.value.column) == (line, column)


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ('{"format": "nasab-alias-table", "rows": [\n{"entity_id": "E1"}\n]}', 2),
        (
            '{"rows": [\n'
            + '{"entity_id": "E1", "kind": "person", "canonical_latin": "", "canonical_arabic": "",'
            ' "alias": "x", "script": "latin", "alias_kind": "canonical", "source": "", "count": "2"}\n]}',
            2,
        ),
        ('{"rows": [\n{"entity_id": "E1",,}\n]}', 2),
        ('{"format": "something-else", "rows": []}', 1),
    ],
    ids=["missing-column", "string-count", "syntax", "other-format"],
)
def test_malformed_json(tmp_path: Path, text: str, line: int) -> None:
    path = tmp_path / "bad.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as info:
        AliasTable.load(path)
    assert info.value.line == line


def test_bad_encoding_names_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_bytes((HEADER + "\n" + GOOD + "\n").encode() + b"E2\t\xff\xfe\n")
    with pytest.raises(DataFileError, match="UTF-8") as info:
        AliasTable.load(path)
    assert info.value.line == 3


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot read"):
        AliasTable.load(tmp_path / "none.tsv")


@pytest.mark.parametrize("fmt", FORMATS, ids=FORMATS)
def test_atomic_write_keeps_old_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str
) -> None:
    path = tmp_path / f"table.{fmt}"
    sample().save(path)
    before = path.read_bytes()

    def boom(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    bigger = sample()
    bigger.add_alias("E9", "Jassim al-Mazroui")
    with pytest.raises(DataFileError, match="No space left"):
        bigger.save(path)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == [path.name]  # no temp file left behind


def test_atomic_write_interrupted_mid_write(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "table.tsv"
    sample().save(path)
    before = path.read_bytes()
    real_fdopen = os.fdopen

    class Broken:
        def __init__(self, fh: object) -> None:
            self.fh = fh

        def __enter__(self) -> Broken:
            return self

        def __exit__(self, *exc: object) -> None:
            self.fh.close()  # type: ignore[attr-defined]

        def write(self, text: str) -> None:
            self.fh.write(text[: len(text) // 2])  # type: ignore[attr-defined]
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "fdopen", lambda *a, **k: Broken(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        sample().save(path)
    assert path.read_bytes() == before
    assert len(list(tmp_path.iterdir())) == 1


# ------------------------------------------------------------------- edits


def test_edits_replay_on_rebuilt_table(tmp_path: Path) -> None:
    t = sample()
    t.add_alias("E1", "Mustafa al-Kathimi", alias_kind="spelling variant", source="analyst")
    t.merge_entities("E1", "E3")
    new_id = t.split_entity("E1", ["line\nbreak \\ back\\slash\r"])
    t.set_canonical("E1", "Mustafa Al-Kazemi")
    t.remove_alias("E2", 'The "Tab\tand, comma" Group')
    assert [e["op"] for e in t.edits] == [
        "add_alias",
        "merge_entities",
        "split_entity",
        "set_canonical",
        "remove_alias",
    ]
    edits = tmp_path / "edits.json"
    t.save_edits(edits)
    rebuilt = sample()
    assert rebuilt.apply_edits(edits) == []
    assert rebuilt == t
    assert new_id in rebuilt.entities() and "E3" not in rebuilt.entities()
    assert {r.canonical_latin for r in rebuilt.rows_of("E1")} == {"Mustafa Al-Kazemi"}


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        ({"op": "merge_entities", "a": "E1", "b": "E404"}, "unknown entity"),
        ({"op": "split_entity", "entity_id": "E1", "aliases": ["nope"], "new_id": "X"}, "no alias"),
        ({"op": "remove_alias", "entity_id": "E2", "alias": "nope"}, "no alias"),
        ({"op": "merge_entities", "a": "E1", "b": "E1"}, "itself"),
    ],
    ids=["merge-unknown", "split-unknown-alias", "remove-unknown", "merge-self"],
)
def test_edits_that_do_not_apply(edit: dict, message: str) -> None:
    t = sample()
    with pytest.raises(InputError, match=message):
        t.apply_edits([edit])
    assert t.apply_edits([edit], strict=False)[0].startswith("edit 1")
    assert t == sample()


def test_unknown_edit_op() -> None:
    with pytest.raises(InputError, match="unknown operation"):
        sample().apply_edits([{"op": "explode"}])


def test_merge_tables_adds_counts() -> None:
    a = sample()
    b = AliasTable([{"entity_id": "E1", "alias": "Mustafa al-Kadhimi", "source": "doc9", "count": 4},
                    {"entity_id": "E7", "alias": "Jassim al-Mazrouei"}])  # fmt: skip
    m = a.merge(b)
    assert len(m) == len(a) + 1
    row = m[0]
    assert (row.count, row.source) == (7, "doc1|doc9")
    assert len(a) == 5  # merge does not change its inputs


# ------------------------------------------------------------------ lookup


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("Mustafa al-Kadhimi", "E1"),
        ("مصطفى الكاظمي", "E1"),
        ("MUSTAFA AL KAZEMI", "E1"),
        ("al-Kadhimi", "E1"),
        ("Mustapha al-Kazimi", "E1"),
    ],
    ids=["exact-latin", "exact-arabic", "case-folded", "family-only", "unseen-spelling"],
)
def test_lookup(query: str, entity: str) -> None:
    res = sample().lookup(query)
    assert res and res[0].entity_id == entity
    assert 0.7 <= res[0].score <= 1.0


def test_lookup_nothing() -> None:
    assert sample().lookup("Jassim al-Mazroui") == []


# ----------------------------------------------------------- from_resolution


def test_from_resolution() -> None:
    resolve = pytest.importorskip("nasab.resolution").resolve
    res = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي", "Mustafa Al-Kazemi", "Mustafa al-Kadhimi",
                   "Mohammed Rabie al-Rikabi"])  # fmt: skip
    t = AliasTable.from_resolution(res)
    assert len(t.entities()) == 2
    eid = res.labels[0]
    rows = {r.alias: r for r in t.rows_of(eid)}
    assert rows["Mustafa al-Kadhimi"].count == 2
    assert rows["مصطفى الكاظمي"].script == "arabic"
    assert all(
        r.alias_kind in ("canonical", "spelling variant", "transliteration") for r in rows.values()
    )
    assert t.lookup("al-Kadhimi")[0].entity_id == eid
    assert AliasTable.loads(t.dumps("tsv"), "tsv") == t


# --------------------------------------------------------------- DataFrames


def test_dataframe_round_trip() -> None:
    pytest.importorskip("pandas")
    t = sample()
    df = t.to_dataframe()
    assert list(df.columns) == list(COLUMNS) and len(df) == 5
    assert AliasTable.from_dataframe(df) == t


def test_dataframe_without_pandas(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real = builtins.__import__

    def fake(name: str, *a: object, **k: object) -> object:
        if name == "pandas":
            raise ImportError("no pandas")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", fake)
    with pytest.raises(ExtraMissingError, match="pandas"):
        sample().to_dataframe()


def test_row_dict() -> None:
    row = AliasRow("E", "person", "Ali", "", "Ali", "latin", "canonical", "", 1)
    assert list(row.to_dict()) == list(COLUMNS)


def test_rows_are_copies_and_columns_read_back() -> None:
    t = AliasTable([{"entity_id": "E", "alias": "Ali"}, {"entity_id": "E", "alias": "علي"}])
    row = t[0]
    row.count = 99  # a copy: the table changes only through its methods
    assert t[0].count == 1 and t[-1].alias == "علي"
    assert list(t.column("alias")) == ["Ali", "علي"]
    assert list(t.column("count")) == [1, 1]
    with pytest.raises(InputError, match="column"):
        t.column("nope")
    with pytest.raises(IndexError):
        t[2]


def test_columns_hold_few_bytes_per_row() -> None:
    rows = [
        {
            "entity_id": f"E{i // 4}",
            "alias": f"Name{i} al-Family{i // 4}",
            "alias_kind": "canonical",
        }
        for i in range(4_000)
    ]
    t = AliasTable(rows)
    assert t.nbytes() / len(t) < 120  # a row object alone would take over 500
    assert t == AliasTable.loads(t.dumps("tsv"), "tsv")


def test_edits_keep_pairs_findable_after_many_additions() -> None:
    t = AliasTable()
    for i in range(5000):
        t.add_alias(f"E{i % 7}", f"Name {i}", alias_kind="spelling variant")
    t.add_alias("E3", "Name 3", count=2)
    assert len(t) == 5000 and t.rows_of("E3")[0].count == 3
    with pytest.raises(InputError, match="duplicate"):
        AliasTable([{"entity_id": "E", "alias": "x"}, {"entity_id": "E", "alias": "x"}])
