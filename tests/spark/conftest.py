"""One local Spark session for the Spark tests (``local[2]``, no UI, few partitions).

The session is tuned for many small jobs, as the tests run them: whole-stage code
generation off (compiling each query's Java costs more than running it on a few thousand
rows), adaptive execution off (it re-plans every shuffle), the JVM's C1 compiler only
and a serial collector (a short run on a shared machine gains nothing from C2 and
parallel GC threads).

The tests skip when PySpark or Java is missing, except when ``NASAB_REQUIRE_SPARK=1``
(set by ``.ci/run``): then a missing Spark fails them.
"""

from __future__ import annotations

import os
import shutil
import sys

import pytest

REQUIRED = os.environ.get("NASAB_REQUIRE_SPARK") == "1"
_JVM_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"


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
        .config("spark.sql.codegen.wholeStage", "false")
        .config("spark.sql.adaptive.enabled", "false")
        .config("spark.driver.extraJavaOptions", _JVM_OPTIONS)
        .getOrCreate()
    )
    yield session
    session.stop()
