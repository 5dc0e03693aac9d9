"""A grammar of name-like and document-like text, and every public call of nasab, for fuzzing.

Shared by ``tests/test_fuzz.py`` (hypothesis drives the ``random.Random`` given to each
generator) and ``benchmarks/fuzz.py`` (a long seeded run). Words come from the package's
own tables through :mod:`nasab.lexicon` (name words, given names, titles, particles); the
character classes below are Unicode ranges, not word lists.

Each entry of :data:`CALLS` is ``name -> (budget in seconds, function(rng, tmp_dir))``:
the function draws its inputs from ``rng`` and calls one public function (or one CLI
subcommand, in-process through :func:`nasab.cli.main`) with them.

Example:
    >>> import random
    >>> name = name_like(random.Random(1))
    >>> isinstance(name, str)
    True
"""

from __future__ import annotations

import contextlib
import io
import json
import random
import sys
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import nasab
from nasab import lexicon
from nasab.cli import main as cli_main

# ------------------------------------------------------------------ character classes

ARABIC_LETTERS = [chr(c) for c in range(0x0621, 0x064B) if c != 0x0640]
PERSIAN_URDU = list("پچژگکیےہںٹڈڑۀەۆۇڤڭھۃ")
DIACRITICS = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
TATWEEL = "\u0640"
INVISIBLE = [chr(c) for c in (0x00AD, 0x061C, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A,
                              0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069,
                              0xFEFF)]  # fmt: skip
DIGITS = [chr(c) for c in [*range(0x30, 0x3A), *range(0x0660, 0x066A), *range(0x06F0, 0x06FA)]]
PUNCT = list(".,;:!?()[]{}\"'«»“”‘’-–—/\\|&*%$#@،؛؟٪")
SEPARATORS = [" ", " ", " ", "  ", "\t", "\n", ", ", "، ", "-", " - ", "'", "’", "\r\n", " / "]
LATIN = "abcdefghijklmnopqrstuvwxyz"


@cache
def _words() -> dict[str, tuple[str, ...]]:
    titles = lexicon.titles()
    parts = lexicon.particles()
    return {
        "ar_name": tuple(w.ar for w in lexicon.name_words()[:3000]),
        "en_name": tuple(g.en for g in lexicon.given_names()[:2000]),
        "title_en": tuple({v for t in titles for v in (t.en, *t.variants_en) if v}),
        "title_ar": tuple({v for t in titles for v in (t.ar, *t.variants_ar) if v}),
        "particle_ar": tuple(p.token for p in parts if p.script == "arab"),
        "particle_en": tuple(p.token for p in parts if p.script == "latn"),
    }


def _pick(rng: random.Random, kind: str) -> str:
    return rng.choice(_words()[kind])


def _random_arabic_word(rng: random.Random) -> str:
    letters = ARABIC_LETTERS + PERSIAN_URDU
    return "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))


def _random_latin_word(rng: random.Random) -> str:
    word = "".join(rng.choice(LATIN) for _ in range(rng.randint(1, 10)))
    return word.capitalize() if rng.random() < 0.6 else word


def _mutate(rng: random.Random, word: str) -> str:
    """Diacritics, tatweel, invisible marks, digits or case changes inside a word."""
    chars = list(word)
    for _ in range(rng.choice([0, 0, 0, 1, 1, 2, 4])):
        pos = rng.randint(0, len(chars))
        extra = rng.choice([rng.choice(DIACRITICS), TATWEEL, TATWEEL * rng.randint(2, 6),
                            rng.choice(INVISIBLE), rng.choice(DIGITS), rng.choice(PUNCT)])  # fmt: skip
        chars.insert(pos, extra)
    out = "".join(chars)
    if rng.random() < 0.05:
        out = out.upper()
    return out


def _token(rng: random.Random) -> str:
    r = rng.random()
    if r < 0.30:
        word = _pick(rng, "ar_name")
    elif r < 0.55:
        word = _pick(rng, "en_name").capitalize()
    elif r < 0.65:
        word = _pick(rng, rng.choice(["particle_ar", "particle_en"]))
    elif r < 0.72:
        word = _pick(rng, rng.choice(["title_ar", "title_en"]))
    elif r < 0.80:
        word = _random_arabic_word(rng)
    elif r < 0.87:
        word = _random_latin_word(rng)
    elif r < 0.90:
        word = rng.choice([TATWEEL, TATWEEL * 2, rng.choice(INVISIBLE), rng.choice(PUNCT)])
    elif r < 0.93:
        word = "".join(rng.choice(DIGITS) for _ in range(rng.randint(1, 4)))
    elif r < 0.95:
        word = _url(rng)
    else:
        word = chr(rng.randint(0x20, 0x2FFFF))
        if 0xD800 <= ord(word) <= 0xDFFF:
            word = "?"
    return _mutate(rng, word)


def _url(rng: random.Random) -> str:
    host = _random_latin_word(rng).lower() or "x"
    return rng.choice([f"https://{host}.com/{_random_latin_word(rng)}?id={rng.randint(0, 999)}",
                       f"www.{host}.org", f"{host}@{host}.net"])  # fmt: skip


def nasab_chain(rng: random.Random, tokens: int) -> str:
    """A long patronymic chain: name بن name بن ... (or bin/ibn in Latin)."""
    arabic = rng.random() < 0.5
    link = "بن" if arabic else rng.choice(["bin", "ibn", "ben", "Bin"])
    words = []
    for i in range(tokens):
        if i % 2:
            words.append(link)
        else:
            words.append(_pick(rng, "ar_name") if arabic else _pick(rng, "en_name").capitalize())
    return " ".join(words)


def name_like(rng: random.Random) -> str:
    """One name-like string: titles, particles, both scripts, marks, sometimes a long chain."""
    r = rng.random()
    if r < 0.08:
        return nasab_chain(rng, rng.choice([5, 9, 13, 21, 41]))
    n = rng.choice([0, 1, 1, 2, 2, 2, 3, 3, 4, 5, 7, 12])
    out = []
    for _ in range(n):
        out.append(_token(rng))
        out.append(rng.choice(SEPARATORS))
    return "".join(out).strip() if rng.random() < 0.8 else "".join(out)


def any_unicode(rng: random.Random, size: int = 40) -> str:
    """Arbitrary code points (no surrogates), any plane."""
    out = []
    for _ in range(rng.randint(0, size)):
        c = rng.choice([rng.randint(0, 0x7F), rng.randint(0x80, 0x2FFF), rng.randint(0x600, 0x6FF),
                        rng.randint(0x3000, 0xFFFF), rng.randint(0x10000, 0x10FFFF)])  # fmt: skip
        out.append("?" if 0xD800 <= c <= 0xDFFF else chr(c))
    return "".join(out)


def text_like(rng: random.Random) -> str:
    """A name-like string most of the time, arbitrary Unicode otherwise."""
    return name_like(rng) if rng.random() < 0.85 else any_unicode(rng)


def document_like(rng: random.Random, sentences: int | None = None) -> str:
    """News-like text: sentences of names, titles, roles, particles, URLs and noise."""
    out = []
    for _ in range(sentences if sentences is not None else rng.randint(0, 12)):
        words = []
        for _ in range(rng.randint(1, 25)):
            r = rng.random()
            if r < 0.25:
                words.append(name_like(rng))
            elif r < 0.35:
                words.append(_pick(rng, rng.choice(["title_ar", "title_en"])))
            else:
                words.append(_token(rng))
        out.append(" ".join(words) + rng.choice([".", ". ", ".\n", "\n\n", "،", ""]))
    text = "".join(out)
    return text if rng.random() < 0.9 else text + any_unicode(rng, 200)


# ------------------------------------------------------------------ the public calls

Call = Callable[[random.Random, Path], Any]


def _k(rng: random.Random) -> int:
    return rng.choice([0, 1, 3, 5, 10, 20])


def _names(rng: random.Random, most: int) -> list[str]:
    return [text_like(rng) for _ in range(rng.randint(1, most))]


def _nonempty_names(rng: random.Random, most: int) -> list[str]:
    return [n for n in _names(rng, most) if n.strip()] or ["Ali"]


@cache
def _table() -> nasab.AliasTable:
    rng = random.Random(7)
    names = [name_like(rng) for _ in range(200)]
    names = [n for n in names if n.strip()] + ["Mustafa al-Kadhimi", "مصطفى الكاظمي"]
    return nasab.AliasTable.from_resolution(nasab.resolve(names))


def _cli(argv: list[str]) -> int:
    """Run the CLI in-process with stdout/stderr captured; its exit status."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli_main(argv)
    assert status in (0, 1, 2, 130), (status, err.getvalue()[-500:])
    return status


def _names_file(rng: random.Random, tmp: Path) -> Path:
    fmt = rng.choice(["txt", "tsv", "csv", "json", "jsonl"])
    names = _names(rng, 12)
    path = tmp / f"names.{fmt}"
    if fmt == "txt":
        text = "\n".join(names)
    elif fmt in ("tsv", "csv"):
        sep = "\t" if fmt == "tsv" else ","
        text = f"id{sep}name\n" + "\n".join(f"{i}{sep}{n}" for i, n in enumerate(names))
    elif fmt == "json":
        text = json.dumps(names, ensure_ascii=False)
    else:
        text = "\n".join(json.dumps({"name": n}, ensure_ascii=False) for n in names)
    if rng.random() < 0.1:
        text = text[: rng.randint(0, len(text))] + any_unicode(rng, 20)
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    return path


def _cli_romanize(rng: random.Random, tmp: Path) -> int:
    return _cli(["romanize", *_nonempty_names(rng, 3), "--scheme", rng.choice(["news", "ala-lc"])])


def _cli_compare(rng: random.Random, tmp: Path) -> int:
    return _cli(["compare", "--", text_like(rng), text_like(rng)])


def _cli_resolve(rng: random.Random, tmp: Path) -> int:
    args = ["resolve", str(_names_file(rng, tmp)), "-o", str(tmp / "out.tsv")]
    return _cli(args + (["--errors", "skip"] if rng.random() < 0.5 else []))


def _cli_link(rng: random.Random, tmp: Path) -> int:
    table = tmp / "table.tsv"
    if not table.exists():
        _table().save(table)
    return _cli(["link", str(_names_file(rng, tmp)), str(table), "-o", str(tmp / "links.json")])


def _cli_aliases(rng: random.Random, tmp: Path) -> int:
    table = tmp / "table.tsv"
    if not table.exists():
        _table().save(table)
    action = rng.choice(["build", "lookup", "merge"])
    if action == "build":
        return _cli(["aliases", "build", str(_names_file(rng, tmp)), "-o", str(tmp / "t2.tsv")])
    if action == "merge":
        return _cli(["aliases", "merge", str(table), str(table), "-o", str(tmp / "t3.tsv")])
    return _cli(["aliases", "lookup", str(table), "--", *_nonempty_names(rng, 3)])


def _cli_graph(rng: random.Random, tmp: Path) -> int:
    files = []
    for i in range(rng.randint(1, 3)):
        path = tmp / f"doc{i}.txt"
        path.write_text(document_like(rng, rng.randint(0, 6)), encoding="utf-8")
        files.append(str(path))
    return _cli(["graph", *files, "-o", str(tmp / "graph.json")])


def _link(rng: random.Random, tmp: Path) -> Any:
    return nasab.link(_names(rng, 5), _table(), top=rng.choice([1, 5]))


def _lookup(rng: random.Random, tmp: Path) -> Any:
    return _table().lookup(text_like(rng), top=rng.choice([1, 5]))


def _table_loads(rng: random.Random, tmp: Path) -> Any:
    fmt = rng.choice(["tsv", "csv", "json"])
    text = _table().dumps(fmt)
    cut = rng.randint(0, len(text))
    garbage = text[:cut] + any_unicode(rng, 10) + text[cut : cut + rng.randint(0, 200)]
    return nasab.AliasTable.loads(garbage, fmt)


def _graph_json(rng: random.Random, tmp: Path) -> Any:
    node = {"id": text_like(rng), "type": "person", "name": text_like(rng)}
    shape = rng.choice([
        {"nodes": [node], "edges": []},
        {"nodes": [node], "edges": [{"source": node["id"], "target": text_like(rng)}]},
        {"nodes": [{k: v for k, v in node.items() if rng.random() < 0.5}], "links": [{}]},
        {"nodes": rng.choice([5, "x", None, [1]]), "edges": rng.choice([[], {}, [None]])},
        [node], rng.choice(["x", 1, None]),
    ])  # fmt: skip
    text = json.dumps(shape, ensure_ascii=False)
    if rng.random() < 0.5:
        text = text[: rng.randint(0, len(text))] + any_unicode(rng, 10)
    return nasab.EntityGraph.from_json(text)


def _judgements(rng: random.Random, tmp: Path) -> Any:
    j = nasab.Judgements()
    for _ in range(rng.randint(1, 4)):
        (j.same if rng.random() < 0.5 else j.not_same)(text_like(rng), text_like(rng))
    j.save(tmp / "j.json")
    return nasab.Judgements.load(tmp / "j.json")


def _read_documents(rng: random.Random, tmp: Path) -> Any:
    path = tmp / rng.choice(["d.txt", "d.md", "d.json", "d.jsonl", "d.html", "d"])
    path.write_text(document_like(rng, 3), encoding="utf-8")
    return nasab.read_documents([path, document_like(rng, 2)], errors="skip")


#: name -> (budget in seconds per call, call)
CALLS: dict[str, tuple[float, Call]] = {
    "normalize": (0.5, lambda rng, tmp: nasab.normalize(text_like(rng))),
    "clean": (0.5, lambda rng, tmp: nasab.clean(text_like(rng))),
    "tokenize": (0.5, lambda rng, tmp: nasab.tokenize(text_like(rng))),
    "detect_script": (0.5, lambda rng, tmp: nasab.detect_script(text_like(rng))),
    "skeleton": (0.5, lambda rng, tmp: nasab.skeleton(text_like(rng))),
    "romanize": (2.0, lambda rng, tmp: nasab.romanize(text_like(rng), rng.choice(["news", "ala-lc"]))),
    "variants": (2.0, lambda rng, tmp: nasab.variants(text_like(rng), k=_k(rng))),
    "arabic_candidates": (2.0, lambda rng, tmp: nasab.arabic_candidates(text_like(rng), k=_k(rng))),
    "parse_name": (1.0, lambda rng, tmp: nasab.parse_name(text_like(rng))),
    "prepare": (1.0, lambda rng, tmp: nasab.prepare(text_like(rng))),
    "compare": (2.0, lambda rng, tmp: nasab.compare(text_like(rng), text_like(rng),
                                                    kind=rng.choice(["person", "organization"]))),
    "compare_many": (2.0, lambda rng, tmp: nasab.compare_many(_names(rng, 4), _names(rng, 4))),
    "resolve": (2.0, lambda rng, tmp: nasab.resolve(_names(rng, 12))),
    "link": (2.0, _link),
    "AliasTable.lookup": (2.0, _lookup),
    "AliasTable.loads": (2.0, _table_loads),
    "Judgements": (1.0, _judgements),
    "extract": (2.0, lambda rng, tmp: nasab.extract(document_like(rng))),
    "build_graph": (2.0, lambda rng, tmp: nasab.build_graph([document_like(rng, rng.randint(0, 5))
                                                             for _ in range(rng.randint(1, 3))])),
    "read_documents": (2.0, _read_documents),
    "EntityGraph.from_json": (1.0, _graph_json),
    "cli romanize": (2.0, _cli_romanize),
    "cli compare": (2.0, _cli_compare),
    "cli resolve": (2.0, _cli_resolve),
    "cli link": (2.0, _cli_link),
    "cli aliases": (2.0, _cli_aliases),
    "cli graph": (2.0, _cli_graph),
}  # fmt: skip


def warm_up(tmp: Path) -> None:
    """Load every model and table once, so budgets measure calls, not first loads."""
    rng = random.Random(0)
    for _, call in CALLS.values():
        with contextlib.suppress(nasab.NasabError):
            call(rng, tmp)


if __name__ == "__main__":  # pragma: no cover - print a few samples
    r = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    for _ in range(10):
        print(repr(name_like(r)))
