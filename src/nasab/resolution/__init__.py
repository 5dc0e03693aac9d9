"""Resolving names and records into entities.

Example:
    >>> from nasab.resolution import resolve
    >>> res = resolve(["Mustafa al-Kadhimi", "مصطفى الكاظمي", "Mohammed al-Karimi"])
    >>> res.labels[0] == res.labels[1] != res.labels[2]
    True
"""

from .blocking import candidate_pairs, keys_of, org_keys, person_keys
from .cluster import cluster, cluster_groups
from .core import DEFAULT_THRESHOLDS, Entity, Resolution, resolve
from .judgements import Judgement, JudgementConflictError, Judgements
from .records import KINDS, Record, as_records
from .stages import (
    HOT_CHUNK,
    Node,
    NodeKeys,
    Pairs,
    Prepared,
    block_pairs,
    cannot_links,
    connected,
    entity_id,
    judged_links,
    key_counts,
    list_frequency,
    node_keys,
    node_order,
    prefilter_pairs,
    prepare,
    score_pairs,
)
from .unionfind import UnionFind, components

__all__ = [
    "DEFAULT_THRESHOLDS",
    "HOT_CHUNK",
    "KINDS",
    "Entity",
    "Judgement",
    "JudgementConflictError",
    "Judgements",
    "Node",
    "NodeKeys",
    "Pairs",
    "Prepared",
    "Record",
    "Resolution",
    "UnionFind",
    "as_records",
    "block_pairs",
    "candidate_pairs",
    "cannot_links",
    "cluster",
    "cluster_groups",
    "components",
    "connected",
    "entity_id",
    "judged_links",
    "key_counts",
    "keys_of",
    "list_frequency",
    "node_keys",
    "node_order",
    "org_keys",
    "person_keys",
    "prefilter_pairs",
    "prepare",
    "resolve",
    "score_pairs",
]
