"""One local Spark session for the Spark tests (``local[2]``, no UI, few partitions).

The tests skip when PySpark or Java is missing, except when ``NASAB_REQUIRE_SPARK=1``
(set by ``.ci/run``): then a missing Spark fails them.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

REQUIRED = os.environ.get("NASAB_REQUIRE_SPARK") == "1"


def _missing() -> str | None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        return f"the spark extra is not installed ({exc.name})"
    if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
        return "no Java runtime"
    return None


@pytest.fixture(scope="session")
def spark():
    why = _missing()
    if why:
        if REQUIRED:
            pytest.fail(f"NASAB_REQUIRE_SPARK=1 but {why}")
        pytest.skip(why)
    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("nasab-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.log.level", "ERROR")
        .getOrCreate()
    )
    yield session
    session.stop()
