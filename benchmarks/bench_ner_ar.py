"""Arabic NER quality and speed: the shipped CRF beside the rules alone.

Quality: exact-span precision, recall and F1 for PER and ORG (and LOC) on the NewsFANE
dev split (sentences never trained on; see ``scripts/train_arabic_ner.py``), read ten
sentences at a time as one document, for

* ``rules``: :func:`nasab.extract` with ``backend="rules"``;
* ``model``: :func:`nasab.extraction.arabic_ner.predict` on the sentence text (clitic
  segmentation included);
* ``rules+model``: :func:`nasab.extract` with the model backend (what users get);
* ``plain CRF`` (``--plain``): a CRF with plain features (word, affixes, neighbours),
  trained in this run on the same training split.

Also on AQMAR (Arabic Wikipedia, never trained on) with ``--aqmar``. Boundary errors:
wrong spans that overlap a gold entity and run past it or fall short of it.

Speed: Arabic news articles per second (``../shared/data/news_dev/ar``, 150 files) on
one core, rules alone and with the model.

The stricter tail split (last fifth held out) needs its own model::

    nice python scripts/train_arabic_ner.py --split tail --out /tmp/tail
    nice python benchmarks/bench_ner_ar.py --split tail --model /tmp/tail

Usage::

    nice python benchmarks/bench_ner_ar.py [--plain] [--aqmar] [--limit N] [--split S --model DIR]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "scripts"))

import train_arabic_ner as T  # noqa: E402

NEWS_AR = REPO.parent / "shared" / "data" / "news_dev" / "ar"
_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}


def _extract_spans(sents, backend: str) -> list[set]:
    from nasab.extraction import Document, extract

    def read(text: str) -> list[tuple[int, int, str]]:
        ex = extract(Document("s", text, "ar"), backend=backend)
        return [(m.start, m.end, m.kind) for m in ex.mentions if m.kind in _TYPES]

    return T.evaluate_text(sents, read)


def _speed(backend: str, paths: list[Path]) -> tuple[float, float]:
    """(articles per wall second, articles per CPU second) of ``extract``."""
    from nasab.extraction import Document, extract

    docs = [Document(p.stem, p.read_text(encoding="utf-8"), "ar") for p in paths]
    # Models loaded once, outside the timing: the English one too (some Arabic articles
    # quote Latin words, which the English model reads).
    extract(Document("warm", "Reuters said. وقال محمد الزيدي", "ar"), backend=backend)
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        extract(d, backend=backend)
    return len(docs) / (time.perf_counter() - t0), len(docs) / (time.process_time() - c0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--plain", action="store_true", help="also train and score a plain CRF")
    ap.add_argument("--aqmar", action="store_true", help="also score on AQMAR")
    ap.add_argument("--limit", type=int, default=0, help="only the first N dev sentences")
    ap.add_argument(
        "--split",
        choices=["blocks", "tail"],
        default="blocks",
        help="dev split: every fifth block (the shipped model) or the last fifth (--model)",
    )
    ap.add_argument(
        "--model",
        type=Path,
        default=None,
        help="model directory (scripts/train_arabic_ner.py --out DIR; default: shipped)",
    )
    args = ap.parse_args(argv)
    from nasab.extraction import arabic_ner

    if args.model is not None:
        arabic_ner.use_model(args.model)
    sents = T.read_newsfane()
    train_s, dev_s = T.split(sents) if args.split == "blocks" else T.split_tail(sents)
    if args.limit:
        dev_s = dev_s[: args.limit]
    gold = [T.gold_spans(s) for s in dev_s]
    print(f"NewsFANE {args.split} dev split: {len(dev_s)} sentences (train {len(train_s)})")
    arabic_ner.load_tagger()
    runs = {
        "rules": lambda: _extract_spans(dev_s, "rules"),
        "model": lambda: T.evaluate_text(dev_s, arabic_ner.predict),
        "rules+model": lambda: _extract_spans(dev_s, "model"),
    }
    for name, run in runs.items():
        T.print_scores(f"{name}:", T.score(gold, run()))
    if args.plain:
        import tempfile

        import pycrfsuite

        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "plain.crfsuite"
            T.train(T.training_items(train_s, T.plain_features), path, 120)
            tagger = pycrfsuite.Tagger()
            tagger.open(str(path))
            pred = T.evaluate_tokens(dev_s, tagger, T.plain_features)
        T.print_scores("plain CRF (corpus tokens):", T.score(gold, pred))
    if args.aqmar and T.AQMAR.is_file():
        aq = T.read_aqmar()
        aq_gold = [T.gold_spans(s) for s in aq]
        T.print_scores("AQMAR, rules:", T.score(aq_gold, _extract_spans(aq, "rules")))
        T.print_scores("AQMAR, model:", T.score(aq_gold, T.evaluate_text(aq, arabic_ner.predict)))
    paths = sorted(NEWS_AR.glob("*.txt"))
    if paths:
        for backend in ("rules", "model"):
            wall, cpu = _speed(backend, paths)
            print(
                f"speed, {backend}: {cpu:.1f} articles per CPU second, {wall:.1f} per wall "
                f"second ({len(paths)} articles, one process)"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
