"""Rebuild data/aliases/decoded_readings.tsv: the transliteration decoder's output for
frequent name tokens, so that ``variants`` and ``arabic_candidates`` meet them without
decoding.

The beam decoders of ``nasab.translit._model`` cost milliseconds per new token (a Latin
token: one Latin decoding and up to a dozen Arabic ones for the attested words that could
be its spelling). This script runs them once, at build time, and ships exactly what they
return:

* ``ar`` rows: every Latin spelling with its probability of an article-free Arabic word
  (``schemes.decoded_latin_spellings``): the words of ``name_words.tsv`` seen at least
  ``--min-count`` times, and every Arabic word that the ``lat`` rows below make
  ``variants`` or ``arabic_candidates`` read;
* ``lat`` rows: every Arabic spelling with its probability of an article-free Latin
  token (``variants.decoded_arabic_spellings``): the tokens of the ``news`` romanisation
  of the name words seen at least ``--latin-min-count`` times, the Latin given names of
  ``given_names.tsv`` (OFAC, public domain; netranslit, CC0), and the ``--latin`` most
  frequent English spellings of ``translit_words.tsv``.

Probabilities are written with ``repr`` (they read back as the same floats); a row keeps
the ``TOP`` best readings and says how many it left out, so the table gives the decoder's
answer exactly for every ``k`` it can (a larger ``k`` is decoded). ``tests/translit/test_decoded_readings.py`` checks this on a sample and that the
source tables have not changed since the build (their SHA-1 is in the header).

Every input table leaves out the evaluation split (netranslit bucket 0, ar2en-eval), as
for ``token_readings.tsv``.

Usage:
    python scripts/build_decoded_readings.py [--min-count 3] [--latin 1000] [--latin-min-count 5] [--out data/aliases/decoded_readings.tsv]
"""

from __future__ import annotations

import argparse
import hashlib
import importlib
import time
from pathlib import Path

from nasab import lexicon
from nasab._data import data_path
from nasab.translit import romanize, schemes
from nasab.translit._model import arabic_letters, reverse_word_table, split_article
from nasab.translit.variants import MIN_SPELLING_P

# the module (nasab.translit.variants is also the name of the function)
variants = importlib.import_module("nasab.translit.variants")

#: The tables the readings are computed from: a change in any of them needs a rebuild.
SOURCES = (
    "translit_words.tsv",
    "translit_chars.tsv",
    "translit_lm.tsv",
    "name_words.tsv",
    "particles.tsv",
)  # given_names.tsv only chooses tokens: no rebuild needed
#: Readings of a Latin token that ``variants`` romanises again (its top five, as there).
VARIANT_SPELLINGS = 5
#: Readings kept per token: ``variants`` and ``arabic_candidates`` ask for at most 10 by
#: default; a caller asking for more than a row holds gets them decoded.
TOP = 10
OUT = Path(__file__).resolve().parent.parent / "data" / "aliases" / "decoded_readings.tsv"


def sources_sha1() -> str:
    """SHA-1 of the source tables, in the order of :data:`SOURCES`."""
    h = hashlib.sha1()
    for name in SOURCES:
        h.update(data_path(name).read_bytes())
    return h.hexdigest()


def _no_table() -> None:
    """Compute everything with the decoders, never with an older table."""
    empty = lexicon.DecodedReadings("decoded_readings.tsv", {})
    schemes.decoded_readings = lambda kind: empty  # type: ignore[assignment]
    variants.decoded_readings = lambda kind: empty  # type: ignore[assignment]


def _record_arabic(seen: dict[str, None]) -> None:
    """Note every Arabic word the Latin side decodes (they get ``ar`` rows too)."""
    decode = schemes.decoded_latin_spellings

    def recording(letters: str) -> tuple[tuple[str, float], ...]:
        seen[letters] = None
        return decode(letters)

    schemes.decoded_latin_spellings = recording  # type: ignore[assignment]


def latin_tokens(words: list[str], latin: int) -> list[str]:
    """Article-free Latin tokens: the romanised name words, the Latin given names
    (``given_names.tsv``), then the most frequent spellings of the word table."""
    out: dict[str, None] = {}
    for word in words:
        for _art, core in variants._latin_parts(romanize(word)):
            out[core] = None
    for entry in lexicon.given_names():
        for _art, core in variants._latin_parts(entry.en):
            out[core] = None
    ranked = sorted(reverse_word_table().items(), key=lambda kv: (-sum(n for _, n in kv[1]), kv[0]))
    for core, _ in ranked[:latin]:
        out[core] = None
    particles = variants._latin_particles()
    return [t for t in out if t and t.isascii() and t.isalpha() and t not in particles]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--latin", type=int, default=1000)
    ap.add_argument("--latin-min-count", type=int, default=5)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    t0 = time.perf_counter()
    _no_table()
    arabic: dict[str, None] = {}
    _record_arabic(arabic)
    words = [w.ar for w in lexicon.name_words() if w.count >= args.min_count]
    for word in words:
        core = split_article(arabic_letters(word))[1]
        if core:
            arabic[core] = None
    lat_rows = {}
    often = [w.ar for w in lexicon.name_words() if w.count >= args.latin_min_count]
    for core in latin_tokens(often, args.latin):
        readings = variants.decoded_arabic_spellings(core)
        lat_rows[core] = readings
        for ar, p in readings[:VARIANT_SPELLINGS]:
            if p >= MIN_SPELLING_P:
                arabic[split_article(arabic_letters(ar))[1]] = None
    for ar in (*variants._latin_particles().values(), "دين"):  # particles, one spelling each
        arabic[split_article(arabic_letters(ar))[1]] = None
    ar_rows = {core: schemes.decoded_latin_spellings(core) for core in arabic if core}
    with args.out.open("w", encoding="utf-8") as fh:
        fh.write(
            "# nasab derived table: the transliteration decoders' output for frequent name\n"
            "# tokens (kind=ar: Latin spellings of article-free Arabic letters; lat: Arabic\n"
            "# spellings of an article-free lowercase Latin token), every reading with its\n"
            f"# probability (repr), best first, at most {TOP} (more: how many were left\n"
            "# out). Built by scripts/build_decoded_readings.py\n"
            f"# (--min-count {args.min_count} --latin {args.latin} "
            f"--latin-min-count {args.latin_min_count}) from the tables below.\n"
            f"# sources={','.join(SOURCES)}\n"
            f"# top={TOP}\n"
            f"# sources-sha1={sources_sha1()}\n"
            "# Derived from netranslit (CC0 1.0) and google/transliteration ar2en-train\n"
            "# (Apache-2.0, see NOTICE); evaluation split left out. Licence: CC0 1.0 /\n"
            "# Apache-2.0 as its sources.\n"
            "kind\tkey\treadings\tmore\n"
        )
        for kind, rows in (("ar", ar_rows), ("lat", lat_rows)):
            for key, readings in rows.items():
                if readings:
                    cells = " ".join(f"{sp}:{p!r}" for sp, p in readings[:TOP])
                    fh.write(f"{kind}\t{key}\t{cells}\t{max(len(readings) - TOP, 0)}\n")
    print(
        f"{len(ar_rows):,} ar rows, {len(lat_rows):,} lat rows -> {args.out} "
        f"in {time.perf_counter() - t0:.0f} s"
    )


if __name__ == "__main__":
    main()
