"""The example scripts run and find what their documents say."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_quickstart_example(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, str(EXAMPLES / "quickstart.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    ).stdout
    # The same minister in two English spellings and in Arabic is one person.
    line = next(ln for ln in out.splitlines() if "Abdul Karim al-Obeidi" in ln and "names=" in ln)
    assert "Abdul-Karim Al-Obaidi" in line and "عبد الكريم العبيدي" in line
    # The kunya given with "also known as" is an alias of the person, not a second person.
    assert any("Abu Yasser" in ln and "Hamid al-Dulaimi" in ln for ln in out.splitlines())
    assert (tmp_path / "seeds.json").is_file() or any(tmp_path.glob("*.json"))
