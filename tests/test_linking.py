"""Tests for nasab.linking: the indexed linker."""

from __future__ import annotations

import random
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from nasab.aliases import AliasTable
from nasab.errors import InputError
from nasab.linking import Candidate, link, name_keys

TABLE = [
    {"entity_id": "kadhimi", "alias": "Mustafa Al-Kazemi"},
    {"entity_id": "kadhimi", "alias": "مصطفى الكاظمي"},
    {"entity_id": "rikabi", "alias": "Mohammed Rabie al-Rikabi"},
    {"entity_id": "rikabi", "alias": "محمد ربيع الركابي"},
    {"entity_id": "hamdani", "alias": "Abdul Wahab al-Hamdani"},
    {"entity_id": "mazroui", "alias": "Jassim al-Mazroui"},
    {"entity_id": "mazroui", "alias": "Abu Abdul Qader"},
    {"entity_id": "isis", "kind": "organization", "alias": "Islamic State"},
    {"entity_id": "isis", "kind": "organization", "alias": "داعش"},
]


@pytest.fixture(scope="module")
def table() -> AliasTable:
    return AliasTable(TABLE)


@pytest.mark.parametrize(
    ("query", "entity"),
    [
        ("al-Kadhimi", "kadhimi"),
        ("Mustafa al-Kadhimi", "kadhimi"),
        ("مصطفى الكاظمي", "kadhimi"),
        ("Mohamed al-Rekabi", "rikabi"),
        ("محمد الركابي", "rikabi"),
        ("Abdelwahab Hamdani", "hamdani"),
        ("عبد الوهاب الحمداني", "hamdani"),
        ("Jasim al-Mazrouei", "mazroui"),
    ],
    ids=[
        "family-only",
        "unseen-spelling",
        "arabic-exact",
        "variant",
        "arabic-variant",
        "joined-abd",
        "arabic-compound",
        "mazrouei",
    ],
)
def test_link_finds_entity(table: AliasTable, query: str, entity: str) -> None:
    (cands,) = link([query], table)
    assert cands, query
    assert cands[0].entity_id == entity
    assert isinstance(cands[0], Candidate) and cands[0].score >= 0.7
    assert "score" in cands[0].explain()


def test_conflicting_family_is_not_linked(table: AliasTable) -> None:
    (cands,) = link(["Mohammed al-Hamdani"], table, kind="person")
    assert all(c.entity_id != "rikabi" for c in cands)


def test_one_candidate_per_entity_and_top(table: AliasTable) -> None:
    (cands,) = link(["Mustafa al-Kadhimi"], table, top=1, threshold=0.0)
    assert len(cands) == 1
    (cands,) = link(["Mustafa al-Kadhimi"], table, top=5, threshold=0.0)
    ids = [c.entity_id for c in cands]
    assert len(ids) == len(set(ids))
    assert [c.score for c in cands] == sorted((c.score for c in cands), reverse=True)


def test_kind_filter(table: AliasTable) -> None:
    (cands,) = link(["Islamic State"], table, kind="person")
    assert all(c.kind == "person" for c in cands)


def test_list_of_names_as_table() -> None:
    res = link(["Mustapha al-Kazimi", "nobody at all"], ["Mohammed al-Rikabi", "Mustafa Al-Kazemi"])
    assert res[0][0].entity_id == "1" and res[0][0].alias == "Mustafa Al-Kazemi"
    assert res[1] == []


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"queries": "Ali"}, "list of names"),
        ({"queries": ["Ali", ""]}, "query 1"),
        ({"queries": ["Ali"], "top": 0}, "top"),
        ({"queries": ["Ali"], "threshold": 1.5}, "threshold"),
        ({"queries": ["Ali"], "kind": "place"}, "kind"),
        ({"queries": ["Ali"], "table": "Ali"}, "table"),
    ],
    ids=["string-queries", "empty-query", "top", "threshold", "kind", "string-table"],
)
def test_bad_arguments(table: AliasTable, kwargs: dict, message: str) -> None:
    args = {"table": table, **kwargs}
    with pytest.raises(InputError, match=message):
        link(args.pop("queries"), args.pop("table"), **args)


def test_index_is_cached_and_dropped_on_edit() -> None:
    t = AliasTable(TABLE)
    link(["Ali"], t)
    index = t._cache["link_index"]
    link(["Omar"], t)
    assert t._cache["link_index"] is index
    t.add_alias("new", "Jassim Khalid al-Shammari")
    assert "link_index" not in t._cache
    assert link(["Jasim Khaled al-Shamari"], t)[0][0].entity_id == "new"


def test_workers_give_same_results(table: AliasTable) -> None:
    queries = ["al-Kadhimi", "محمد الركابي", "Jasim al-Mazrouei", "Abdelwahab Hamdani"] * 3
    assert [[c.entity_id for c in r] for r in link(queries, table, workers=2)] == [
        [c.entity_id for c in r] for r in link(queries, table)
    ]


def test_typo_in_skeleton_found_through_neighbour_keys() -> None:
    t = AliasTable(
        [
            {"entity_id": "m", "alias": "Jassim al-Mazroui"},
            {"entity_id": "x", "alias": "Jassim al-Tikriti"},
        ]
    )
    # 'Mazrowi' -> skeleton MZR; 'Mazdoui' -> MZD (one class away): still a candidate
    (cands,) = link(["Jassim al-Mazdoui"], t, threshold=0.0)
    assert "m" in [c.entity_id for c in cands]


_NAMES = [
    "Salah al-Din Ahmed", "Nur ud-Din Zangi", "Abdelwahab Hamdani", "Prime Minister Mustafa al-Kadhimi",
    "Hamdani, Ahmed", "the Ahmed", "Abu Bakr al-Baghdadi", "Khalid bin Jassim", "Sheikh Ali", "عبدالله الكاظمي",
    "Mustafa al", "al-al-Kazemi", "Ali  -  Hassan", "Abdullah Nooruddin", "اللواء عبد الوهاب الحمداني",
    "أبو عبد القادر", "Dr. Haidar al-Abadi", "Umm Ahmed", "ibn Taymiyya",
]  # fmt: skip


def _dev_names() -> list[str]:
    path = Path("/work/shared/data/netranslit/pairs_dev.tsv")
    if not path.exists():
        return []
    rng = random.Random(5)
    pairs = [
        ln.rstrip("\n").split("\t") for ln in path.read_text(encoding="utf-8").splitlines()[:5000]
    ]
    pairs = [p for p in pairs if len(p) == 2]
    prefix = ["al-", "Al ", "el-", "Abdul ", "Abu ", "bin ", "", "", "ال", "عبد ", "أبو "]
    out = []
    for _ in range(400):
        a, b = rng.choice(pairs), rng.choice(pairs)
        k = 1 if rng.random() < 0.5 else 0
        out.append(f"{rng.choice(prefix)}{a[k].title()} {rng.choice(prefix)}{b[k].title()}")
    return out


@pytest.mark.parametrize("name", _NAMES + _dev_names())
def test_fast_keys_equal_parse_name_keys(name: str) -> None:
    from nasab.names import parse_name

    parsed = parse_name(name)
    assert name_keys(name) == tuple(t.key for t in parsed.tokens + parsed.kunya if t.key)


def test_candidate_explains_on_first_use(table: AliasTable) -> None:
    got = link(["Mustapha al-Kazimi"], table, top=1)[0][0]
    assert got.match.score == got.score and "Kazemi" in got.explain()
    exact = link(["مصطفى الكاظمي"], table, top=1)[0][0]
    assert exact.score == 1.0 and exact.match.features == {"identical": 1.0}
    with pytest.raises(InputError, match="query"):
        Candidate("E", "Ali", "Ali", 1.0)


@pytest.mark.parametrize(
    ("aliases", "entity_ids", "query", "expected"),
    [
        (["Mustafa Al-Kazemi", "Mohammed al-Rikabi"], ["E1", "E2"], "مصطفى الكاظمي", "E1"),
        (["مصطفى الكاظمي", "محمد الركابي"], ["E1", "E2"], "Mohamed al-Rekabi", "E2"),
    ],
    ids=["latin-table-arabic-query", "arabic-table-latin-query"],
)
def test_index_over_plain_columns(
    aliases: list[str], entity_ids: list[str], query: str, expected: str
) -> None:
    from nasab.linking import LinkIndex

    index = LinkIndex(aliases, entity_ids)
    keys = name_keys(query)
    assert index.entity_of(index.candidates(keys, limit=1)[0]) == expected
    with pytest.raises(InputError, match="entity ids"):
        LinkIndex(aliases, entity_ids[:1])


@given(
    st.lists(
        st.lists(st.integers(0, 60), max_size=25).map(lambda r: sorted(set(r))),
        min_size=2,
        max_size=6,
    ),
    st.lists(st.floats(0.01, 20.0), min_size=6, max_size=6),
)
def test_sum_by_row_is_unique_and_bincount_bit_for_bit(segments, seg_weights):
    """The merge of posting lists gives np.unique's rows and bincount's sums exactly."""
    from nasab.linking import _sum_by_row

    rows = np.concatenate([np.array(s, dtype=np.int32) for s in segments])
    weights = np.repeat(seg_weights[: len(segments)], [len(s) for s in segments])
    got_rows, got_sums = _sum_by_row(rows, weights)
    ref_rows, inv = np.unique(rows, return_inverse=True)
    ref_sums = np.bincount(inv.ravel(), weights=weights, minlength=len(ref_rows))
    assert got_rows.tolist() == ref_rows.tolist()
    assert got_sums.tobytes() == ref_sums.tobytes()
