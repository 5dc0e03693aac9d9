"""Parquet, polars and pandas round trips of alias tables and resolution outputs."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import nasab
from nasab.aliases import COLUMNS, AliasTable
from nasab.errors import DataFileError, InputError
from nasab.tables import (
    RESOLUTION_COLUMNS,
    from_pandas,
    from_polars,
    read_resolution,
    resolution_rows,
    to_pandas,
    to_polars,
    write_parquet,
    write_resolution,
)

TRICKY = [
    ("tab", "Jassim\tal-Mazroui"),
    ("quotes", "say \"hi\", 'then'"),
    ("newlines", "line one\nline two\r\nthree"),
    ("arabic", "مصطفى الكاظمي"),
    ("mixed", "Abu عبد القادر"),
    ("backslash", "a\\tb \\n"),
    ("emoji-rtl-marks", "\u200fعلي\u200e 🙂"),
]


def tricky_table() -> AliasTable:
    rows: list[dict[str, Any]] = []
    for i, (_, alias) in enumerate(TRICKY):
        rows.append(
            {
                "entity_id": f"E{i}",
                "kind": "person",
                "canonical_latin": "" if i % 2 else alias,
                "canonical_arabic": "علي\tحسن" if i % 2 else "",
                "alias": alias,
                "script": "mixed",
                "alias_kind": "spelling variant",
                "source": "" if i % 3 else 'doc "1";\tdoc 2',
                "count": i * 1000,
            }
        )
    return AliasTable(rows)


@pytest.mark.parametrize("suffix", ["parquet"], ids=["parquet"])
def test_parquet_round_trip_through_save_and_load(tmp_path: Path, suffix: str) -> None:
    pytest.importorskip("pyarrow")
    t = tricky_table()
    path = tmp_path / f"aliases.{suffix}"
    t.save(path)
    back = AliasTable.load(path)
    assert back == t
    assert [r.to_dict() for r in back] == [r.to_dict() for r in t]


def test_polars_round_trip() -> None:
    pl = pytest.importorskip("polars")
    t = tricky_table()
    df = t.to_polars()
    assert df.columns == list(COLUMNS) and df.schema["count"] == pl.Int64
    assert AliasTable.from_polars(df) == t


def test_pandas_round_trip() -> None:
    pytest.importorskip("pandas")
    t = tricky_table()
    assert AliasTable.from_dataframe(t.to_dataframe()) == t
    rows = [r.to_dict() for r in t]
    assert from_pandas(to_pandas(rows, COLUMNS, ints=("count",)), COLUMNS, ints=("count",)) == rows


def test_resolution_round_trips(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    names = [alias for _, alias in TRICKY] + ["Mustafa Al-Kazemi", "مصطفى الكاظمي", "x"]
    res = nasab.resolve(names)
    rows = resolution_rows(res)
    assert [r["name"] for r in rows] == names
    assert rows[-3]["entity_id"] == rows[-2]["entity_id"]
    write_resolution(res, tmp_path / "res.parquet")
    assert read_resolution(tmp_path / "res.parquet") == rows
    pytest.importorskip("polars")
    assert from_polars(to_polars(rows, RESOLUTION_COLUMNS), RESOLUTION_COLUMNS) == rows


def _write_raw(path: Path, columns: dict[str, list[Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table(columns), path)


def _good_columns() -> dict[str, list[Any]]:
    return {c: [1, 2] if c == "count" else ["E1", "E2"] for c in COLUMNS} | {
        "kind": ["person", "person"],
        "script": ["latin", "latin"],
        "alias_kind": ["canonical", "canonical"],
        "alias": ["Ali", "Omar"],
    }


BAD_FILES = {
    "missing-column": (
        lambda c: {k: v for k, v in c.items() if k != "source"},
        r"missing column\(s\): source",
    ),
    "null": (lambda c: c | {"alias": ["Ali", None]}, r"row 2, column alias"),
    "negative-count": (lambda c: c | {"count": [1, -5]}, r"row 2, column count"),
    "bad-kind": (lambda c: c | {"kind": ["person", "planet"]}, r"row 2: kind must be one of"),
    "duplicate": (
        lambda c: c | {"entity_id": ["E1", "E1"], "alias": ["Ali", "Ali"]},
        r"row 2: repeats the \(entity, alias\) pair of row 1",
    ),
}


@pytest.mark.parametrize("case", list(BAD_FILES), ids=list(BAD_FILES))
def test_bad_parquet_names_file_row_and_column(tmp_path: Path, case: str) -> None:
    pytest.importorskip("pyarrow")
    change, message = BAD_FILES[case]
    path = tmp_path / "bad.parquet"
    _write_raw(path, change(_good_columns()))
    with pytest.raises(DataFileError, match=message) as info:
        AliasTable.load(path)
    assert str(path) in str(info.value)


def test_not_parquet_and_missing_file(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    junk = tmp_path / "junk.parquet"
    junk.write_text("entity_id\talias\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="not a readable Parquet file"):
        AliasTable.load(junk)
    with pytest.raises(DataFileError, match="no such file"):
        AliasTable.load(tmp_path / "none.parquet")


def test_other_layout_refused(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    path = tmp_path / "res.parquet"
    write_resolution(nasab.resolve(["Ali Hassan"]), path)
    with pytest.raises(DataFileError, match="holds 'resolution' rows"):
        AliasTable.load(path)


def test_bad_polars_frame_names_row_and_column() -> None:
    pl = pytest.importorskip("polars")
    df = tricky_table().to_polars().with_columns(pl.lit(None, dtype=pl.String).alias("source"))
    with pytest.raises(InputError, match=r"row 1, column source"):
        AliasTable.from_polars(df)


def test_writing_bad_rows_is_refused(tmp_path: Path) -> None:
    pytest.importorskip("pyarrow")
    with pytest.raises(InputError, match=r"row 1, column name"):
        write_parquet([{"name": 3}], tmp_path / "x.parquet", ["name"])


@pytest.mark.parametrize(
    ("rows", "cycle"),
    [
        ({"w": "v", "v": "w"}, "v -> w -> v"),
        ({"zh": "j|ch", "ch": "k|kh", "kh": "zh"}, "ch -> kh -> zh -> ch"),
        ({"ault$": "o", "o": "ault"}, "ault$ -> o -> ault$"),
        ({"ic$": "ich", "ich$": "ic"}, "ic$ -> ich$ -> ic$"),
    ],
)
def test_latin_digraph_rows_in_a_cycle_are_refused(monkeypatch, rows, cycle) -> None:
    """A reading is read again by the rows, so rows that read each other in a cycle would
    never end: the loader refuses the table and names the cycle."""
    from nasab import lexicon

    table = [{"digraph": d, "readings": r} for d, r in rows.items()]
    monkeypatch.setattr(lexicon, "load_tsv", lambda name: table)
    with pytest.raises(DataFileError, match=cycle.replace("$", r"\$")):
        lexicon.latin_digraphs.__wrapped__()


@pytest.mark.parametrize(
    "rows",
    [
        {"c$": "ch|ts", "ch": "k"},  # ch and ts do not end in c: c$ does not read them again
        {"ic$": "ich|its"},  # ich holds ic, but not at its end
    ],
)
def test_a_word_ending_read_so_that_it_no_longer_ends_the_word_is_no_cycle(
    monkeypatch, rows
) -> None:
    from nasab import lexicon

    table = [{"digraph": d, "readings": r} for d, r in rows.items()]
    monkeypatch.setattr(lexicon, "load_tsv", lambda name: table)
    assert set(lexicon.latin_digraphs.__wrapped__()) == set(rows)


def test_shipped_latin_digraphs_have_no_cycle() -> None:
    from nasab.lexicon import latin_digraphs

    assert latin_digraphs()["zh"] == ("j", "ch")  # loads without DataFileError


@pytest.mark.parametrize(
    "row",
    [
        {"letter": "s", "readings": "sh"},  # ASCII: normalisation keeps it, nothing to read
        {"letter": "Š", "readings": "sh"},  # upper case: the parse keeps lower-case text
        {"letter": "ß", "readings": "ss"},  # normalisation writes two letters
        {"letter": "š", "readings": "sh|ش"},  # a reading that is not ASCII letters
        {"letter": "šš", "readings": "sh"},  # two letters
    ],
)
def test_bad_latin_letter_rows_are_refused(monkeypatch, row) -> None:
    from nasab import lexicon

    monkeypatch.setattr(lexicon, "load_tsv", lambda name: [row])
    with pytest.raises(DataFileError, match=r"latin_letters\.tsv"):
        lexicon.latin_letters.__wrapped__()


def test_shipped_latin_letters_load() -> None:
    from nasab.lexicon import latin_letters

    assert latin_letters()["š"] == ("sh",)
    assert all(len(letter) == 1 and not letter.isascii() for letter in latin_letters())


@pytest.mark.parametrize(
    "row",
    [
        {"letter": "a", "vowels": "a"},  # not an Arabic letter
        {"letter": "ة", "vowels": "a|e"},  # normalisation writes ه
        {"letter": "اا", "vowels": "a"},  # two letters
        {"letter": "ا", "vowels": "a|b"},  # not a vowel
        {"letter": "ا", "vowels": "ae"},  # two letters in one cell
    ],
)
def test_bad_final_vowel_rows_are_refused(monkeypatch, row) -> None:
    from nasab import lexicon

    monkeypatch.setattr(lexicon, "load_tsv", lambda name: [row])
    with pytest.raises(DataFileError, match=r"final_vowels\.tsv"):
        lexicon.final_vowels.__wrapped__()


def test_shipped_final_vowels_load() -> None:
    from nasab.lexicon import LATIN_VOWELS, final_vowels

    assert final_vowels()["ه"] == frozenset({"a", "e"})
    assert all(v <= set(LATIN_VOWELS) for v in final_vowels().values())


@pytest.mark.parametrize(
    "rows",
    [
        [{"latin": "bb", "arabic": "بي"}],  # two letters
        [{"latin": "B", "arabic": "بي"}],  # upper case
        [{"latin": "b", "arabic": "bee"}],  # not Arabic
        [{"latin": "b", "arabic": "بي بي"}],  # two words
        [
            {"latin": "b", "arabic": "بي"},
            {"latin": "p", "arabic": "بي"},
        ],  # one spelling, two letters
    ],
    ids=["two-letters", "upper-case", "latin-spelling", "two-words", "spelling-twice"],
)
def test_bad_letter_name_rows_are_refused(monkeypatch, rows) -> None:
    from nasab import lexicon

    monkeypatch.setattr(lexicon, "load_tsv", lambda name: rows)
    with pytest.raises(DataFileError, match=r"letter_names\.tsv"):
        lexicon.letter_names.__wrapped__()


def test_shipped_letter_names_spell_every_letter_but_e_and_p() -> None:
    from nasab import lexicon

    assert set(lexicon.letter_names().values()) == set("abcdfghijklmnoqrstuvwxyz")
