"""Afghan and Pakistani names across scripts: a dev benchmark of cross-script retrieval.

The word pairs are the Arabic-script / Latin person-name words of netranslit (CC0) and
google ar2en (Apache-2.0), read from ``../shared/data`` at run time (nothing is copied),
that look Afghan or Pakistani: the Latin word is a word of an OFAC SDN 2021 person name
listed with Afghan or Pakistani birth, nationality or citizenship or under the Taliban
programme (Latin forms only), the Arabic word has Persian or Urdu letters
(ی ک ہ ھ چ پ ژ گ ے ۀ), or the Latin word ends in a compound part of ``compounds.tsv``
(-ullah, -zai, -khel, -zada, -jan, -gul, -khan). Each Arabic query ranks the pool of all
Latin targets of its set; ties count against the right answer. Prints top-1 and MRR
for ``nasab.compare`` beside unidecode + rapidfuzz ``ratio``, for:

  1. single words (all pairs; and the held-out split alone: netranslit bucket 0 and
     ar2en eval, which no shipped table was built from);
  2. split and joined compounds: the Arabic written apart (ذبيح الله) against the Latin
     joined (Zabihullah), and the Latin written apart (Zabih Ullah) against the Arabic
     joined;
  3. OFAC persons listed as Afghan, Pakistani or Taliban: the first a.k.a. of each
     against the primary names (Latin script only: the list has no Arabic script);
  4. full names of three words (Arabic against Latin, words drawn at random).

Usage:
    python benchmarks/bench_afpak.py [--data ../shared/data] [--pool 600]
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench_match import rank_of
from rapidfuzz import fuzz
from unidecode import unidecode

ROOT = Path(__file__).resolve().parents[1]
PERSIAN = re.compile("[یکہھچپژگےۀ]")
AFPAK_PLACES = ("afghan", "pakistan")
#: Latin compound parts that select a word (the canonical forms of compounds.tsv; the
#: short variants such as -ola or -zy select too many Italian and English words).
STRONG = ("ullah", "ulla", "allah", "zai", "zay", "khel", "khail", "zada", "zadeh", "zadah")
#: The Arabic-letter spelling of each (normalised), to find where the Arabic word splits.
AR_PART = {
    "ullah": "الله",
    "ulla": "الله",
    "allah": "الله",
    "zai": "زي",
    "zay": "زي",
    "khel": "خيل",
    "khail": "خيل",
    "zada": "زاده",
    "zadeh": "زاده",
    "zadah": "زاده",
}


def bucket(arabic: str) -> int:
    sys.path.insert(0, str(ROOT / "scripts"))
    from build_translit import bucket as b

    from nasab.translit._model import arabic_letters

    return b(arabic_letters(arabic))


def load_pairs(path: Path) -> list[tuple[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2 and all(parts):
                out.append((parts[0], parts[1]))
    return out


def afpak_ids(ofac: Path) -> set[str]:
    """Ids of the OFAC entries born in, or nationals of, Afghanistan or Pakistan (or Taliban)."""
    with (ofac / "attributes.tsv").open(encoding="utf-8") as fh:
        return {
            r["entity_id"]
            for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            if any(p in (r["pob"] + r["nationality"] + r["citizen"]).lower() for p in AFPAK_PLACES)
        }


def ofac_vocabulary(data: Path) -> set[str]:
    """Latin words of the person names listed as Afghan or Pakistani (or Taliban)."""
    ofac = data / "ofac_sdn_2021"
    ids = afpak_ids(ofac)
    vocab: set[str] = set()
    with (ofac / "clusters.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["kind"] == "individual" and (
                r["entity_id"] in ids or "TALIBAN" in r["program"].upper()
            ):
                vocab.update(w for w in re.split(r"[^a-z]+", r["name"].lower()) if len(w) > 2)
    return vocab


def suffix_of(latin: str) -> str | None:
    for s in sorted(STRONG, key=len, reverse=True):
        if latin.endswith(s) and len(latin) >= len(s) + 3:
            return s
    return None


def select(data: Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(all Afghan/Pakistani-looking pairs, the held-out ones among them)."""
    vocab = ofac_vocabulary(data)

    def afpak(ar: str, en: str) -> bool:
        return en in vocab or bool(PERSIAN.search(ar)) or suffix_of(en) is not None

    net = load_pairs(data / "netranslit" / "pairs_dev.tsv")
    ev = load_pairs(data / "google_ar2en" / "ar2en-eval.txt")
    tr = load_pairs(data / "google_ar2en" / "ar2en-train.txt")
    held = [p for p in net if afpak(*p) and bucket(p[0]) == 0] + [p for p in ev if afpak(*p)]
    rest = [p for p in net if afpak(*p) and bucket(p[0]) != 0] + [p for p in tr if afpak(*p)]
    return dedupe(held + rest), dedupe(held)


def dedupe(pairs: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """One pair per Arabic query and per Latin target (each query has one right answer)."""
    seen_ar: set[str] = set()
    seen_en: set[str] = set()
    out = []
    for ar, en in pairs:
        if ar not in seen_ar and en not in seen_en:
            seen_ar.add(ar)
            seen_en.add(en)
            out.append((ar, en))
    return out


def split_pairs(pairs: list[tuple[str, str]]) -> list[tuple[str, str, str, str]]:
    """(Arabic apart, Latin joined, Arabic joined, Latin apart) for compounds whose two
    scripts end in the same compound part."""
    from nasab.text import normalize

    out = []
    for ar, en in pairs:
        s = suffix_of(en)
        a = normalize(ar)
        tail = AR_PART.get(s or "", "")
        if s and tail and a.endswith(tail) and len(a) > len(tail) + 1:
            stem_ar, stem_en = a[: -len(tail)], en[: -len(s)]
            out.append((f"{stem_ar} {tail}", en.title(), a, f"{stem_en.title()} {s.title()}"))
    return out


def ofac_aliases(data: Path) -> tuple[list[str], list[str]]:
    """(an a.k.a., the primary name) of each Afghan/Pakistani/Taliban OFAC person."""
    ofac = data / "ofac_sdn_2021"
    ids = afpak_ids(ofac)
    primary: dict[str, str] = {}
    aka: dict[str, list[str]] = {}
    with (ofac / "clusters.tsv").open(encoding="utf-8") as fh:
        for r in csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE):
            if r["kind"] != "individual" or not (
                r["entity_id"] in ids or "TALIBAN" in r["program"].upper()
            ):
                continue
            if r["name_type"] == "primary":
                primary.setdefault(r["entity_id"], r["name"])
            else:
                aka.setdefault(r["entity_id"], []).append(r["name"])
    keys = sorted(e for e in primary if aka.get(e))
    return [aka[e][0] for e in keys], [primary[e] for e in keys]


Scorer = Callable[[str, list[str]], list[float]]


def scorers() -> dict[str, Scorer]:
    from nasab import compare

    return {
        "nasab.compare": lambda q, c: [compare(q, t).score for t in c],
        "unidecode + rapidfuzz ratio": lambda q, c: [
            fuzz.ratio(unidecode(q).lower(), t.lower()) for t in c
        ],
    }


def retrieval(label: str, queries: list[str], targets: list[str]) -> None:
    print(f"\n## {label}: {len(queries)} queries x pool of {len(targets)}")
    print(f"{'method':30} {'top1':>7} {'MRR':>7} {'cpu s':>7}")
    for name, fn in scorers().items():
        t0 = time.process_time()
        top1 = 0
        mrr = 0.0
        for qi, q in enumerate(queries):
            scores = fn(q, targets)
            rank = rank_of(scores, qi)
            top1 += rank == 1
            mrr += 1.0 / rank
        n = max(1, len(queries))
        print(f"{name:30} {top1 / n:7.3f} {mrr / n:7.3f} {time.process_time() - t0:7.1f}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pool", type=int, default=600, help="most pairs per set")
    args = ap.parse_args()
    rng = random.Random(29)
    pairs, held = select(args.data)
    rng.shuffle(pairs)
    words = pairs[: args.pool]
    retrieval("single words, all", [a for a, _ in words], [e for _, e in words])
    retrieval("single words, held-out split", [a for a, _ in held], [e for _, e in held])
    comp = split_pairs(pairs)
    retrieval("compounds: Arabic apart vs Latin joined", [c[0] for c in comp], [c[1] for c in comp])
    retrieval("compounds: Arabic joined vs Latin apart", [c[2] for c in comp], [c[3] for c in comp])
    retrieval(
        "OFAC Afghan/Pakistani persons: a.k.a. vs primary name (Latin)", *ofac_aliases(args.data)
    )
    shuffled = pairs[:]
    random.Random(31).shuffle(shuffled)
    triples = [shuffled[3 * i : 3 * i + 3] for i in range(min(args.pool, len(shuffled) // 3))]
    retrieval(
        "full names of three words",
        [" ".join(a for a, _ in t) for t in triples],
        [" ".join(e.title() for _, e in t) for t in triples],
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
