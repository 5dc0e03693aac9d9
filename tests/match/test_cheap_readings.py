"""cheap_readings.tsv holds exactly what the cheap decoder gives the listed name words, and
comparison reads it instead of decoding them (the same values, so the same scores)."""

from __future__ import annotations

import hashlib
import subprocess
import sys

import pytest

import nasab._data as data
from nasab.match import compare
from nasab.match import tokens as tk
from nasab.match.algorithms import CHEAP_READINGS
from nasab.match.tokens import LISTED_READINGS, cheap_readings, listed_readings, readings

#: Listed Arabic given names without beam readings, and a reading the decoder gives each.
LISTED = [("سمير", "samir"), ("غسان", "gsan"), ("جلال", "jalal"), ("بلال", "belal")]
#: Arabic tokens that no table lists (decoded when met).
UNLISTED = ["زمخشريون", "قرطبيات"]


def _header() -> dict[str, str]:
    lines = data.load_tsv_header(LISTED_READINGS)
    return dict(line.partition("=")[::2] for line in lines if "=" in line)


def test_built_from_the_present_tables() -> None:
    header = _header()
    h = hashlib.sha1()
    for name in header["sources"].split(","):
        h.update(data.data_path(name).read_bytes())
    assert h.hexdigest() == header["sources-sha1"], (
        "a source table changed: run scripts/build_cheap_readings.py"
    )
    assert header["k"] == str(CHEAP_READINGS), "k changed: run scripts/build_cheap_readings.py"
    assert listed_readings(), "the table was not read"


def test_every_row_is_the_decoder_output() -> None:
    rows = listed_readings()
    wrong = [t for t, cell in rows.items() if tuple(cell.split(" ")) != readings(t, listed=False)]
    assert not wrong, (
        f"{len(wrong)} rows differ, e.g. {wrong[:3]}: run scripts/build_cheap_readings.py"
    )


@pytest.mark.parametrize(("token", "reading"), LISTED, ids=[r for _, r in LISTED])
def test_listed_words_are_read_from_the_table(monkeypatch, token: str, reading: str) -> None:
    want = readings(token, listed=False)
    assert reading in want
    assert token in listed_readings()

    def never(letters: str, k: int = CHEAP_READINGS) -> tuple[str, ...]:
        raise AssertionError(f"decoded {letters!r} although the table lists it")

    monkeypatch.setattr(tk, "cheap_readings", never)
    assert readings(token) == want


@pytest.mark.parametrize("token", UNLISTED)
def test_unlisted_words_are_decoded(token: str) -> None:
    assert token not in listed_readings()
    assert readings(token) == cheap_readings(token) == readings(token, listed=False)


def test_a_stale_table_is_not_read(monkeypatch) -> None:
    fresh = listed_readings.__wrapped__
    assert fresh()
    monkeypatch.setattr(tk, "CHEAP_READINGS", CHEAP_READINGS + 1)
    assert fresh() == {}
    monkeypatch.setattr(tk, "CHEAP_READINGS", CHEAP_READINGS)
    header = data.load_tsv_header(LISTED_READINGS)
    stale = tuple(
        "sources-sha1=" + "0" * 40 if line.startswith("sources-sha1=") else line for line in header
    )
    monkeypatch.setattr(data, "load_tsv_header", lambda name: stale)
    assert fresh() == {}


@pytest.mark.parametrize(
    ("a", "b"),
    [("سمير غسان", "Samir Ghassan"), ("جلال بلال", "Jalal Bilal"), ("بلال", "Belal")],
    ids=["samir-ghassan", "jalal-bilal", "belal"],
)
def test_scores_are_those_of_decoding(monkeypatch, a: str, b: str) -> None:
    from nasab.match import clear_caches

    clear_caches()
    with_table = compare(a, b).score
    monkeypatch.setattr(tk, "listed_readings", dict)
    clear_caches()
    try:
        assert compare(a, b).score == with_table
    finally:
        clear_caches()


def test_not_loaded_at_import() -> None:
    probe = "import nasab, nasab.match.tokens as t; print(t.listed_readings.cache_info().currsize)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "0"
