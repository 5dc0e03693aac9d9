"""decoded_readings.tsv holds exactly what the decoders return, for the tables it was built from."""

from __future__ import annotations

import hashlib
import importlib
import re

import pytest

from nasab._data import data_path, load_tsv_header
from nasab.lexicon import DecodedReadings, decoded_readings
from nasab.translit import arabic_candidates, romanize_token, schemes, variants
from nasab.translit.schemes import decoded_latin_spellings
from nasab.translit.variants import decoded_arabic_spellings

tv = importlib.import_module("nasab.translit.variants")  # the module, not the function
TABLE = "decoded_readings.tsv"
SAMPLE = 25  # rows of each kind compared with the decoders


def _header(key: str) -> str:
    for line in load_tsv_header(TABLE):
        m = re.match(re.escape(key) + r"=(\S+)$", line)
        if m:
            return m.group(1)
    raise AssertionError(f"no {key}= line in the header of {TABLE}")


def test_built_from_the_present_tables():
    h = hashlib.sha1()
    for name in _header("sources").split(","):
        h.update(data_path(name).read_bytes())
    assert h.hexdigest() == _header("sources-sha1"), (
        "a source table changed: run scripts/build_decoded_readings.py"
    )


def _sample(kind: str) -> list[str]:
    keys = decoded_readings(kind).keys()
    step = max(len(keys) // SAMPLE, 1)
    return keys[::step][:SAMPLE]


def _as_table_row(readings: tuple[tuple[str, float], ...]) -> tuple[object, ...]:
    top = int(_header("top"))
    return readings[:top], len(readings) <= top


@pytest.mark.parametrize("letters", _sample("ar"))
def test_arabic_rows_are_the_decoder_output(letters):
    row = decoded_readings("ar").get(letters)
    assert (row.readings, row.complete) == _as_table_row(decoded_latin_spellings(letters))


@pytest.mark.parametrize("core", _sample("lat"))
def test_latin_rows_are_the_decoder_output(core):
    row = decoded_readings("lat").get(core)
    assert (row.readings, row.complete) == _as_table_row(decoded_arabic_spellings(core))


@pytest.mark.parametrize(
    ("kind", "key", "first"),
    [("ar", "كاظمي", "kazemi"), ("ar", "مصطفى", "mustafa"), ("lat", "mohammed", "محمد")],
    ids=["kazemi", "mustafa", "latin-mohammed"],
)
def test_frequent_tokens_are_in_the_table(kind, key, first):
    readings = decoded_readings(kind).get(key).readings
    assert readings[0][0] == first
    assert [p for _, p in readings] == sorted((p for _, p in readings), reverse=True)


@pytest.mark.parametrize(
    ("letters", "core"),
    [("زمخشريون", "zamakhshariyoun"), ("قرطبيات", "qurtubiyat")],
    ids=["arabic-unseen", "latin-unseen"],
)
def test_tokens_not_in_the_table_are_decoded(letters, core):
    assert decoded_readings("ar").get(letters) is None
    assert decoded_readings("lat").get(core) is None
    assert romanize_token(letters, 3) == list(decoded_latin_spellings(letters)[:3])
    assert arabic_candidates(core, 3) == [ar for ar, _ in decoded_arabic_spellings(core)[:3]]


def _never(key: str) -> tuple[tuple[str, float], ...]:
    raise AssertionError(f"decoded {key!r} although the table holds its readings")


def _three(key: str) -> tuple[tuple[str, float], ...]:
    return ((key + "-a", 0.5), (key + "-b", 0.3), (key + "-c", 0.2))


@pytest.mark.parametrize(
    ("kind", "key", "k", "decode", "expected"),
    [
        ("ar", "كاظمي", 1, _never, "kazemi"),
        ("lat", "mohammed", 1, _never, "محمد"),
        ("ar", "زمخشريون", 2, _three, ("زمخشريون-a", "زمخشريون-b")),
        ("lat", "zamakhshariyoun", 1, _three, ("zamakhshariyoun-a",)),
    ],
    ids=["arabic-in-table", "latin-in-table", "arabic-decoded", "latin-decoded"],
)
def test_first_reads_the_table_else_decodes(kind, key, k, decode, expected):
    got = decoded_readings(kind).first(key, k, decode=decode)
    if isinstance(expected, tuple):
        assert tuple(x for x, _ in got) == expected
    else:
        assert got[0][0] == expected and len(got) == k


@pytest.mark.parametrize("k", [1, 3, 10, 100], ids=["k1", "k3", "k10", "k100"])
def test_every_k_is_a_prefix_of_the_full_readings(k):
    assert romanize_token("كاظمي", k) == list(decoded_latin_spellings("كاظمي")[:k])
    assert arabic_candidates("Kazimi", k) == [
        ar for ar, _ in decoded_arabic_spellings("kazimi")[:k]
    ]


def _clear_caches() -> None:
    for fn in (
        tv._arabic_for, tv._decoded_arabic, tv._lexicon_candidates,
        schemes._token_dist, schemes._latin_spellings, schemes._romanize_token,
    ):  # fmt: skip
        fn.cache_clear()


@pytest.mark.parametrize(
    "name",
    ["Mohammed bin Abdullah al-Qahtani", "محمد بن عبد الله القحطاني", "Kazimi Rikabi Faleh"],
    ids=["latin", "arabic", "latin-plain"],
)
def test_same_answers_without_the_table(monkeypatch, name):
    with_table = (variants(name, k=10), arabic_candidates(name, k=10))
    empty = DecodedReadings(TABLE, {})
    monkeypatch.setattr(tv, "decoded_readings", lambda kind: empty)
    monkeypatch.setattr(schemes, "decoded_readings", lambda kind: empty)
    _clear_caches()
    try:
        assert (variants(name, k=10), arabic_candidates(name, k=10)) == with_table
    finally:
        _clear_caches()


def test_unknown_kind_refused():
    with pytest.raises(KeyError):
        decoded_readings("xx")
