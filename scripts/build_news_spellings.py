#!/usr/bin/env python
"""Rebuild data/aliases/news_spellings.tsv: the Latin spellings attested for each Arabic
name word, for ``romanize(..., scheme="news")``.

Reads every word pair of netranslit (Wikidata person names, CC0 1.0) and google ar2en
(train and eval, Apache-2.0, see NOTICE), held-out splits included: the table is read
by the news scheme of ``romanize`` only, never by ``compare`` or the transliteration
model, whose held-out measurements therefore stay clean. A spelling written in plain
ASCII letters in the source counts 2; one that needs folding (``erdoğan``, ``fu'ad``,
scholarly marks) counts 1, because newspapers print the plain form. Spellings are
folded to lowercase ASCII letters and article-free (as ``translit_words.tsv``).

Usage:
    python scripts/build_news_spellings.py [--data ../shared/data] [--out data/aliases]

The output is deterministic (sorted rows, no timestamps).
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

from build_translit import prepare, read_pairs  # noqa: E402

PLAIN = re.compile(r"^[a-z]+$")
#: Longest spelling kept, in Latin letters per Arabic letter (plus two).
MAX_RATIO = 2
HEADER = """\
# news_spellings.tsv - Latin spellings attested for Arabic name words, for romanize(scheme="news").
# Source: netranslit (Wikidata person-name word pairs, steveash/NETransliteration-COLING2018,
#   CC0 1.0) and google/transliteration ar2en-train.txt and ar2en-eval.txt (Copyright Google
#   LLC, Apache License 2.0, see NOTICE); all splits (read by the news scheme only).
# Licence: CC0 1.0 for the netranslit part; Apache-2.0 for the ar2en part (NOTICE).
# Columns: arabic (article-free letters, as nasab.translit._model.arabic_letters gives them),
#   spellings (lowercase ASCII, article-free, spelling:score, best first; score = 2 per pair
#   written in plain ASCII letters, 1 per pair that needed folding).
# Rebuild: python scripts/build_news_spellings.py
"""


def build(data: Path) -> dict[str, Counter[str]]:
    files = [
        data / "netranslit" / "pairs_dev.tsv",
        data / "google_ar2en" / "ar2en-train.txt",
        data / "google_ar2en" / "ar2en-eval.txt",
    ]
    table: dict[str, Counter[str]] = defaultdict(Counter)
    for path in files:
        for ar, en in read_pairs(path):
            pair = prepare(ar, en)
            if pair is None:
                continue
            a, e = pair
            if len(e) > MAX_RATIO * len(a) + 2:
                continue  # a compound or a different name (رجب / rajabzadeh)
            table[a][e] += 2 if PLAIN.match(en.lower()) else 1
    return table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=REPO.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=REPO / "data" / "aliases")
    args = ap.parse_args()
    table = build(args.data)
    lines = [HEADER, "arabic\tspellings\n"]
    for ar in sorted(table):
        ranked = sorted(table[ar].items(), key=lambda x: (-x[1], x[0]))
        lines.append(f"{ar}\t{' '.join(f'{e}:{n}' for e, n in ranked)}\n")
    (args.out / "news_spellings.tsv").write_text("".join(lines), encoding="utf-8")
    print(f"news_spellings.tsv: {len(table)} Arabic words")
    return 0


if __name__ == "__main__":
    sys.exit(main())
