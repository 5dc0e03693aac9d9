"""Rebuild data/aliases/cheap_readings.tsv: the cheap decoder's Latin readings of the listed
Arabic name words that have no beam readings, so that comparison does not decode them.

The comparison layer reads an Arabic token with the beam decoder's readings where
``token_readings.tsv`` has them (frequent name words), and otherwise with the cheap
letter-in-context decoder (``nasab.match.tokens.cheap_readings``), about a tenth of a
fresh cross-script comparison of one word. This script runs that decoder once, at build
time, on every word the shipped tables list as a name word and that has no beam
readings: the words of ``name_words.tsv`` and the Arabic spellings of
``given_names.tsv``, article-free and folded as the comparison layer folds a token. Each
row holds exactly what :func:`nasab.match.tokens.readings` returns for the token.

The header names the tables the readings depend on (``sources=``, their SHA-1 in
``sources-sha1=``) and the decoder's ``k``: ``nasab.match.tokens.listed_readings`` ignores
a table that no longer matches them (the words are then decoded, as before), and
``tests/match/test_cheap_readings.py`` fails until the table is rebuilt. The same test
checks every row against the decoder.

The listed words come from tables that leave out the evaluation split of netranslit
(bucket 0) where they were built from netranslit, but ``name_words.tsv`` also holds the
words of google/transliteration ar2en-train, some of which are netranslit held-out words:
the words served by this table are listed words, not unseen ones.

Usage:
    python scripts/build_cheap_readings.py [--out data/aliases/cheap_readings.tsv]
"""

from __future__ import annotations

import argparse
import hashlib
import time
from pathlib import Path

from nasab import lexicon
from nasab._data import data_path, load_tsv
from nasab.match.algorithms import CHEAP_READINGS
from nasab.match.tokens import LISTED_READINGS, readings
from nasab.names.keys import fold
from nasab.names.parse import split_article

#: The tables the readings are computed from (the letter-in-context renderings and the
#: beam readings of ``token_readings.tsv``, the Persian letters): a change in any of them
#: needs a rebuild. (The word lists only choose the words.)
SOURCES = ("token_readings.tsv", "persian_letters.tsv")
OUT = Path(__file__).resolve().parent.parent / "data" / "aliases" / LISTED_READINGS


def sources_sha1() -> str:
    """SHA-1 of the source tables, in the order of :data:`SOURCES`."""
    h = hashlib.sha1()
    for name in SOURCES:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()


def listed_tokens() -> list[str]:
    """The folded, article-free Arabic tokens of the listed name words that have no beam
    readings, sorted."""
    words = {w.ar for w in lexicon.name_words()}
    for entry in lexicon.given_names():
        words.update(entry.ar)
    beam = {row["token"] for row in load_tsv("token_readings.tsv") if row["kind"] == "ar"}
    tokens = {fold(split_article(w)[0]) for w in words if w}
    return sorted(t for t in tokens if t and t not in beam)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    rows = []
    for token in listed_tokens():
        got = readings(token, listed=False)
        if got:
            rows.append((token, " ".join(got)))
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# nasab derived table: the cheap letter-in-context decoder's Latin readings\n"
            "# (nasab.match.tokens.readings) of the listed Arabic name words that have no\n"
            "# beam readings in token_readings.tsv: the words of name_words.tsv and the\n"
            "# Arabic spellings of given_names.tsv, article-free and folded as the\n"
            "# comparison layer folds a token; readings best first, space-separated.\n"
            "# Built by scripts/build_cheap_readings.py from the tables below (read only\n"
            "# while they are unchanged and k is the decoder's CHEAP_READINGS).\n"
            f"# sources={','.join(SOURCES)}\n"
            f"# sources-sha1={sources_sha1()}\n"
            f"# k={CHEAP_READINGS}\n"
            "# Derived from netranslit (CC0 1.0), google/transliteration ar2en-train\n"
            "# (Apache-2.0, see NOTICE) and the US OFAC SDN list (public domain), as\n"
            "# name_words.tsv and given_names.tsv. Licence: CC0 1.0 / Apache-2.0 as its\n"
            "# sources.\n"
            "token\treadings\n"
        )
        for token, cell in rows:
            fh.write(f"{token}\t{cell}\n")
    print(f"{len(rows)} rows -> {args.out} ({time.perf_counter() - t0:.1f} s)")


if __name__ == "__main__":
    main()
