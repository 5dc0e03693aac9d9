"""Tests for nasab.files: crash-safe writes, with real processes (no mocks).

Each test runs writer processes (``python -c``) and kills them with SIGKILL mid-write, runs
two of them against one file at once, or lets one hit a file-size limit (the way a full disk
fails a write), and checks that the file on disk always loads whole.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from nasab.aliases import AliasTable
from nasab.errors import DataFileError
from nasab.files import atomic_open, atomic_write

pytestmark = pytest.mark.skipif(os.name != "posix", reason="SIGKILL and rlimits are POSIX")

ROWS = 5_000  # about 250 kB as TSV: each save takes tens of ms

# A writer: builds a table whose rows all carry TAG, says "ready", then saves it LOOPS times.
WRITER = """
import sys
from nasab.aliases import AliasTable
path, tag, rows, loops = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
t = AliasTable([{"entity_id": f"{tag}{i}", "alias": f"Name {tag} {i}"} for i in range(rows)])
print("ready", flush=True)
for _ in range(loops):
    t.save(path)
"""

# Saves one object to a file under a file-size limit: the write fails like a full disk.
LIMITED = """
import resource, signal, sys
from nasab.errors import DataFileError
what, path = sys.argv[1], sys.argv[2]
if what == "aliases":
    from nasab.aliases import AliasTable
    obj = AliasTable([{"entity_id": f"E{i}", "alias": f"Name {i}"} for i in range(5000)])
    save = obj.save
elif what == "judgements":
    from nasab.resolution import Judgements
    obj = Judgements()
    for i in range(5000):
        obj.same(f"Name {i}", f"Other {i}")
    save = obj.save
elif what == "graph":
    from nasab.graph import EntityGraph
    obj = EntityGraph()
    for i in range(5000):
        obj.add_node(f"person:{i}", type="person", name=f"Name {i}", names=[f"Name {i}"])
    save = obj.to_json
else:
    from nasab.cli import main
    lines = "\\n".join(f"Name{i} Family{i}" for i in range(3000))
    open(sys.argv[3], "w").write(lines)
    save = lambda p: sys.exit(main(["resolve", sys.argv[3], "-o", p, "--to", "tsv"]))
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, resource.RLIM_INFINITY))
try:
    save(path)
except DataFileError as exc:
    print("DataFileError:", exc)
    sys.exit(3)
"""


def _python(code: str, *args: str, **kw: object) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.Popen(
        [sys.executable, "-c", code, *args], stdout=subprocess.PIPE, text=True, env=env, **kw
    )


def _loads_whole(path: Path, tags: tuple[str, ...]) -> str:
    """The tag of the table at ``path``, after checking it is one writer's table, whole."""
    table = AliasTable.load(path)
    ids = {row.entity_id[0] for row in table}
    assert len(table) == ROWS and len(ids) == 1 and ids <= set(tags), (len(table), ids)
    return ids.pop()


def _temp_files(directory: Path) -> list[Path]:
    return [p for p in directory.iterdir() if p.name.endswith(".tmp")]


def test_kill_during_save_keeps_previous_table(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    AliasTable([{"entity_id": f"O{i}", "alias": f"Name O {i}"} for i in range(ROWS)]).save(path)
    for _ in range(2):
        proc = _python(WRITER, str(path), "N", str(ROWS), "1000", stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        deadline = time.monotonic() + 60
        # A save's temporary file lives for its write and fsync only: look often, and stop
        # looking if the writer has ended (its error is then the failure's message).
        while not _temp_files(tmp_path) and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.0002)
        if not _temp_files(tmp_path):
            proc.kill()
            _, err = proc.communicate()
            pytest.fail(f"the writer never started a save (exit {proc.returncode}): {err[-2000:]}")
        os.kill(proc.pid, signal.SIGKILL)  # mid-write: its temporary file exists
        proc.wait()
        assert _loads_whole(path, ("O", "N")) in ("O", "N")
        for tmp in _temp_files(tmp_path):  # what SIGKILL leaves behind is never read
            tmp.unlink()


def test_two_writers_racing_never_mix(tmp_path: Path) -> None:
    path = tmp_path / "table.tsv"
    AliasTable([{"entity_id": f"O{i}", "alias": f"Name O {i}"} for i in range(ROWS)]).save(path)
    writers = [_python(WRITER, str(path), tag, str(ROWS), "3") for tag in ("A", "B")]
    seen = set()
    while any(w.poll() is None for w in writers):
        seen.add(_loads_whole(path, ("O", "A", "B")))  # a reader never sees half a file
    assert [w.returncode for w in writers] == [0, 0]
    assert _loads_whole(path, ("A", "B")) in ("A", "B")
    assert seen <= {"O", "A", "B"}
    assert not _temp_files(tmp_path)


@pytest.mark.parametrize("what", ["aliases", "judgements", "graph", "cli"])
def test_full_disk_keeps_previous_file(tmp_path: Path, what: str) -> None:
    path = tmp_path / ("out.json" if what in ("judgements", "graph") else "out.tsv")
    path.write_text("previous content\n", encoding="utf-8")
    proc = _python(LIMITED, what, str(path), str(tmp_path / "names.txt"))
    out, _ = proc.communicate(timeout=120)
    assert proc.returncode in (1, 3), out  # 3: DataFileError raised; 1: the CLI reported it
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert not _temp_files(tmp_path)


@pytest.mark.parametrize("data", ["نص عربي\n", b"\x00bytes"], ids=["text", "bytes"])
def test_atomic_write_round_trip(tmp_path: Path, data: str | bytes) -> None:
    path = tmp_path / "f"
    atomic_write(path, data)
    got = path.read_bytes()
    assert got == (data.encode("utf-8") if isinstance(data, str) else data)


def test_atomic_open_failure_leaves_old_file(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    path.write_text("old", encoding="utf-8")
    with pytest.raises(KeyboardInterrupt), atomic_open(path) as fh:
        fh.write("half")
        raise KeyboardInterrupt
    assert path.read_text(encoding="utf-8") == "old"
    assert not _temp_files(tmp_path)


def test_missing_directory_is_a_data_file_error(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="cannot write"):
        atomic_write(tmp_path / "no" / "f.txt", "x")


def test_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    path = tmp_path / "f.txt"
    atomic_write(path, "x")
    umask = os.umask(0)
    os.umask(umask)
    assert path.stat().st_mode & 0o777 == 0o666 & ~umask
