"""Fuzz every public function and every CLI subcommand: only NasabError, within a budget.

Two generators: arbitrary Unicode (hypothesis ``text()``) for every function that takes a
name or a text, and the grammar of ``tests/fuzz_grammar.py`` (name-like text in both
scripts, marks, particles, titles, URLs, digits, long nasab chains, documents, damaged
files) for every entry of its ``CALLS``, the CLI included (in-process). Each example has a
deadline: its budget from ``CALLS`` times :data:`DEADLINE_FACTOR` (CI machines are shared
and noisy; ``benchmarks/fuzz.py`` holds every call to the budget itself).
"""

from __future__ import annotations

import importlib.util
import random
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import nasab
from nasab.errors import NasabError

_SPEC = importlib.util.spec_from_file_location(
    "fuzz_grammar", Path(__file__).with_name("fuzz_grammar.py")
)
assert _SPEC and _SPEC.loader
grammar = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(grammar)

DEADLINE_FACTOR = 5
HEAVY = {"link", "extract", "build_graph", "cli aliases", "cli graph", "cli link"}
CHEAP_EXAMPLES, HEAVY_EXAMPLES = 200, 40


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("fuzz")
    grammar.warm_up(tmp)
    return tmp


def _run(call, *args: object) -> None:  # type: ignore[no-untyped-def]
    try:
        call(*args)
    except NasabError:
        pass


def _settings(budget: float, examples: int) -> settings:
    return settings(
        derandomize=True,
        max_examples=examples,
        deadline=timedelta(seconds=budget * DEADLINE_FACTOR),
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )


@pytest.mark.parametrize("name", list(grammar.CALLS), ids=list(grammar.CALLS))
def test_grammar_fuzz(name: str, workdir: Path) -> None:
    budget, call = grammar.CALLS[name]
    examples = HEAVY_EXAMPLES if name in HEAVY else CHEAP_EXAMPLES

    @_settings(budget, examples)
    @given(st.integers(0, 2**32 - 1))
    def check(seed: int) -> None:
        _run(call, random.Random(seed), workdir)

    check()


TEXT_CALLS = {
    "normalize": nasab.normalize,
    "clean": nasab.clean,
    "tokenize": nasab.tokenize,
    "detect_script": nasab.detect_script,
    "skeleton": nasab.skeleton,
    "romanize": nasab.romanize,
    "romanize ala-lc": lambda t: nasab.romanize(t, scheme="ala-lc"),
    "variants": nasab.variants,
    "arabic_candidates": nasab.arabic_candidates,
    "parse_name": nasab.parse_name,
    "compare": lambda t: nasab.compare(t, t[::-1]),
    "compare organization": lambda t: nasab.compare(t, "Ali", kind="organization"),
    "resolve": lambda t: nasab.resolve([t, t.upper(), "Ali"]),
    "extract": nasab.extract,
    "build_graph": lambda t: nasab.build_graph([t]),
}


@pytest.mark.parametrize("name", list(TEXT_CALLS), ids=list(TEXT_CALLS))
def test_arbitrary_unicode(name: str, workdir: Path) -> None:
    call = TEXT_CALLS[name]

    @_settings(2.0, CHEAP_EXAMPLES)
    @given(st.text(max_size=300))
    def check(text: str) -> None:
        _run(call, text)

    check()


@pytest.mark.parametrize(
    "text",
    ["البابا بنديكت ـ 16", "ـ", "ـــ ـــ", "\u200f\u0640\u200e", "ال ـ بن ـ", "abu ـ"],
    ids=["pope-tatweel", "lone", "doubled", "bidi", "particles", "latin"],
)
def test_tatweel_tokens_do_not_crash(text: str, workdir: Path) -> None:
    for call in TEXT_CALLS.values():
        _run(call, text)


@pytest.mark.parametrize(
    "source",
    ["a\x00b", "[1, 2]", '{"nodes": 5, "edges": []}', '{"nodes": [{"id": "a"}], "edges": [{}]}'],
    ids=["nul-in-path", "json-list", "nodes-not-list", "edge-without-ends"],
)
def test_graph_from_bad_json_is_a_nasab_error(source: str) -> None:
    with pytest.raises(NasabError):
        nasab.EntityGraph.from_json(source)
