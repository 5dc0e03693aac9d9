"""Speed of :func:`nasab.build_graph` on corpora of a few thousand documents.

The corpus is made from the seed documents (``../shared/seeds`` beside the
repository) by a fixed random generator: each generated document is a seed
document whose persons are replaced by personas drawn from a pool (given names from
``data/aliases/given_names.tsv``, family names from the NETransliteration Arabic
person-name pairs in ``../shared/data/netranslit``), written in the document's
script, and whose paragraphs are shuffled (the first one stays first). A persona
appears in several documents, in both scripts, so the build has cross-document and
cross-script resolution to do.

Prints documents per second (wall clock and CPU time of the process) at each size
and the growth exponent (the slope of log time over log size, CPU time with one
worker: 1.0 is linear).

Usage::

    python benchmarks/bench_graph.py [--sizes 500 1000 2000] [--seed 13] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


def _pool(rng: random.Random) -> list[tuple[str, str, str, str]]:
    """Personas: (given Latin, family Latin, given Arabic, family Arabic)."""
    from nasab._data import load_tsv

    givens = sorted(
        {(r["en"].capitalize(), r["ar"]) for r in load_tsv("given_names.tsv") if r["en"].isalpha()}
    )
    families = []
    path = SHARED / "data" / "netranslit" / "pairs_dev.tsv"
    for line in path.read_text(encoding="utf-8").splitlines():
        ar, _, en = line.partition("\t")
        if ar.startswith("ال") and len(ar) >= 5 and en.isascii() and en.isalpha() and len(en) >= 5:
            en = re.sub(r"^(al|el)", "", en)
            if len(en) >= 4:
                families.append((en.capitalize(), ar))
    families = sorted(set(families))
    rng.shuffle(families)
    out = []
    for fam_en, fam_ar in families:
        g_en, g_ar = givens[rng.randrange(len(givens))]
        out.append((g_en, fam_en, g_ar, fam_ar))
    return out


def _forms(gold: dict[str, Any]) -> dict[str, dict[str, list[str]]]:
    """Seed document id -> gold person key -> its surface forms there (longest first)."""
    out: dict[str, dict[str, list[str]]] = {}
    for ent in gold["entities"]:
        if ent["type"] != "person":
            continue
        for doc_id, forms in ent["mentions"].items():
            out.setdefault(doc_id, {})[ent["key"]] = sorted(set(forms), key=len, reverse=True)
    return out


def _render(form: str, persona: tuple[str, str, str, str]) -> str:
    """The persona written the way ``form`` is written (full or short, script, kunya)."""
    g_en, f_en, g_ar, f_ar = persona
    if re.search("[\u0600-\u06ff]", form):
        return f"{g_ar} {f_ar}" if " " in form else f_ar
    if form.lower().startswith(("abu ", "abou ")):
        return f"Abu {g_en}"
    article = "Al-" if "Al-" in form else "al-"
    if " " in form:
        return f"{g_en} {article}{f_en}"
    return f"{article}{f_en}" if "-" in form else f_en


def make_corpus(n: int, seed: int = 13) -> list[dict[str, str]]:
    """``n`` documents (records with ``id`` and ``text``) varied from the seed documents."""
    seeds_dir = SHARED / "seeds"
    gold = json.loads((seeds_dir / "gold.json").read_text(encoding="utf-8"))
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))}
    forms = _forms(gold)
    rng = random.Random(seed)
    pool = _pool(rng)
    personas = pool[: max(4, n // 3)]
    docs = []
    stems = sorted(texts)
    for k in range(n):
        stem = stems[rng.randrange(len(stems))]
        text = texts[stem]
        for _, fs in sorted(forms.get(stem, {}).items()):
            persona = personas[rng.randrange(len(personas))]
            marks = {}
            for i, form in enumerate(fs):  # longest first, through placeholders
                mark = f"\x00{i}\x00"
                text = re.sub(r"(?<!\w)" + re.escape(form) + r"(?!\w)", mark, text)
                marks[mark] = _render(form, persona)
            for mark, new in marks.items():
                text = text.replace(mark, new)
        paras = [p for p in text.split("\n\n") if p.strip()]
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        docs.append({"id": f"g{k:05d}_{stem[:3]}", "text": "\n\n".join(head + rest)})
    return docs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="documents per second of nasab.build_graph")
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 2000])
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument(
        "--workers", type=int, default=1, help="extraction processes (0: one per core)"
    )
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)

    from nasab import build_graph

    build_graph(make_corpus(5, args.seed))  # warm the caches and lazy imports
    rows = []
    for n in args.sizes:
        corpus = make_corpus(n, args.seed)
        t0, c0 = time.perf_counter(), time.process_time()
        g = build_graph(corpus, workers=args.workers)
        secs, cpu = time.perf_counter() - t0, time.process_time() - c0
        s = g.summary()["nodes"]
        rows.append(
            {
                "documents": n,
                "seconds": round(secs, 3),
                "cpu_seconds": round(cpu, 3),
                "docs_per_s": round(n / secs, 1),
                "docs_per_cpu_s": round(n / cpu, 1),
                "nodes": s,
            }
        )
        if not args.json:
            print(
                f"{n:6d} documents  {secs:8.2f} s  {n / secs:7.1f} docs/s  "
                f"(CPU {cpu:7.2f} s, {n / cpu:6.1f} docs/CPU-s)  "
                f"persons {s.get('person', 0)}  organisations {s.get('organization', 0)}  "
                f"roles {s.get('role', 0)}",
                flush=True,
            )
    exponent = None
    if len(rows) >= 2:
        xs = [math.log(r["documents"]) for r in rows]
        # CPU time of this process when it does all the work: steadier on a busy machine.
        ys = [math.log(r["cpu_seconds"] if args.workers == 1 else r["seconds"]) for r in rows]
        mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
        exponent = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum(
            (x - mx) ** 2 for x in xs
        )
    if args.json:
        print(json.dumps({"sizes": rows, "growth_exponent": exponent}, indent=1))
    elif exponent is not None:
        print(f"growth exponent {exponent:.2f} (1.0 = linear)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
