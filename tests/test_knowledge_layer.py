"""Knowledge lives in one place: no word list of nasab.lexicon's tables is copied into code.

The check walks every module of ``src/nasab`` (except :mod:`nasab.lexicon`) and looks at
its string literals outside docstrings: collection literals (sets, lists, tuples, dict keys),
whitespace-separated word strings (``"a b c".split()``) and regex alternations
(``(?:abu|umm)``). Any of them that holds two or more kunya markers, Abd- forms,
patronymic markers, Arabic nisba endings or feminine endings, or three or more one-word
titles, is a second copy of a table.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from nasab import lexicon

SRC = Path(__file__).resolve().parents[1] / "src" / "nasab"
# Morphology, not a word list: the stems of the joined-spelling pattern Abd+ul+X (Abdulqader).
ALLOWED = {("names/parse.py", ("abd", "abed"))}
MODULES = sorted(p for p in SRC.rglob("*.py") if p.name != "lexicon.py")


def _docstrings(tree: ast.AST) -> set[int]:
    out = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                out.add(id(body[0].value))
    return out


def _word_groups(path: Path) -> Iterator[tuple[int, list[str], bool]]:
    """(line, words, whether a collection literal) for each literal group of words in a module."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip = _docstrings(tree)
    for node in ast.walk(tree):
        if isinstance(node, ast.Set | ast.List | ast.Tuple):
            elts = node.elts
        elif isinstance(node, ast.Dict):
            elts = [k for k in node.keys if k is not None]
        else:
            elts = None
        if elts is not None:
            words = [
                e.value for e in elts if isinstance(e, ast.Constant) and isinstance(e.value, str)
            ]
            yield node.lineno, [w.lower() for w in words], True
        elif (
            isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in skip
        ):
            text = node.value
            for alt in re.findall(r"\(\?:([^()]*)\)", text):
                yield node.lineno, [w.lower() for w in alt.split("|")], False
            if "\n" not in text.strip() or len(text.split()) > 3:
                yield node.lineno, [w.lower() for w in text.split()], False


def _markers() -> dict[str, tuple[frozenset[str], int, bool]]:
    """What counts as a copy: (table, how many of its words, only in a collection literal).
    Arabic endings are single letters that prose strings (version notes) may hold."""
    one_word_titles = frozenset(
        k[0] for k in lexicon.title_index() if len(k) == 1 and len(k[0]) > 3
    )
    return {
        "kunya marker": (lexicon.kunya_markers(), 2, False),
        "Abd- form": (lexicon.abd_forms(), 2, False),
        "patronymic marker": (lexicon.patronymic_markers(), 2, False),
        "title": (one_word_titles, 3, False),
        "nisba ending": (frozenset(lexicon.nisba_endings()), 2, True),
        "feminine ending": (frozenset(lexicon.feminine_endings()), 2, True),
    }


def _copies(path: Path) -> list[str]:
    found = []
    for line, words, collection in _word_groups(path):
        for what, (table, at_least, collections_only) in _markers().items():
            if collections_only and not collection:
                continue
            hits = sorted(set(words) & table)
            if len(hits) >= at_least and (str(path.relative_to(SRC)), tuple(hits)) not in ALLOWED:
                found.append(f"{path.relative_to(SRC)}:{line}: {what}s {hits}")
    return found


@pytest.mark.parametrize("path", MODULES, ids=[str(p.relative_to(SRC)) for p in MODULES])
def test_no_copy_of_a_lexicon_table_in_code(path: Path) -> None:
    assert not _copies(path)


def test_the_check_finds_a_copy(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text(
        'KUNYA = {"abu", "umm"}\n'
        'RE = r"^(?:abdul|abdel)-"\n'
        'TITLES = "general minister president".split()\n'
        'NISBA = ("ي", "يه")\n'
        'TA = w.endswith(("ا", "ه", "ة"))\n',
        encoding="utf-8",
    )
    global SRC
    old, SRC = SRC, tmp_path
    try:
        found = _copies(bad)
    finally:
        SRC = old
    assert sorted(f.split(": ", 1)[1].split(" [")[0] for f in found) == [
        "Abd- forms",
        "feminine endings",
        "kunya markers",
        "nisba endings",
        "titles",
    ]
