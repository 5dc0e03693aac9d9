"""Memory and speed of the command line's input reading on a million-row file.

Writes a TSV of ``--rows`` generated names (id, name, country) and reads it three ways,
measuring time and peak memory (tracemalloc) of each:

* baseline: the former reader, which held the whole decoded text and the list of records
  at once (``read_bytes().decode()``, then every row parsed into a dict);
* ``read_records``: the records as a list (what ``nasab resolve`` needs to keep);
* ``iter_records``: the records streamed one at a time and dropped (what ``nasab link``
  does, batch by batch): memory independent of the number of rows.

Then it damages one row in 1,000 and counts what ``--errors skip`` skips.

Usage:
    python benchmarks/bench_cli_stream.py [--rows 1000000]
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import tempfile
import time
import tracemalloc
from pathlib import Path

from nasab.cli import _Problems, iter_records, read_records

GIVEN = ["Mohammed", "Ali", "Hassan", "Omar", "Khalid", "Ahmed", "Mustafa", "Jassim"]
FAMILY = ["al-Rikabi", "al-Kadhimi", "al-Mazroui", "al-Tamimi", "Zaidi", "Hamdani", "Hakim"]


def write_names(path: Path, rows: int, damaged_every: int = 0) -> None:
    rng = random.Random(0)
    with path.open("w", encoding="utf-8") as fh:
        fh.write("id\tname\tcountry\n")
        for i in range(rows):
            if damaged_every and i % damaged_every == 7:
                fh.write(f"{i}\n")  # a ragged row
                continue
            fh.write(f"{i}\t{rng.choice(GIVEN)} {rng.choice(GIVEN)} {rng.choice(FAMILY)}\tIQ\n")


def old_reader(path: Path) -> list[dict[str, str]]:
    """What the CLI did before: whole text in memory, then every row as a dict."""
    text = path.read_bytes().decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter="\t", quoting=csv.QUOTE_NONE)
    header = next(reader)
    return [dict(zip(header, parts, strict=False)) for parts in reader]


def measure(label: str, fn) -> None:  # type: ignore[no-untyped-def]
    tracemalloc.start()
    t0 = time.perf_counter()
    n = fn()
    dt = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    print(f"{label:34} {n:>10,} rows {dt:7.1f} s   peak {peak:8.1f} MiB")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rows", type=int, default=1_000_000)
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="nasab-stream-"))
    path = tmp / "names.tsv"
    write_names(path, args.rows)
    print(
        f"{path.stat().st_size / 2**20:.1f} MiB, {args.rows:,} rows (tracemalloc slows all three)"
    )
    measure("baseline: text + list of rows", lambda: len(old_reader(path)))
    measure("read_records (list, for resolve)", lambda: len(read_records(str(path))))
    measure("iter_records (streamed, for link)", lambda: sum(1 for _ in iter_records(str(path))))
    damaged = tmp / "damaged.tsv"
    write_names(damaged, args.rows, damaged_every=1000)
    problems = _Problems("skip")
    t0 = time.perf_counter()
    kept = sum(1 for _ in iter_records(str(damaged), problems=problems))
    print(f"--errors skip: {kept:,} rows read, {problems.count:,} skipped "
          f"in {time.perf_counter() - t0:.1f} s")  # fmt: skip


if __name__ == "__main__":
    main()
