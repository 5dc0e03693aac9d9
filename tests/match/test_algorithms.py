"""Tests for nasab.match.algorithms: the registry, version strings and thresholds."""

from __future__ import annotations

import pytest

from nasab import compare
from nasab.errors import InputError
from nasab.match import algorithms as alg
from nasab.match.algorithms import (
    LINK_THRESHOLD,
    NAME_ALGORITHM,
    ORG_ALGORITHM,
    algorithm_version,
    algorithms,
    data_hash,
    get_algorithm,
)

PAIRS = [
    ("person", "Mustafa al-Kadhimi", "مصطفى الكاظمي", NAME_ALGORITHM),
    ("organization", "Iraqi Ministry of Defence", "وزارة الدفاع العراقية", ORG_ALGORITHM),
]


@pytest.mark.parametrize(("kind", "a", "b", "algo"), PAIRS, ids=[p[0] for p in PAIRS])
def test_match_names_its_algorithm_and_data_version(kind: str, a: str, b: str, algo: str) -> None:
    m = compare(a, b, kind=kind)
    assert m.algorithm == algo
    assert m.version == algorithm_version(algo)
    assert m.explain().splitlines()[0].endswith(f"({algorithm_version(algo)})")


@pytest.mark.parametrize("algo_id", sorted(algorithms()), ids=sorted(algorithms()))
def test_registered_algorithms_are_consistent(algo_id: str) -> None:
    a = get_algorithm(algo_id)
    assert a.id == algo_id
    assert algorithm_version(algo_id) == f"{algo_id}+data.{data_hash(a.tables)}"
    assert len(data_hash(a.tables)) == 8


def test_data_hash_depends_on_the_tables() -> None:
    assert data_hash(("token_freq.tsv",)) != data_hash(("titles.tsv",))
    assert data_hash(("token_freq.tsv",)) == data_hash(("token_freq.tsv",))


def test_unknown_algorithm_is_refused() -> None:
    with pytest.raises(InputError, match="unknown algorithm 'nasab-name-v0'"):
        get_algorithm("nasab-name-v0")


def test_name_algorithm_params_are_the_module_constants() -> None:
    params = get_algorithm(NAME_ALGORITHM).params
    assert params["align_min"] == alg.ALIGN_MIN
    assert params["conflict_family"] == alg.CONFLICT_FAMILY
    assert params["reverse_band"] == alg.REVERSE_BAND


def test_link_defaults_use_the_one_threshold() -> None:
    import inspect

    from nasab.aliases import AliasTable
    from nasab.linking import link

    assert inspect.signature(link).parameters["threshold"].default == LINK_THRESHOLD
    assert inspect.signature(AliasTable.lookup).parameters["threshold"].default == LINK_THRESHOLD
