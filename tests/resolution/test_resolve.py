"""Tests for nasab.resolution: grouping, chaining, stability, judgements, incremental runs, errors."""

from __future__ import annotations

import itertools
import json
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nasab.errors import DataFileError, InputError, NasabError
from nasab.resolution import (
    Entity,
    JudgementConflictError,
    Judgements,
    Record,
    Resolution,
    cluster,
    resolve,
)
from nasab.resolution.core import canonical_names

IRAQ = [
    "Mustafa Al-Kazemi",
    "مصطفى الكاظمي",
    "Mustafa al-Kadhimi",
    "Mohammed Rabie al-Rikabi",
    "محمد ربيع الركابي",
    "Mohammed al-Hamdani",
    "Abdul Wahab al-Hamdani",
]
IRAQ_GROUPS = [{0, 1, 2}, {3, 4}, {5}, {6}]

ORGS = [
    "ISIS",
    "ISIL",
    "Daesh",
    "داعش",
    "Islamic State",
    "جهاز مكافحة الإرهاب",
    "Counter-Terrorism Service",
    "التحالف الدولي",
    "International Coalition",
    "Iraqi News Agency",
    "Iraqi Ministry of Defence",
    "Islamic Jihad",
]
ORG_GROUPS = [{0, 1, 2, 3, 4}, {5, 6}, {7, 8}, {9}, {10}, {11}]


def groups(res: Resolution) -> list[set[int]]:
    out: dict[str, set[int]] = {}
    for i, label in enumerate(res.labels):
        out.setdefault(label, set()).add(i)
    return sorted(out.values(), key=min)


CASES = [
    ("iraqi-persons", IRAQ, None, IRAQ_GROUPS),
    ("organisations", ORGS, "organization", ORG_GROUPS),
]


@pytest.mark.parametrize(
    ("names", "kind", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_groups(names: list[str], kind: str | None, expected: list[set[int]]) -> None:
    res = resolve(names, kind=kind)
    assert groups(res) == expected
    assert len(res.labels) == len(names)
    assert [e.id for e in res.entities] == sorted(e.id for e in res.entities)
    for e in res.entities:
        assert isinstance(e, Entity) and e.id.startswith("nsb-")
        assert e.members == sorted(e.members)
        assert all(res.labels[i] == e.id for i in e.members)


def test_entity_canonical_names_in_both_scripts() -> None:
    res = resolve(IRAQ)
    e = res.entity_of(0)
    assert e.canonical["arabic"] == "مصطفى الكاظمي"
    assert e.canonical["latin"] in {"Mustafa Al-Kazemi", "Mustafa al-Kadhimi"}
    assert e.names == sorted(["Mustafa Al-Kazemi", "مصطفى الكاظمي", "Mustafa al-Kadhimi"])


def test_canonical_name_counts_every_record_of_a_surface_name() -> None:
    # Four records of "Ali Hasan" over three nodes (two named by an id-judgement), three of
    # "Ali Hassan" in one node (one written with two spaces): the most records wins.
    names = ["Ali Hasan"] * 4 + ["Ali  Hassan", "Ali Hassan", "Ali Hassan", "علي حسن"]
    records = [{"id": f"r{k}", "name": nm} for k, nm in enumerate(names)]
    res = resolve(records, judgements=Judgements().same("r0", "r1", by="id"))
    assert len(res._state.nodes) == 5 and len(set(res.labels)) == 1
    assert res.entities[0].canonical == {"latin": "Ali Hasan", "arabic": "علي حسن"}
    assert res.entities[0].names == ["Ali  Hassan", "Ali Hasan", "Ali Hassan", "علي حسن"]


def test_no_chaining_through_a_bridge() -> None:
    # B resembles both A and C (a kunya-free name sharing the family name), but A and C
    # conflict on their given names: the bridge must not glue them together.
    names = ["Mohammed al-Hamdani", "al-Hamdani", "Abdul Wahab al-Hamdani"]
    res = resolve(names)
    assert res.labels[0] != res.labels[2]


def test_cluster_average_linkage_does_not_chain() -> None:
    scores = {(0, 1): 0.95, (1, 2): 0.95, (2, 3): 0.95, (0, 2): 0.1, (1, 3): 0.1, (0, 3): 0.0}
    result = cluster(4, scores, threshold=0.7)
    assert all(len(c) <= 2 for c in result.clusters)


def test_cannot_link_wins_over_scores() -> None:
    result = cluster(2, {(0, 1): 0.99}, threshold=0.7, cannot=[(0, 1)])
    assert sorted(result.clusters) == [[0], [1]]


PERMUTATIONS = [
    list(p) for p in itertools.islice(itertools.permutations(range(len(IRAQ))), 0, 5040, 997)
]


@pytest.mark.parametrize("order", PERMUTATIONS, ids=[",".join(map(str, p)) for p in PERMUTATIONS])
def test_order_does_not_change_ids(order: list[int]) -> None:
    base = resolve(IRAQ)
    shuffled = resolve([IRAQ[i] for i in order])
    for new_pos, old_pos in enumerate(order):
        assert shuffled.labels[new_pos] == base.labels[old_pos]
    assert [e.id for e in shuffled.entities] == [e.id for e in base.entities]


@settings(derandomize=True, max_examples=20, deadline=None)
@given(st.randoms(use_true_random=False))
def test_order_does_not_change_ids_hypothesis(rnd: random.Random) -> None:
    names = IRAQ + ORGS[:5]
    kinds = ["person"] * len(IRAQ) + ["organization"] * 5
    recs = [
        {"name": n, "kind": k, "id": f"x{i}"}
        for i, (n, k) in enumerate(zip(names, kinds, strict=False))
    ]
    base = {r["id"]: lab for r, lab in zip(recs, resolve(recs).labels, strict=False)}
    rnd.shuffle(recs)
    got = {r["id"]: lab for r, lab in zip(recs, resolve(recs).labels, strict=False)}
    assert got == base


def test_incremental_equals_full() -> None:
    names = [*IRAQ, "Mustafa Kazimi", "M. al-Rikabi", "Abdulwahab al-Hamdani"]
    full = resolve(names)
    part = resolve(names[:4]).add(names[4:7]).add(names[7:])
    assert part.labels == full.labels
    assert part.entities == full.entities


def test_incremental_keeps_unchanged_ids() -> None:
    first = resolve(IRAQ)
    more = first.add(["Ali Hassan"])
    assert more.labels[: len(IRAQ)] == first.labels


JUDGEMENT_CASES = [
    (
        "same-by-name",
        Judgements().same("Mohammed al-Hamdani", "Abdul Wahab al-Hamdani"),
        5,
        6,
        True,
    ),
    ("not-same-by-name", Judgements().not_same("Mustafa Al-Kazemi", "مصطفى الكاظمي"), 0, 1, False),
    ("not-same-by-id", Judgements().not_same("r0", "r2", by="id"), 0, 2, False),
    ("same-by-id", Judgements().same("r3", "r6", by="id"), 3, 6, True),
]


@pytest.mark.parametrize(
    ("judgements", "i", "j", "together"),
    [c[1:] for c in JUDGEMENT_CASES],
    ids=[c[0] for c in JUDGEMENT_CASES],
)
def test_judgements_override_and_survive_save_load(tmp_path, judgements, i, j, together) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "judgements.json"
    judgements.save(path)
    loaded = Judgements.load(path)
    assert loaded == judgements
    assert not list(tmp_path.glob(".*tmp"))  # atomic write left no temporary file
    res = resolve(IRAQ, judgements=loaded)
    assert (res.labels[i] == res.labels[j]) is together
    assert "judgement" in res.why(i, j)


def test_contradictory_judgements_raise() -> None:
    j = (
        Judgements()
        .same("Mohammed al-Hamdani", "Abdul Wahab al-Hamdani")
        .same("Abdul Wahab al-Hamdani", "Mustafa Al-Kazemi")
    )
    j.not_same("Mohammed al-Hamdani", "Mustafa Al-Kazemi")
    with pytest.raises(JudgementConflictError):
        resolve(IRAQ, judgements=j)


def test_judgements_load_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"format": "other"}), encoding="utf-8")
    with pytest.raises(DataFileError):
        Judgements.load(bad)
    with pytest.raises(DataFileError):
        Judgements.load(tmp_path / "missing.json")


def test_why_explains() -> None:
    res = resolve(IRAQ)
    text = res.why(0, 1)
    assert "same entity" in text and "score" in text and "clustering" in text
    text = res.why(5, 6)
    assert "different entities" in text


def test_records_and_dicts() -> None:
    recs = [
        Record("a", "Mustafa al-Kadhimi", source="doc1"),
        {"id": "b", "name": "مصطفى الكاظمي", "language": "ar", "page": 3},
        {"id": "c", "name": "Counter-Terrorism Service", "kind": "organization"},
        {"id": "d", "name": "جهاز مكافحة الإرهاب", "kind": "organization"},
    ]
    res = resolve(recs)
    assert res.labels[0] == res.labels[1] != res.labels[2]
    assert res.labels[2] == res.labels[3]
    assert res.records[1].attrs["page"] == 3
    assert "never merged" in res.why(0, 2)


ERRORS = [
    ("empty-name", ["Ali", ""]),
    ("blank-name", ["  "]),
    ("none", ["Ali", None]),
    ("int", [5]),
    ("dict-without-name", [{"id": "x"}]),
    ("duplicate-id", [{"id": "x", "name": "Ali"}, {"id": "x", "name": "Omar"}]),
    ("bad-kind", [{"name": "Ali", "kind": "place"}]),
    ("a-string", "Ali Hassan"),
]


@pytest.mark.parametrize("inputs", [e[1] for e in ERRORS], ids=[e[0] for e in ERRORS])
def test_errors(inputs: object) -> None:
    with pytest.raises(NasabError) as info:
        resolve(inputs)  # type: ignore[arg-type]
    assert isinstance(info.value, InputError)


def test_error_names_the_record() -> None:
    with pytest.raises(InputError, match="input 1"):
        resolve(["Ali", ""])
    with pytest.raises(InputError, match="duplicate record id 'x'"):
        resolve([{"id": "x", "name": "Ali"}, {"id": "x", "name": "Omar"}])


@pytest.mark.parametrize("bad", [0, 1.5, "high", True], ids=["zero", "above-one", "string", "bool"])
def test_bad_threshold(bad: object) -> None:
    with pytest.raises(InputError):
        resolve(["Ali"], threshold=bad)  # type: ignore[arg-type]


def test_why_names_the_score_bound() -> None:
    names = ["Jassim Mohammed al-Ubaidi", "Jassim al-Mazroui", "جاسم العبيدي",
             "Sami Jassim al-Ubaidi", "Jassim Hasan al-Mazrouei"]  # fmt: skip
    res = resolve(names)
    assert "upper bound is under the threshold" in res.why(3, 4)
    assert "upper bound" not in res.why(0, 3)


def _canonical_reference(counts: dict[str, int]) -> dict[str, str]:
    """Per script, the most frequent name, then the longest, then the first (one pass per
    script, every name's script tested in each)."""
    from nasab.text import detect_script, normalize

    def script(nm: str) -> str:
        s = detect_script(nm)
        return s if s in ("latin", "arabic") else "other"

    out = {}
    for scr in ("latin", "arabic", "other"):
        cands = [nm for nm in counts if script(nm) == scr]
        if cands:
            out[scr] = min(cands, key=lambda nm: (-counts[nm], -len(normalize(nm).split()), nm))
    return out


CANONICAL_CASES = [
    ("one per script", {"Ali Hassan": 1, "علي حسن": 1}),
    ("the most frequent", {"Ali Hassan": 2, "Ali Hasan": 3, "علي حسن": 1}),
    ("the longest on a tie", {"Ali Hassan": 1, "Ali Hassan Jaber": 1}),
    ("the first on a tie", {"Ali Hasan": 1, "Ali Hassan": 1, "علي حسن": 2, "علي حسين": 2}),
    ("another script", {"Али Хасан": 1, "Ali Hassan": 1}),
    # One name (most entities): its script's canonical name, whatever its script.
    ("one latin name", {"Ali Hassan": 2}),
    ("one arabic name", {"علي حسن": 1}),
    ("one name of another script", {"Али Хасан": 1}),
    ("one name of mixed scripts", {"Ali علي": 1}),
    ("one name without letters", {"42": 1}),
]


@pytest.mark.parametrize(
    "counts", [c[1] for c in CANONICAL_CASES], ids=[c[0] for c in CANONICAL_CASES]
)
def test_canonical_names_cases(counts: dict[str, int]) -> None:
    assert canonical_names(counts) == _canonical_reference(counts)


@settings(derandomize=True, max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(
            ["Ali Hassan", "Ali Hasan", "Ali Hassan Jaber", "علي حسن", "علي حسين", "Али"]
        ),
        st.integers(1, 3),
        min_size=1,
    )
)
def test_canonical_names_equal_the_reference(counts: dict[str, int]) -> None:
    assert canonical_names(counts) == _canonical_reference(counts)
