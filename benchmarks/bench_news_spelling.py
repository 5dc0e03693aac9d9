#!/usr/bin/env python
"""How ``romanize(..., scheme="news")`` and ``romanize_token`` spell Arabic words that no
shipped table answers, on the held-out splits, Arabic-origin words and the rest apart.

The held-out words are the two splits that ``scripts/build_translit.py`` keeps out of
training (netranslit words of hash bucket 0, google ar2en-eval). ``news_spellings.tsv`` holds
every split (it is read by the news scheme only), so it would answer each of them: the
benchmark masks them out of it, and the news scheme then renders them as it renders any
unattested word. A word is of Arabic origin here when it carries the article, has a letter
of Arabic words only (``news_letters.tsv``, column ``arabic_only``) or is a listed Arabic
given name (``given_names.tsv``); the rest are mostly foreign names in Arabic script.

Figures, each against every attested spelling of the word (all splits, article-free ASCII):
top-1 (the output is one of them), CER (edit distance to the nearest over its length) and
``bad``: the share of outputs with a letter no English newsroom prints for the Arabic letter
it renders in an Arab name: p with no پ in the word (only ب can give it), v with no ڤ (و or
ف), and c (not ch/ck), dj or g (not gh) for ج where an attested spelling has j and the word
has no letter that gives c or g itself. The last line is the same count over the news
scheme's output for every Arabic-origin word of ``news_spellings.tsv`` (nothing masked).

Usage:
    python benchmarks/bench_news_spelling.py [--data /work/shared/data] [--split test|dev]

``--split dev`` measures the netranslit words of the tuning bucket instead (in the training
data, so the letter model has seen them): tune there, never on the test split.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from nasab import lexicon
from nasab.translit import romanize, romanize_token, schemes
from nasab.translit._model import arabic_letters, latin_letters, split_article

# after nasab: the build script puts this tree's src first on the path, and an older tree
# given by PYTHONPATH is to be measured
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from build_translit import DEV_BUCKET, bucket, load, prepare, read_pairs  # noqa: E402

# Letters that give c or g in a Latin spelling without being ج (ك ق غ گ), and the Persian
# letters that give p and v themselves.
_GIVES_CG = set("كقغگ")
_JIM_BAD = re.compile(r"dj|c(?![hk])|(?<!n)g(?!h)")


def arabic_only_letters() -> frozenset[str]:
    """The ``arabic_only`` letters of this tree's ``news_letters.tsv`` (read here, so that
    an older library given by PYTHONPATH is measured on the same words)."""
    with (REPO / "data" / "aliases" / "news_letters.tsv").open(encoding="utf-8") as fh:
        rows = [ln.rstrip("\n").split("\t") for ln in fh if not ln.startswith("#")]
    return frozenset(row[0] for row in rows[1:] if len(row) > 1 and row[1] == "1")


def arabic_origin(letters: str, given: frozenset[str], only: frozenset[str]) -> bool:
    """The benchmark's test of an Arabic-origin word: the article, an Arabic-only letter or
    a listed Arabic given name."""
    art, core = split_article(letters)
    return bool(art) or bool(only & set(core)) or core in given


def bad_letter(core: str, spelling: str, attested: tuple[str, ...]) -> bool:
    """A letter no English newsroom prints for the Arabic letter it renders (see above)."""
    if "p" in spelling and "پ" not in core:
        return True
    if "v" in spelling and "ڤ" not in core and set("وف") & set(core):
        return True
    if "ج" in core and not _GIVES_CG & set(core) and any("j" in a for a in attested):
        return bool(_JIM_BAD.search(spelling))
    return False


def references(data: Path) -> dict[str, set[str]]:
    """Every attested article-free spelling of every Arabic word, all splits."""
    refs: dict[str, set[str]] = defaultdict(set)
    for path in (
        data / "netranslit" / "pairs_dev.tsv",
        data / "google_ar2en" / "ar2en-train.txt",
        data / "google_ar2en" / "ar2en-eval.txt",
    ):
        for ar, en in read_pairs(path):
            pair = prepare(ar, en)
            if pair:
                refs[pair[0]].add(pair[1])
    return refs


def news_core(word: str) -> str:
    """The news scheme's article-free spelling of one word, folded like the references."""
    text = romanize(word).lower()
    text = re.sub(r"^(?:al|el)-", "", text)
    return latin_letters(text)


def score(rows: list[tuple[str, str, tuple[str, ...]]]) -> tuple[int, float, float, float]:
    """(words, top-1, CER, bad share) of (core, output, attested) rows."""
    n = len(rows) or 1
    top1 = sum(out in refs for _, out, refs in rows) / n
    cer = (
        sum(
            min(Levenshtein.distance(out, r) / max(len(r), 1) for r in refs)
            for _, out, refs in rows
        )
        / n
    )
    bad = sum(bad_letter(core, out, refs) for core, out, refs in rows) / n
    return len(rows), top1, cer, bad


def mask(cores: set[str], full: dict, dev: bool) -> None:
    """Make ``cores`` unattested: out of ``news_spellings.tsv`` and, for the dev words
    (which are training words), out of the word table and the precomputed readings too."""
    masked = {k: v for k, v in full.items() if k not in cores}
    schemes.news_spellings = lambda: masked
    if dev:
        table = {k: v for k, v in schemes.word_table().items() if k not in cores}
        schemes.word_table = lambda: table
        schemes._token_dist = lambda letters, k: schemes.decoded_latin_spellings(letters)[:k]
    for cached in ("_news_spelling", "_romanize_token", "_latin_spellings", "_arabic_spellings"):
        if hasattr(getattr(schemes, cached, None), "cache_clear"):
            getattr(schemes, cached).cache_clear()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=Path("/work/shared/data"))
    ap.add_argument("--split", choices=("test", "dev"), default="test")
    ap.add_argument("--show", type=int, default=0, help="print N Arabic-origin outputs")
    ap.add_argument(
        "--news-dev",
        type=Path,
        default=Path("/work/shared/data/news_dev/en"),
        help="English news bodies (a folder of .txt files) for the last figure",
    )
    ap.add_argument(
        "--tables",
        type=Path,
        help="with --split dev: read translit_words/chars/lm.tsv from this folder, built "
        "without the dev bucket (build_translit.build(..., exclude_dev=True))",
    )
    args = ap.parse_args(argv)
    train, held, geval = load(args.data)
    if args.tables:
        from nasab.translit import _model

        _model.data_path = lambda name: args.tables / name
    if args.split == "dev":
        raw = [p for p in train if bucket(arabic_letters(p[0])) == DEV_BUCKET]
    else:
        raw = held + geval
    refs = references(args.data)
    given = frozenset(a for e in lexicon.given_names() for a in e.ar)
    only = arabic_only_letters()
    words: dict[str, str] = {}  # letters (article kept) -> core
    for ar, _ in raw:
        letters = arabic_letters(ar)
        core = split_article(letters)[1]
        if core in refs and len(core) >= 2:
            words[letters] = core
    full = lexicon.news_spellings()
    mask(set(words.values()), full, dev=args.split == "dev")
    slices: dict[str, dict[str, list]] = {
        "arabic-origin": defaultdict(list),
        "other": defaultdict(list),
    }
    for letters, core in sorted(words.items()):
        attested = tuple(sorted(refs[core]))
        where = slices["arabic-origin" if arabic_origin(letters, given, only) else "other"]
        where["romanize news"].append((core, news_core(letters), attested))
        token = romanize_token(letters, 5)
        where["romanize_token"].append((core, token[0][0] if token else "", attested))
        where["romanize_token top-5"].append(
            (
                core,
                next((s for s, _ in token if s in attested), token[0][0] if token else ""),
                attested,
            )
        )
    print(f"{'slice':<15}{'system':<22}{'words':>7}{'top-1':>8}{'CER':>8}{'bad':>8}")
    for name, systems in slices.items():
        for system, rows in systems.items():
            n, t1, cer, bad = score(rows)
            print(f"{name:<15}{system:<22}{n:>7}{t1:>8.3f}{cer:>8.3f}{bad:>8.3f}")
    if args.show:
        for core, out, attested in slices["arabic-origin"]["romanize news"][: args.show]:
            print(core, out, " ".join(attested), sep="\t")
    schemes.news_spellings = lexicon.news_spellings
    schemes._news_spelling.cache_clear()
    table = [
        (core, news_core(core), tuple(s for s, _ in spellings))
        for core, spellings in full.items()
        if arabic_origin(core, given, only)
    ]
    n, _, _, bad = score(table)
    print(f"\nnews_spellings.tsv, Arabic-origin words, nothing masked: {n} words, bad {bad:.3f}")
    if args.news_dev.is_dir():
        printed(full, args.news_dev)
    return 0


def printed(full: dict, folder: Path) -> None:
    """The words of ``news_spellings.tsv`` with two or more attested spellings of which
    one at least is printed in the English news bodies of ``folder``: how often the news
    scheme picks the most printed one (the measure of docs/benchmarks.md, issue 9 item 7)."""
    counts: dict[str, int] = defaultdict(int)
    for path in sorted(folder.glob("*.txt")):
        for word in re.findall(r"[A-Za-z][A-Za-z'-]*", path.read_text(encoding="utf-8")):
            counts[latin_letters(re.sub(r"^(?:[Aa]l|[Ee]l)-", "", word))] += 1
    rows = []
    for core, spellings in full.items():
        seen = [(counts[s], s) for s, _ in spellings if counts.get(s)]
        if len(spellings) >= 2 and seen:
            rows.append((core, max(seen)[1]))
    hits = sum(news_core(core) == gold for core, gold in rows)
    print(
        f"news_dev English bodies: most printed spelling picked for {hits}/{len(rows)} words "
        f"({hits / max(len(rows), 1):.3f})"
    )


if __name__ == "__main__":
    raise SystemExit(main())
