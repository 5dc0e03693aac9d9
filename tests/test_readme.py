"""The README's quick start runs as shown."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[1] / "README.md"


def test_quick_start_runs(capsys) -> None:  # type: ignore[no-untyped-def]
    text = README.read_text(encoding="utf-8")
    block = re.search(r"## Quick start\s+```python\n(.*?)```", text, re.S)
    assert block is not None
    exec(compile(block.group(1), str(README), "exec"), {})
    out = capsys.readouterr().out.split("\n")
    # Each boolean line printed by the quick start is a claim the README makes.
    assert "True" in out[1]
    assert out[2] == "True"
    assert out[3] == "True True"
    assert out[4] == "1"
