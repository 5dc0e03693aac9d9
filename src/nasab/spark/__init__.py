"""Resolution and linking on Apache Spark: :func:`resolve`, :func:`link`, :func:`aliases`.

The same stages as :func:`nasab.resolve` (:mod:`nasab.resolution.stages`), spread over
a Spark cluster: the workers import nasab and call those stage functions on their
part of the data, Spark does the global steps (distinct names, key counts, the joins
that make candidate pairs, the connected components). For the same names the entities
and their ids are exactly those of :func:`nasab.resolve` on one machine.

Needs the ``spark`` extra (``pip install 'nasab[spark]'``: PySpark and pyarrow);
importing this module does not import PySpark, calling its functions without it
raises :class:`~nasab.errors.ExtraMissingError`.

Example (needs a Spark session, so not run here)::

    >>> import nasab.spark
    >>> df = spark.createDataFrame([("Mustafa al-Kadhimi",), ("مصطفى الكاظمي",)], ["name"])  # doctest: +SKIP
    >>> nasab.spark.resolve(df).select("name", "entity_id").show()  # doctest: +SKIP
"""

from .linking import aliases, link
from .resolve import resolve

__all__ = ["aliases", "link", "resolve"]
