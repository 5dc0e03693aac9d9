"""Rebuild data/aliases/given_names.tsv: Arabic-origin given names in Latin and Arabic script.

A token counts as a *given name* when it stands first in the given-name part of
individuals' names on the US OFAC SDN list (``FAMILY, Given Middle``; US government
work, public domain), and as *Arabic-origin* when the NETransliteration word pairs
from Wikidata (CC0 1.0) hold an Arabic spelling of it with the same consonant
skeleton. The Arabic spellings come from those pairs; a spelling the pairs lack takes
those of a more frequent attested spelling that differs from it only in its vowels
(``Ahmed`` those of ``Ahmad``). The extractor uses the table
as a person cue (a capitalised sequence starting with a known given name is a
person; in Arabic, a known given name followed by a name token).

Usage:
    python scripts/build_given_names.py [--data ../shared/data] [--out data/aliases/given_names.tsv]
"""

from __future__ import annotations

import argparse
import csv
import re
from collections import Counter, defaultdict
from pathlib import Path

from nasab.names import fold, skeleton
from nasab.text import normalize

# Latin given-name spellings that are also common English words (they would turn
# ordinary capitalised words into person cues).
_ENGLISH_WORDS = frozenset(
    "said will may mark hope grace faith joy rose june april august major general colonel "
    "captain dr doctor sheikh shaykh haji hajji mullah mawlawi maulana imam sayed sayyid "
    "abu abd umm bin ibn al el the de la le van von mr mrs ms sir lord king prince rasul sayyed "
    "syed baha wan han".split()
)


# Runs of Latin vowels (a spelling's vowels, as its fold writes them).
_VOWELS = re.compile("[aeiouy]+")

# OFAC programmes of the Arab world and its neighbourhood (terrorism lists included).
_REGIONAL = re.compile(
    r"SDGT|IRAQ|SYRIA|LIBYA|YEMEN|LEBANON|SUDAN|SOMALIA|IRGC|IFSR|IRAN|FTO|SDT|HRIT"
)


def _given_tokens(name: str) -> str | None:
    if name.count(",") != 1:
        return None
    given = name.split(",", 1)[1].strip()
    toks = re.findall(r"[A-Za-z]+", given)
    if not toks:
        return None
    tok = toks[0].lower()
    if tok in _ENGLISH_WORDS or len(tok) < 3:
        return None
    return tok


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "data" / "aliases" / "given_names.tsv")
    ap.add_argument("--min-count", type=int, default=2)
    args = ap.parse_args()

    entities: dict[str, set[str]] = defaultdict(set)
    regional: dict[str, set[str]] = defaultdict(set)
    with (args.data / "ofac_sdn_2021" / "clusters.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] != "individual":
                continue
            tok = _given_tokens(row["name"])
            if tok:
                entities[tok].add(row["entity_id"])
                if _REGIONAL.search(row.get("program", "")):
                    regional[tok].add(row["entity_id"])
    # Arabic-origin: most persons carrying the name are listed under Middle East programmes.
    counts = Counter(
        {tok: len(ids) for tok, ids in entities.items() if len(regional[tok]) * 2 > len(ids)}
    )

    # Arabic spellings by Latin fold, only where the consonant skeletons agree.
    arabic_by_fold: dict[str, Counter[str]] = defaultdict(Counter)
    with (args.data / "netranslit" / "pairs_dev.tsv").open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 2:
                continue
            ar, en = normalize(parts[0]), normalize(parts[1])
            if not ar or not en or " " in ar or " " in en or ar.startswith("ال"):
                continue
            if skeleton(ar) and skeleton(ar) == skeleton(en):
                arabic_by_fold[fold(en)][ar] += 1

    rows = []
    # A spelling the pairs lack takes the Arabic spellings of a more frequent attested one
    # that differs from it only in its vowels (same consonant skeleton and the same letters
    # outside the vowel runs): Ahmed those of Ahmad, Imed those of Imad.
    by_shape: dict[tuple[str, str], Counter[str]] = {}
    for tok, c in counts.most_common():
        if c < args.min_count:
            break
        forms = arabic_by_fold.get(fold(tok))
        shape = (_VOWELS.sub("V", fold(tok)), skeleton(tok))
        if forms:
            by_shape.setdefault(shape, forms)
        else:
            forms = by_shape.get(shape)
        if not forms:
            continue  # not attested as an Arabic-script name: not Arabic-origin
        ar = "|".join(f for f, _ in forms.most_common(3))
        rows.append((tok, ar, c))
    with args.out.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Arabic-origin given names (first given names of persons listed mostly under Middle East\n"
        )
        out.write("# programmes): Latin spelling (lowercase), Arabic spellings (normalised,\n")
        out.write(
            "# '|'-separated) and the number of listed persons whose first given name it is.\n"
        )
        out.write(
            "# Sources: US OFAC SDN list, April 2021 (US government work, public domain) for the\n"
        )
        out.write("# given-name position; NETransliteration Wikidata word pairs (steveash/\n")
        out.write("# NETransliteration-COLING2018, CC0 1.0) for the Arabic spellings (a spelling\n")
        out.write(
            "# they lack takes those of a more frequent one that differs only in its vowels).\n"
        )
        out.write(
            "# Licence: public domain / CC0 1.0. Rebuild: python scripts/build_given_names.py\n"
        )
        out.write("en\tar\tcount\n")
        for tok, ar, c in rows:
            out.write(f"{tok}\t{ar}\t{c}\n")
    print(f"{len(rows)} given names -> {args.out}")


if __name__ == "__main__":
    main()
