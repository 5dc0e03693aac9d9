"""Entity ids users can keep: carried from a previous run, through add() and save/load."""

from __future__ import annotations

import pytest

from nasab import resolve
from nasab.aliases import AliasTable
from nasab.errors import InputError
from nasab.resolution.ids import carry_ids, previous_votes

FIRST = ["Mustafa al-Kadhimi", "مصطفى الكاظمي", "Haider al-Abadi", "حيدر العبادي"]
# "Abdul" sorts before "Mustafa": without a previous run the entity's id would change.
MORE = ["Abdul Mustafa al-Kadhimi", "Mustafa al Kadhimi", "Nouri al-Maliki"]


def test_without_previous_a_new_first_member_changes_the_id() -> None:
    a = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي"])
    b = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي", "al-Kadhimi, Mustafa"])
    if a.labels[0] == b.labels[0]:  # pragma: no cover - depends on the sort of names
        pytest.skip("the new name does not sort first")
    c = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي", "al-Kadhimi, Mustafa"], previous=a)
    assert c.labels[0] == a.labels[0] == c.labels[2]
    assert c.id_map == {a.labels[0]: (a.labels[0],)}


@pytest.mark.parametrize("how", ["add", "previous-resolution", "saved-table"], ids=str)
def test_ids_continue(how: str, tmp_path) -> None:
    first = resolve(FIRST)
    if how == "add":
        second = first.add(MORE)
    elif how == "previous-resolution":
        second = resolve(FIRST + MORE, previous=first)
    else:
        path = tmp_path / "aliases.tsv"
        AliasTable.from_resolution(first).save(path)
        second = resolve(FIRST + MORE, previous=AliasTable.load(path))
    assert second.labels[: len(FIRST)] == first.labels
    assert second.labels[len(FIRST) + 1] == first.labels[0]  # "Mustafa al Kadhimi"
    new_id = second.labels[-1]
    assert new_id not in first.labels
    assert all(second.id_map[old] == (old,) for old in set(first.labels))


def test_merge_and_split_are_mapped() -> None:
    # Merge: two entities of a previous run (kept apart by a judgement) become one.
    a = resolve(["Ali Hassan al-Najjar", "Mahmoud Saleh al-Dulaimi"])
    merged = resolve(
        ["Ali Hassan al-Najjar", "Mahmoud Saleh al-Dulaimi"],
        previous=_rows(
            [(a.labels[0], "Ali Hassan al-Najjar", 1), (a.labels[1], "Ali Hassan al-Najjar", 1)]
        ),
    )
    assert sorted(merged.id_map) == sorted(set(a.labels))
    assert len(merged.id_map[a.labels[0]]) == 1
    # Split: one old id whose names now fall in two entities.
    split = resolve(
        ["Ali Hassan al-Najjar", "Mahmoud Saleh al-Dulaimi"],
        previous=_rows(
            [("nsb-old", "Ali Hassan al-Najjar", 2), ("nsb-old", "Mahmoud Saleh al-Dulaimi", 1)]
        ),
    )
    assert len(split.id_map["nsb-old"]) == 2
    assert split.labels[0] == "nsb-old" != split.labels[1]


def _rows(rows: list[tuple[str, str, int]]) -> AliasTable:
    return AliasTable(
        [{"entity_id": eid, "kind": "person", "alias": name, "count": n} for eid, name, n in rows]
    )


@pytest.mark.parametrize(
    ("own", "names", "votes", "expected"),
    [
        (["a", "b"], [[("p", "x")], [("p", "y")]], {}, ["a", "b"]),
        (["a", "b"], [[("p", "x")], [("p", "y")]], {("p", "y"): {"old": 1}}, ["a", "old"]),
        # one old id, two claimants: the one with more votes wins, the other keeps its own
        (
            ["a", "b"],
            [[("p", "x")], [("p", "y")]],
            {("p", "x"): {"o": 1}, ("p", "y"): {"o": 2}},
            ["a", "o"],
        ),
        # an own id that is an old id given elsewhere is hashed again
        (
            ["o", "b"],
            [[("p", "x")], [("p", "y")]],
            {("p", "x"): {"o": 1}, ("p", "y"): {"o": 2}},
            None,
        ),
    ],
    ids=["no-votes", "carried", "most-votes-wins", "no-repeated-id"],
)
def test_carry_ids(own, names, votes, expected) -> None:
    got, _ = carry_ids(own, names, votes)
    assert len(set(got)) == len(got)
    if expected is not None:
        assert got == expected
    else:
        assert got[1] == "o" and got[0].startswith("nsb-") and got[0] != "o"


def test_previous_must_be_a_resolution_or_table() -> None:
    with pytest.raises(InputError, match="previous"):
        resolve(["Ali Hassan"], previous="table.tsv")
    with pytest.raises(InputError, match="previous"):
        previous_votes([1, 2])


def test_ids_are_deterministic_in_any_order() -> None:
    first = resolve(FIRST)
    one = resolve(FIRST + MORE, previous=first)
    two = resolve(list(reversed(FIRST + MORE)), previous=first)
    assert sorted(one.labels) == sorted(two.labels)
    assert one.id_map == two.id_map
