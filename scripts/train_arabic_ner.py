"""Train the shipped Arabic NER model (``src/nasab/models/arabic_ner.crfsuite``).

Data: NewsFANE Gold (``../shared/data/newsfane/newsfane_dev.tsv``, CC BY-SA 3.0). Its
fine-grained tags map to PER / ORG / LOC (:data:`TAG_MAP`; Group, works, products and
vehicles are left out). NewsFANE as distributed has no document markers, so the split
is by blocks of :data:`BLOCK` consecutive sentences (stories stay together): every
fifth block (index % 5 == 2) is the dev split, never trained on. AQMAR (Arabic
Wikipedia, CC BY-SA, marked test-only in ../shared/data/README.md) is a second held-out
test, never trained on.

Usage::

    nice python scripts/train_arabic_ner.py [--out DIR] [--iterations N] [--plain]

Prints exact-span P/R/F1 per type on the dev split (and on AQMAR) and writes the model
and the segmentation vocabulary. ``--plain`` also trains a CRF with plain features
(word, affixes, neighbours; no tables, no clitic splitting) for comparison.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared" / "data"
NEWSFANE = SHARED / "newsfane" / "newsfane_dev.tsv"
AQMAR = SHARED / "aqmar" / "AQMAR_Arabic_NER_corpus-1.0.txt"
OUT = REPO / "src" / "nasab" / "models"
BLOCK = 50
DEV_EVERY, DEV_AT = 5, 2
# Words seen fewer times in training are read as <unk> (by shape, tables and context);
# measured on the tail split: 2 and 3 gave PER F1 0.529 and 0.541 against 0.554 for 1.
KNOWN_MIN = 1
# Sentences of the corpus read together as one document when scoring predict(text).
CHUNK = 10

PER = (
    "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer "
    "Engineer Police"
).split()
ORG = (
    "Government Non-Governmental Media Commercial Sports Educational Religious_ORG "
    "Medical-Science Entertainment"
).split()
LOC = (
    "Nation Population-Center State-or-Province GPE-Cluster Continent County-or-District "
    "Water-Body Land Land-Region-Natural Building-Grounds Airport Path"
).split()
TAG_MAP = {**dict.fromkeys(PER, "PER"), **dict.fromkeys(ORG, "ORG"), **dict.fromkeys(LOC, "LOC")}

Sentence = list[tuple[str, str]]  # (surface token, coarse BIO tag)


def _clean(token: str) -> str:
    return token.replace("\u200e", "").replace("\u200f", "").replace("\ufeff", "").strip()


def read_newsfane(path: Path = NEWSFANE) -> list[Sentence]:
    """Sentences of NewsFANE with coarse tags (PER/ORG/LOC, everything else O)."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        tok, _, tag = line.partition("\t")
        tok = _clean(tok)
        if tok and not _form(tok):
            continue  # a lone tatweel or mark
        if not tok:
            if cur:
                sents.append(cur)
            cur = []
            continue
        bio, _, fine = tag.strip().partition("-")
        coarse = TAG_MAP.get(fine)
        cur.append((tok, f"{bio}-{coarse}" if coarse and bio in "BI" else "O"))
    if cur:
        sents.append(cur)
    return sents


def read_aqmar(path: Path = AQMAR) -> list[Sentence]:
    """Sentences of AQMAR with PER/ORG/LOC tags (MIS* and others O)."""
    sents: list[Sentence] = []
    cur: Sentence = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split()
        if len(parts) < 2:
            if cur:
                sents.append(cur)
            cur = []
            continue
        tok, tag = _clean(parts[0]), parts[-1]
        if not _form(tok):
            continue
        bio, _, kind = tag.partition("-")
        cur.append((tok, f"{bio}-{kind}" if kind in ("PER", "ORG", "LOC") else "O"))
    if cur:
        sents.append(cur)
    return sents


def split(sents: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): blocks of BLOCK sentences, every DEV_EVERY-th block (at DEV_AT) is dev."""
    train, dev = [], []
    for i, s in enumerate(sents):
        (dev if (i // BLOCK) % DEV_EVERY == DEV_AT else train).append(s)
    return train, dev


def split_tail(sents: Sequence[Sentence]) -> tuple[list[Sentence], list[Sentence]]:
    """(train, dev): the last fifth of the corpus, in one piece, is dev (a stricter check)."""
    cut = len(sents) - len(sents) // DEV_EVERY
    return list(sents[:cut]), list(sents[cut:])


def gold_spans(sent: Sentence) -> set[tuple[int, int, str]]:
    from nasab.extraction.arabic_ner import spans_from_tags

    return set(spans_from_tags([t for _, t in sent]))


def token_offsets(tokens: Sequence[str]) -> tuple[str, list[tuple[int, int]]]:
    """The tokens joined by spaces, and each token's (start, end) in that text."""
    offs, pos = [], 0
    for t in tokens:
        offs.append((pos, pos + len(t)))
        pos += len(t) + 1
    return " ".join(tokens), offs


def char_to_token_spans(
    spans: Iterable[tuple[int, int, str]], offs: Sequence[tuple[int, int]]
) -> set[tuple[int, int, str]]:
    """Token spans of char spans (a span covers every token it touches)."""
    out = set()
    for s, e, kind in spans:
        toks = [i for i, (a, z) in enumerate(offs) if a < e and s < z]
        if toks:
            out.add((toks[0], toks[-1] + 1, kind))
    return out


def score(
    gold: Sequence[set], pred: Sequence[set], kinds: Sequence[str] = ("PER", "ORG", "LOC")
) -> dict:
    """Exact-span precision, recall and F1 per type, and boundary errors."""
    out = {}
    for k in kinds:
        tp = fp = fn = over = under = 0
        for g, p in zip(gold, pred, strict=True):
            gk = {x for x in g if x[2] == k}
            pk = {x for x in p if x[2] == k}
            tp += len(gk & pk)
            fp += len(pk - gk)
            fn += len(gk - pk)
            for a, z, _ in pk - gk:
                for ga, gz, _ in gk:
                    if a < gz and ga < z:
                        over += (a < ga) or (z > gz)
                        under += (a > ga) or (z < gz)
                        break
        pr = tp / (tp + fp) if tp + fp else 0.0
        rc = tp / (tp + fn) if tp + fn else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        out[k] = {
            "p": round(pr, 3),
            "r": round(rc, 3),
            "f1": round(f1, 3),
            "gold": tp + fn,
            "runs_past": over,
            "falls_short": under,
        }
    return out


def print_scores(title: str, s: dict) -> None:
    print(title)
    for k, v in s.items():
        print(
            f"  {k}: P {v['p']:.3f}  R {v['r']:.3f}  F1 {v['f1']:.3f}  (gold {v['gold']}; "
            f"wrong spans running past the name {v['runs_past']}, falling short {v['falls_short']})"
        )


def model_forms(sent: Sentence) -> list[str]:
    """Normalised forms of corpus tokens, as :func:`nasab.extraction.arabic_ner.segment` gives."""
    from nasab.extraction.arabic_ner import segment

    return [s.form for s in segment(" ".join(t for t, _ in sent))]


def training_items(sents: Sequence[Sentence], featurize) -> list[tuple[list, list[str]]]:
    """(features, tags) per sentence of corpus tokens (normalised as segment() does)."""
    return [(featurize([_form(t) for t, _ in sent]), [tag for _, tag in sent]) for sent in sents]


def _form(tok: str) -> str:
    from nasab.text import normalize_arabic

    return normalize_arabic(tok) if _is_arabic(tok) else tok.lower()


def _is_arabic(tok: str) -> bool:
    return any("\u0600" <= c <= "\u08ff" for c in tok)


def plain_features(forms: Sequence[str]) -> list[list[str]]:
    """Plain CRF features: the word, its affixes, its neighbours (no tables)."""
    out = []
    for i, w in enumerate(forms):
        f = ["bias", "w=" + w, "p2=" + w[:2], "p3=" + w[:3], "s2=" + w[-2:], "s3=" + w[-3:]]
        for d in (-2, -1, 1, 2):
            j = i + d
            f.append(f"{d}:w=" + (forms[j] if 0 <= j < len(forms) else "<pad>"))
        out.append(f)
    return out


def train(items, path: Path, iterations: int) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(verbose=False)
    for xseq, yseq in items:
        trainer.append(xseq, yseq)
    trainer.set_params(
        {
            "c1": 0.05,
            "c2": 0.01,
            "max_iterations": iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(path))


def evaluate_tokens(sents: Sequence[Sentence], tagger, featurize) -> list[set]:
    """Tag corpus tokens as given (no segmentation) with ``tagger``."""
    from nasab.extraction.arabic_ner import spans_from_tags

    out = []
    for xseq, _ in training_items(sents, featurize):
        out.append(set(spans_from_tags(tagger.tag(xseq))))
    return out


def evaluate_text(sents: Sequence[Sentence], predict, chunk: int = CHUNK) -> list[set]:
    """Tag the text through ``predict`` (segmentation included), ``chunk`` sentences at a
    time as one document (one per line); token spans per sentence."""
    kinds = {"person": "PER", "organization": "ORG", "place": "LOC"}
    out: list[set] = []
    for c0 in range(0, len(sents), chunk):
        block = sents[c0 : c0 + chunk]
        lines, offs, pos = [], [], 0
        for sent in block:
            line, o = token_offsets([t for t, _ in sent])
            offs.append([(a + pos, z + pos) for a, z in o])
            lines.append(line)
            pos += len(line) + 1
        spans = [(s, e, kinds[k]) for s, e, k in predict("\n".join(lines))]
        out += [char_to_token_spans(spans, o) for o in offs]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--iterations", type=int, default=150)
    ap.add_argument(
        "--split",
        choices=["blocks", "tail"],
        default="blocks",
        help="dev split: every fifth block (shipped model) or the last fifth of the corpus",
    )
    ap.add_argument("--plain", action="store_true", help="also train a plain-feature CRF")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    import pycrfsuite

    from nasab.extraction import arabic_ner
    from nasab.text import normalize_arabic

    sents = read_newsfane()
    train_s, dev_s = split(sents) if args.split == "blocks" else split_tail(sents)
    arabic_ner.use_model(args.out)
    print(f"NewsFANE: {len(sents)} sentences; train {len(train_s)}, dev {len(dev_s)}")
    args.out.mkdir(parents=True, exist_ok=True)
    counts = Counter(normalize_arabic(t) for s in train_s for t, _ in s if _is_arabic(t))
    vocab = sorted(w for w in counts if w)
    known = frozenset(w for w in vocab if counts[w] >= KNOWN_MIN)
    with gzip.open(args.out / arabic_ner.VOCAB_NAME, "wt", encoding="utf-8") as fh:
        json.dump(
            {
                "source": "NewsFANE Gold training split, CC BY-SA 3.0",
                "words": vocab,
                "known": sorted(known),
            },
            fh,
            ensure_ascii=False,
        )
    arabic_ner.use_model(args.out)
    t0 = time.perf_counter()
    items = training_items(train_s, lambda forms: arabic_ner.features(forms, known))
    model = args.out / arabic_ner.MODEL_NAME
    train(items, model, args.iterations)
    print(
        f"trained in {time.perf_counter() - t0:.0f}s -> {model} ({model.stat().st_size / 1e6:.1f} MB)"
    )
    arabic_ner.use_model(args.out)
    gold = [gold_spans(s) for s in dev_s]
    tagger = pycrfsuite.Tagger()
    tagger.open(str(model))
    print_scores(
        "dev, corpus tokens:", score(gold, evaluate_tokens(dev_s, tagger, arabic_ner.features))
    )
    print_scores(
        "dev, through predict(text):", score(gold, evaluate_text(dev_s, arabic_ner.predict))
    )
    if AQMAR.is_file():
        aq = read_aqmar()
        print_scores(
            f"AQMAR ({len(aq)} sentences), through predict(text):",
            score([gold_spans(s) for s in aq], evaluate_text(aq, arabic_ner.predict)),
        )
    if args.plain:
        plain = args.out / "plain.crfsuite"
        train(training_items(train_s, plain_features), plain, args.iterations)
        pt = pycrfsuite.Tagger()
        pt.open(str(plain))
        print_scores("dev, plain CRF:", score(gold, evaluate_tokens(dev_s, pt, plain_features)))
        plain.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
