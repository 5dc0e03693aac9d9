"""Resolving names and records into entities.

Example:
    >>> from nasab.resolution import resolve
    >>> res = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي", "Mohammed al-Saadi"])
    >>> res.labels[0] == res.labels[1] != res.labels[2]
    True
"""

from .blocking import candidate_pairs, keys_of, org_keys, person_keys
from .cluster import cluster
from .core import DEFAULT_THRESHOLDS, Entity, Resolution, resolve
from .judgements import Judgement, JudgementConflictError, Judgements
from .records import KINDS, Record, as_records

__all__ = [
    "DEFAULT_THRESHOLDS",
    "KINDS",
    "Entity",
    "Judgement",
    "JudgementConflictError",
    "Judgements",
    "Record",
    "Resolution",
    "as_records",
    "candidate_pairs",
    "cluster",
    "keys_of",
    "org_keys",
    "person_keys",
    "resolve",
]
