"""Fixtures shared by the test modules."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import settings

from nasab.aliases import AliasTable

# No per-example deadline: the properties check values, not time, and a busy machine (CI
# beside other jobs) made single examples run past hypothesis's default 200 ms.
settings.register_profile("nasab", deadline=None)
settings.load_profile("nasab")


@pytest.fixture
def table_path(tmp_path: Path) -> Path:
    path = tmp_path / "aliases.tsv"
    AliasTable(
        [
            {"entity_id": "E1", "alias": "Mustafa Al-Kazemi"},
            {"entity_id": "E1", "alias": "مصطفى الكاظمي"},
            {"entity_id": "E2", "alias": "Mohammed Rabie al-Rikabi"},
        ]
    ).save(path)
    return path
