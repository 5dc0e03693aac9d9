"""The main job on the example documents: read them, build the entity graph, show it.

Usage::

    python examples/quickstart.py [DOCS_DIR] [--out DIR]

DOCS_DIR defaults to ``examples/docs`` (three short news texts written for this
example: two English, one Arabic, with people who appear in both languages). It runs
the same walk-through as ``examples/seed_graph.py``: summary, persons and
organisations with every name seen in both scripts, role holders, the alias table,
and the graph written as JSON, GraphML and GEXF.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from seed_graph import main  # the example folder is not a package

if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0].startswith("-"):
        args = [str(Path(__file__).resolve().parent / "docs"), *args]
    sys.exit(main(args))
