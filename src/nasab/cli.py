"""The ``nasab`` command: romanize, compare, resolve, link, alias tables and graphs.

Every subcommand reads TSV, CSV, JSON or plain lines (files or ``-`` for stdin)
and writes TSV, CSV or JSON to stdout or ``-o FILE``. Exit status: 0 ok, 1 a
data problem (the message names file, line and column), 2 a usage problem.

Example:
    >>> main(["compare", "Mustafa al-Kadhimi", "Mustafa Al-Kazemi"])
    1.000
    0
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import importlib.util
import io
import itertools
import json
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from .errors import DataFileError, InputError, NasabError
from .jsonread import JsonText

__all__ = ["main"]

_RECORD_FIELDS = ("id", "name", "kind", "language", "country", "source", "role")
_LINK_COLUMNS = ("query_id", "query", "rank", "entity_id", "alias", "canonical", "score")


# ---------------------------------------------------------------- reading

#: Lines read to guess the input format when neither --format nor the suffix says it.
_SNIFF_LINES = 50
#: Queries linked per batch by ``nasab link`` (input and output stream batch by batch).
LINK_BATCH = 5_000
#: Malformed rows shown on stderr with ``--errors skip`` (the rest are only counted).
_SHOWN_PROBLEMS = 5


class _Problems:
    """What to do with a malformed row: raise (``--errors raise``) or count and go on."""

    def __init__(self, mode: str = "raise") -> None:
        self.mode = mode
        self.count = 0

    def __call__(self, error: DataFileError) -> None:
        if self.mode != "skip":
            raise error
        self.count += 1
        if self.count <= _SHOWN_PROBLEMS:
            print(f"nasab: skipped {error}", file=sys.stderr)

    def report(self, what: str = "rows") -> None:
        if self.count:
            print(f"nasab: skipped {self.count:,} malformed {what}", file=sys.stderr)


def _open_binary(path: str) -> tuple[Any, str]:
    """(binary file, display name) of a file or of stdin for ``-``."""
    if path == "-":
        stdin = sys.stdin
        if hasattr(stdin, "buffer"):
            return stdin.buffer, "<stdin>"
        return io.BytesIO(stdin.read().encode("utf-8")), "<stdin>"
    try:
        return open(path, "rb"), path
    except OSError as exc:
        raise DataFileError(f"cannot read: {exc.strerror or exc}", path=path) from None


def _lines(path: str, problems: _Problems) -> Iterator[tuple[int, str]]:
    """(line number, text with its line end) of each line, decoded one at a time.

    A line that is not UTF-8 is a problem (raised, or skipped with ``--errors skip``).
    """
    fh, name = _open_binary(path)
    try:
        for number, raw in enumerate(fh, start=1):
            if number == 1 and raw.startswith(b"\xef\xbb\xbf"):
                raw = raw[3:]
            try:
                yield number, raw.decode("utf-8")
            except UnicodeDecodeError:
                problems(DataFileError("not valid UTF-8", path=name, line=number))
    finally:
        if fh is not getattr(sys.stdin, "buffer", None):
            fh.close()


def _input_format(path: str, first: list[str], forced: str | None) -> str:
    if forced:
        return forced
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in (".tsv", ".tab", ".csv", ".json"):
        return suffix.lstrip(".").replace("tab", "tsv")
    if suffix in (".jsonl", ".ndjson"):
        return "jsonl"
    if suffix in (".txt", ".lst"):
        return "lines"
    head = next((ln for ln in first if ln.strip() and not ln.startswith("#")), "")
    if head.lstrip().startswith("["):
        return "json"
    if head.lstrip().startswith("{"):
        return "jsonl"
    if "\t" in head and "name" in [f.strip().lower() for f in head.split("\t")]:
        return "tsv"
    if "," in head and "name" in [f.strip().lower() for f in head.split(",")]:
        return "csv"
    return "lines"


class _RecordMaker:
    """Turns the values of one input row into a record dict, or reports why it cannot."""

    def __init__(self, name: str, kind: str | None, problems: _Problems) -> None:
        self.name = name
        self.kind = kind
        self.problems = problems
        from ._columns import SeenKeys

        #: ids seen so far with their first line (12 bytes an id: streams of millions).
        self.seen = SeenKeys()

    def item(self, line: int, item: Any) -> Iterator[tuple[int, dict[str, Any]]]:
        """The record of one JSON item (a name or an object with ``name``)."""
        if isinstance(item, str):
            item = {"name": item}
        if not isinstance(item, dict):
            self.problems(DataFileError(
                "each item must be a name or an object with 'name'", path=self.name, line=line
            ))  # fmt: skip
            return
        rec = self(line, item)
        if rec is not None:
            yield line, rec

    def __call__(
        self, line: int, values: dict[str, Any], column: str | int = "name"
    ) -> dict[str, Any] | None:
        nm = values.get("name")
        if not isinstance(nm, str) or not nm.strip():
            self.problems(DataFileError(
                "empty or missing name", path=self.name, line=line, column=column
            ))  # fmt: skip
            return None
        rec: dict[str, Any] = {"id": str(values.get("id") or f"L{line}"), "name": nm}
        first = self.seen.add(rec["id"], line)
        if first is not None:
            self.problems(DataFileError(
                f"duplicate id {rec['id']!r} (first on line {first})",
                path=self.name, line=line, column="id",
            ))  # fmt: skip
            return None
        attrs = {}
        for k, v in values.items():
            if k in ("id", "name"):
                continue
            if k in _RECORD_FIELDS:
                if v not in (None, ""):
                    rec[k] = str(v)
            elif v not in (None, ""):
                attrs[k] = v
        if self.kind and "kind" not in rec:
            rec["kind"] = self.kind
        if attrs:
            rec["attrs"] = attrs
        return rec


def _delimited(
    stream: Iterator[tuple[int, str]], fmt: str, make: _RecordMaker, problems: _Problems
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Records of a TSV or CSV stream (header first; blank and ``#`` lines before it)."""
    delimiter = "\t" if fmt == "tsv" else ","
    quoting = csv.QUOTE_NONE if fmt == "tsv" else csv.QUOTE_MINIMAL
    head = next(((n, t) for n, t in stream if t.strip() and not t.startswith("#")), None)
    header_line = head[0] if head else 1
    try:
        header = [h.strip().lower() for h in next(csv.reader([head[1] if head else ""],
                  delimiter=delimiter, quoting=quoting), [])]  # fmt: skip
    except csv.Error as exc:  # e.g. a carriage return inside the header line
        raise DataFileError(
            f"malformed {fmt.upper()} header: {exc}", path=make.name, line=header_line
        ) from None
    if "name" not in header:
        raise DataFileError(
            "no 'name' column in the header", path=make.name, line=header_line, column="name"
        )
    consumed = [header_line]

    def feed() -> Iterator[str]:
        for n, text in stream:
            consumed[0] = n
            yield text

    reader = csv.reader(feed(), delimiter=delimiter, quoting=quoting)
    while True:
        before = consumed[0]
        try:
            parts = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            problems(DataFileError(f"malformed {fmt.upper()}: {exc}", path=make.name,
                                   line=consumed[0]))  # fmt: skip
            continue
        line = before + 1
        if not parts or (len(parts) == 1 and not parts[0].strip()):
            continue
        if len(parts) != len(header):
            problems(DataFileError(
                f"{len(parts)} fields where the header has {len(header)}", path=make.name, line=line,
                column=header[len(parts)] if len(parts) < len(header) else len(parts) + 1,
            ))  # fmt: skip
            continue
        rec = make(line, dict(zip(header, parts, strict=False)), column="name")
        if rec is not None:
            yield line, rec


def iter_records(
    path: str,
    fmt: str | None = None,
    *,
    kind: str | None = None,
    problems: _Problems | None = None,
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Stream ``(line, record dict)`` pairs from a names file, one line read at a time.

    TSV/CSV need a ``name`` column (``id`` optional, other columns kept as attrs); JSON
    Lines (``.jsonl``) hold one name or object per line; JSON is a list of strings or objects
    with ``name`` (read whole: use JSON Lines for very large inputs); plain lines are one name
    each (blank lines and ``#`` comments skipped). Ids default to ``L`` + the line number.

    Raises:
        DataFileError: unreadable file, missing ``name`` column, malformed row (with file,
            line and column), unless ``problems`` skips malformed rows.
    """
    problems = problems or _Problems()
    lines = _lines(path, problems)
    first = list(itertools.islice(lines, _SNIFF_LINES))
    fmt = _input_format(path, [t for _, t in first], fmt)
    stream = itertools.chain(first, lines)
    make = _RecordMaker("<stdin>" if path == "-" else path, kind, problems)
    if fmt == "lines":
        for n, text in stream:
            s = text.strip()
            if s and not s.startswith("#"):
                rec = make(n, {"name": s})
                if rec is not None:
                    yield n, rec
    elif fmt == "jsonl":
        for n, text in stream:
            if not text.strip():
                continue
            try:
                item = json.loads(text)
            except json.JSONDecodeError as exc:
                problems(DataFileError(f"malformed JSON: {exc.msg}", path=make.name, line=n,
                                       column=exc.colno))  # fmt: skip
                continue
            yield from make.item(n, item)
    elif fmt == "json":
        items = JsonText("".join(t for _, t in stream), make.name).top_list(
            "a JSON list of names or objects"
        )
        for n, item in items:
            yield from make.item(n, item)
    elif fmt in ("tsv", "csv"):
        yield from _delimited(stream, fmt, make, problems)
    else:
        raise InputError(f"unknown input format {fmt!r}")


def read_records(path: str, fmt: str | None = None, *, kind: str | None = None) -> list[Any]:
    """Read names for ``resolve`` / ``link`` as :class:`nasab.resolution.Record`-like dicts.

    See :func:`iter_records` for the formats.

    Raises:
        DataFileError: unreadable file, missing ``name`` column, ragged row or empty
            name (with file, line and column).
    """
    return [rec for _, rec in iter_records(path, fmt, kind=kind)]


def _batches(items: Iterator[Any], size: int) -> Iterator[list[Any]]:
    while batch := list(itertools.islice(items, size)):
        yield batch


# ---------------------------------------------------------------- writing


def _output_format(out: str | None, forced: str | None) -> str:
    if forced:
        return forced
    if out and out != "-":
        suffix = Path(out).suffix.lower()
        if suffix in (".csv", ".json"):
            return suffix[1:]
    return "tsv"


class _RowWriter:
    """Writes rows as TSV, CSV or a JSON list, one at a time."""

    def __init__(self, fh: TextIO, columns: Sequence[str], fmt: str) -> None:
        self.fh, self.columns, self.fmt, self.rows = fh, columns, fmt, 0
        self.csv = csv.writer(fh, lineterminator="\r\n") if fmt == "csv" else None
        if self.csv is not None:
            self.csv.writerow(columns)
        elif fmt == "tsv":
            fh.write("\t".join(columns) + "\n")

    def write(self, rows: Iterable[dict[str, Any]]) -> None:
        from .aliases import tsv_escape

        for r in rows:
            values = ["" if r.get(c) is None else r.get(c) for c in self.columns]
            if self.csv is not None:
                self.csv.writerow(values)
            elif self.fmt == "json":
                item = json.dumps({c: r.get(c) for c in self.columns}, ensure_ascii=False, indent=1)
                self.fh.write(("[\n" if not self.rows else ",\n") + " " + item.replace("\n", "\n "))
            else:
                self.fh.write("\t".join(tsv_escape(str(v)) for v in values) + "\n")
            self.rows += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.fh.write("\n]\n" if self.rows else "[]\n")


@contextlib.contextmanager
def _output(
    out: str | None, columns: Sequence[str], fmt: str
) -> Iterator[Callable[[Iterable[dict[str, Any]]], None]]:
    """A function writing rows to ``out`` (atomically: complete or not at all) or stdout."""
    from .files import atomic_open

    target = atomic_open(out) if out and out != "-" else contextlib.nullcontext(sys.stdout)
    with target as fh:
        writer = _RowWriter(fh, columns, fmt)
        yield writer.write
        writer.close()


def _progress(label: str) -> Callable[[int, int], None] | None:
    """A progress line on stderr, only when stderr is a terminal and tqdm is missing.

    With tqdm installed (the ``progress`` extra) this is None: the library draws its
    own bar on long inputs when stderr is a terminal.
    """
    if not sys.stderr.isatty() or importlib.util.find_spec("tqdm") is not None:
        return None

    def report(done: int, total: int) -> None:
        sys.stderr.write(f"\r{label}: {done:,}/{total:,}")
        if done >= total:
            sys.stderr.write("\n")
        sys.stderr.flush()

    return report


# ---------------------------------------------------------------- commands


def _cmd_romanize(args: argparse.Namespace) -> int:
    from .translit import romanize

    texts = args.text if args.text else [ln.rstrip("\r\n") for ln in sys.stdin]
    for t in texts:
        print(romanize(t, scheme=args.scheme) if t.strip() else "")
    return 0


def _cmd_compare(args: argparse.Namespace) -> int:
    from .match import compare

    m = compare(args.a, args.b, kind=args.kind)
    print(m.explain() if args.explain else f"{m.score:.3f}")
    return 0


def _resolve(args: argparse.Namespace) -> tuple[Any, list[Any]]:
    """The resolution of the input and its records (read once, kept once)."""
    from .resolution import Judgements, Record, resolve

    judgements = Judgements.load(args.judgements) if args.judgements else None
    problems = _Problems(args.errors)
    records = []
    for line, row in iter_records(args.input, args.format, kind=args.kind, problems=problems):
        try:
            records.append(Record(**row))
        except InputError as exc:  # e.g. a name over the length limit
            problems(DataFileError(str(exc), path=_display(args.input), line=line))
    problems.report()
    res = resolve(records, threshold=args.threshold, judgements=judgements, kind=args.kind)
    return res, records


def _display(path: str) -> str:
    return "<stdin>" if path == "-" else path


def _cmd_resolve(args: argparse.Namespace) -> int:
    res, records = _resolve(args)
    if args.aliases:
        from .aliases import AliasTable

        table = AliasTable.from_resolution(res)
        table.save(args.aliases)
        print(f"nasab: {len(records):,} names -> {len(res.entities):,} entities, {len(table):,} aliases in {args.aliases}",
              file=sys.stderr)  # fmt: skip
        if not args.output:
            return 0
    columns = ("id", "name", "entity_id")
    with _output(args.output, columns, _output_format(args.output, args.to)) as write:
        write(
            {"id": r.id, "name": r.name, "entity_id": label}
            for r, label in zip(records, res.labels, strict=False)
        )
    return 0


def _link_rows(queries: list[dict[str, Any]], results: list[list[Any]]) -> list[dict[str, Any]]:
    out = []
    for q, cands in zip(queries, results, strict=False):
        for rank, c in enumerate(cands, start=1):
            out.append({"query_id": q["id"], "query": q["name"], "rank": rank, "entity_id": c.entity_id,
                        "alias": c.alias, "canonical": c.canonical, "score": round(c.score, 4)})  # fmt: skip
    return out


def _cmd_link(args: argparse.Namespace) -> int:
    from .aliases import AliasTable
    from .linking import link

    problems = _Problems(args.errors)
    queries = iter_records(args.queries, args.format, problems=problems)
    table = AliasTable.load(args.table)
    total = missing = 0
    fmt = _output_format(args.output, args.to)
    with _output(args.output, _LINK_COLUMNS, fmt) as write:
        for batch in _batches((rec for _, rec in queries), LINK_BATCH):
            results = link([q["name"] for q in batch], table, top=args.top, threshold=args.threshold,
                           kind=args.kind, workers=args.workers, progress=_progress("linking"))  # fmt: skip
            write(_link_rows(batch, results))
            total += len(batch)
            missing += sum(1 for r in results if not r)
    problems.report()
    if missing:
        print(f"nasab: {missing:,} of {total:,} queries found no entity", file=sys.stderr)
    return 0


def _cmd_aliases(args: argparse.Namespace) -> int:
    from .aliases import AliasTable

    if args.action == "build":
        res, records = _resolve(args)
        table = AliasTable.from_resolution(res)
        if args.output and args.output != "-":
            table.save(args.output)
        else:
            sys.stdout.write(table.dumps(args.to or "tsv"))
        print(
            f"nasab: {len(records):,} names -> {len(res.entities):,} entities, {len(table):,} aliases",
            file=sys.stderr,
        )
        return 0
    if args.action == "merge":
        table = AliasTable.load(args.tables[0])
        for path in args.tables[1:]:
            table = table.merge(AliasTable.load(path))
        if args.output and args.output != "-":
            table.save(args.output)
        else:
            sys.stdout.write(table.dumps(args.to or "tsv"))
        return 0
    if args.action == "apply":
        table = AliasTable.load(args.table)
        problems = table.apply_edits(args.edits, strict=not args.skip_failed)
        for p in problems:
            print(f"nasab: skipped {p}", file=sys.stderr)
        table.save(args.output or args.table)
        return 1 if problems else 0
    # lookup
    table = AliasTable.load(args.table)
    queries = [{"id": str(i), "name": n} for i, n in enumerate(args.names, start=1)]
    for q in queries:
        if not q["name"].strip():
            raise InputError("a name to look up is empty")
    results = [table.lookup(q["name"], top=args.top, threshold=args.threshold) for q in queries]
    with _output(args.output, _LINK_COLUMNS, _output_format(args.output, args.to)) as write:
        write(_link_rows(queries, results))
    return 0


def _cmd_graph(args: argparse.Namespace) -> int:
    from .extraction import read_documents
    from .graph import build_graph

    docs, problems = read_documents([Path(f) for f in args.files], errors="skip")
    for prob in problems:
        where, why = prob if isinstance(prob, (tuple, list)) and len(prob) == 2 else (prob, "")
        print(
            f"nasab: skipped {where}: {why}" if why else f"nasab: skipped {where}", file=sys.stderr
        )
    if not docs:
        raise DataFileError(f"no readable documents ({len(problems)} skipped)")
    graph = build_graph(docs)
    graph.to_json(args.output)
    if args.html:
        graph.to_html(args.html, documents=docs)
    g = getattr(graph, "graph", graph)
    print(
        f"nasab: {len(docs):,} documents -> {g.number_of_nodes():,} nodes, {g.number_of_edges():,} edges "
        f"in {args.output}{' and ' + args.html if args.html else ''}; "
        f"{len(problems)} file(s) skipped",
        file=sys.stderr,
    )
    return 1 if problems else 0


# ---------------------------------------------------------------- parser


def _parser() -> argparse.ArgumentParser:
    """The ``nasab`` argument parser: one subcommand per job."""
    from . import __version__

    p = argparse.ArgumentParser(
        prog="nasab", description="Bilingual (Arabic/English) entity resolution."
    )
    p.add_argument("--version", action="version", version=f"nasab {__version__}")
    sub = p.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in (_add_romanize, _add_compare, _add_resolve, _add_link, _add_aliases, _add_graph):
        add(sub)
    return p


def _io_opts(sp: argparse.ArgumentParser, *, informat: bool = True) -> None:
    """Output file and format; input format and what to do with malformed rows."""
    sp.add_argument("-o", "--output", help="output file (default stdout); format from its suffix")
    sp.add_argument(
        "--to", choices=("tsv", "csv", "json"), help="output format (default: from -o, else tsv)"
    )
    if informat:
        sp.add_argument("--format", choices=("tsv", "csv", "json", "jsonl", "lines"),
                        help="input format (default: from the suffix or the content)")  # fmt: skip
        sp.add_argument("--errors", choices=("raise", "skip"), default="raise",
                        help="malformed input rows: stop at the first (default) or skip "
                             "them and count them")  # fmt: skip


def _resolve_opts(sp: argparse.ArgumentParser) -> None:
    """The input names and the settings of :func:`nasab.resolve`."""
    sp.add_argument("input", metavar="FILE", help="names: TSV/CSV/JSON/plain lines, or - for stdin")
    sp.add_argument(
        "--kind", choices=("person", "organization"), help="kind of names that do not say"
    )
    sp.add_argument("--threshold", type=float, help="merge threshold (default: the library's)")
    sp.add_argument("--judgements", metavar="FILE", help="same/not-same judgements file")


def _add_romanize(sub: Any) -> None:
    sp = sub.add_parser("romanize", help="romanise Arabic text")
    sp.add_argument("text", nargs="*", help="texts (default: stdin lines)")
    sp.add_argument("--scheme", default="news", help="news (default), ala-lc, buckwalter, hsb")
    sp.set_defaults(func=_cmd_romanize)


def _add_compare(sub: Any) -> None:
    sp = sub.add_parser("compare", help="compare two names")
    sp.add_argument("a")
    sp.add_argument("b")
    sp.add_argument("--kind", default="person", choices=("person", "organization"))
    sp.add_argument("--explain", action="store_true", help="print the explanation")
    sp.set_defaults(func=_cmd_compare)


def _add_resolve(sub: Any) -> None:
    sp = sub.add_parser("resolve", help="resolve names into entities")
    _resolve_opts(sp)
    _io_opts(sp)
    sp.add_argument(
        "--aliases", metavar="OUT", help="write the alias table to OUT (.tsv/.csv/.json)"
    )
    sp.set_defaults(func=_cmd_resolve)


def _add_link(sub: Any) -> None:
    from .match.algorithms import LINK_THRESHOLD

    sp = sub.add_parser("link", help="link names to an alias table")
    sp.add_argument(
        "queries", metavar="QUERIES", help="names: TSV/CSV/JSON/plain lines, or - for stdin"
    )
    sp.add_argument("table", metavar="TABLE", help="alias table (.tsv/.csv/.json)")
    sp.add_argument("--top", type=int, default=5)
    sp.add_argument("--threshold", type=float, default=LINK_THRESHOLD)
    sp.add_argument("--kind", choices=("person", "organization"))
    sp.add_argument("--workers", type=int, default=1, help="processes (default 1)")
    _io_opts(sp)
    sp.set_defaults(func=_cmd_link)


def _add_aliases(sub: Any) -> None:
    from .match.algorithms import LINK_THRESHOLD

    sp = sub.add_parser("aliases", help="build, merge, query and edit alias tables")
    asub = sp.add_subparsers(dest="action", metavar="ACTION", required=True)
    b = asub.add_parser("build", help="resolve names and write their alias table")
    _resolve_opts(b)
    _io_opts(b)
    m = asub.add_parser("merge", help="merge alias tables")
    m.add_argument("tables", nargs="+", metavar="TABLE")
    _io_opts(m, informat=False)
    lk = asub.add_parser("lookup", help="look names up in an alias table")
    lk.add_argument("table", metavar="TABLE")
    lk.add_argument("names", nargs="+", metavar="NAME")
    lk.add_argument("--top", type=int, default=5)
    lk.add_argument("--threshold", type=float, default=LINK_THRESHOLD)
    _io_opts(lk, informat=False)
    ap = asub.add_parser("apply", help="replay saved edits on a table")
    ap.add_argument("table", metavar="TABLE")
    ap.add_argument("edits", metavar="EDITS")
    ap.add_argument("-o", "--output", help="write here (default: update TABLE in place)")
    ap.add_argument("--skip-failed", action="store_true", help="skip edits that do not apply")
    sp.set_defaults(func=_cmd_aliases)


def _add_graph(sub: Any) -> None:
    sp = sub.add_parser("graph", help="build an entity graph from documents")
    sp.add_argument("files", nargs="+", metavar="FILE")
    sp.add_argument("-o", "--output", required=True, help="graph JSON (node-link) file")
    sp.add_argument(
        "--html", metavar="PAGE", help="also write the interactive page (self-contained HTML)"
    )
    sp.set_defaults(func=_cmd_graph)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``nasab`` command.

    Args:
        argv: the arguments (default ``sys.argv[1:]``).

    Returns:
        The exit status: 0 ok, 1 data problem, 2 usage problem.

    Example:
        >>> main(["compare", "Jassim al-Mazroui", "Jassim al-Mazrouei"])
        1.000
        0
    """
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: --help (0) or a usage error (2)
        return int(exc.code) if isinstance(exc.code, int) else 2
    err: TextIO = sys.stderr
    try:
        return int(args.func(args))
    except InputError as exc:
        print(f"nasab: error: {exc}", file=err)
        return 2
    except NasabError as exc:
        print(f"nasab: error: {exc}", file=err)
        return 1
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            return 1
        print(
            f"nasab: error: {exc.filename + ': ' if exc.filename else ''}{exc.strerror or exc}",
            file=err,
        )
        return 1
    except KeyboardInterrupt:
        print("nasab: interrupted", file=err)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
