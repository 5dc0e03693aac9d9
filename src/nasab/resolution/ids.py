"""Entity ids users can keep: carrying the ids of a previous run over to a new one.

Without a previous run an entity's id is a hash of its kind and its smallest member
name (:func:`nasab.resolution.stages.entity_id`): it depends on the members only, but it
changes when a new member sorts first. Given a previous run (a
:class:`~nasab.resolution.Resolution` or an :class:`~nasab.aliases.AliasTable`, also one
loaded from a file), :func:`carry_ids` gives each new entity the old id that most of its
names carried:

* every name of the previous run *votes* for its old entity id with the number of
  records (or the alias-table count, at least 1) it had;
* the (old id, new entity) pairs are taken by most votes first (then by the new
  entity's own id, then the old id); an old id goes to one new entity only, and an
  entity takes one old id only;
* an entity that wins no old id keeps its own id; should that id be an old id given
  to another entity, it is hashed again (``nsb-`` + SHA-1 of it and a counter), so ids
  never repeat.

The map of old ids to new ones says what happened: one old id to one new id, kept (or
renamed); several old ids to one new, merged; one old id to several new, split.

Example:
    >>> ids, changes = carry_ids(
    ...     ["nsb-new1", "nsb-new2"],
    ...     [[("person", "Ali Hasan"), ("person", "علي حسن")], [("person", "Omar Ali")]],
    ...     {("person", "علي حسن"): {"nsb-old": 2}},
    ... )
    >>> ids, changes
    (['nsb-old', 'nsb-new2'], {'nsb-old': ('nsb-old',)})
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence

from ..errors import InputError

__all__ = ["NameKey", "Votes", "carry_ids", "previous_votes"]

#: A name as the ids are carried by: (kind, surface name with whitespace collapsed).
NameKey = tuple[str, str]
#: Name -> old entity id -> votes.
Votes = Mapping[NameKey, Mapping[str, int]]


def _surface(name: str) -> str:
    return " ".join(name.split())


def previous_votes(previous: object) -> dict[NameKey, dict[str, int]]:
    """The votes of a previous run: a Resolution, an AliasTable or rows of one.

    Args:
        previous: a :class:`~nasab.resolution.Resolution` (``records`` and ``labels``),
            or an :class:`~nasab.aliases.AliasTable` (rows with ``entity_id``, ``kind``,
            ``alias`` and ``count``).

    Raises:
        InputError: ``previous`` is neither.

    Example:
        >>> from nasab import resolve
        >>> votes = previous_votes(resolve(["Ali Hasan", "علي حسن"]))
        >>> len(votes), sum(sum(v.values()) for v in votes.values())
        (2, 2)
    """
    votes: dict[NameKey, Counter[str]] = defaultdict(Counter)
    records, labels = getattr(previous, "records", None), getattr(previous, "labels", None)
    if records is not None and labels is not None:
        for rec, label in zip(records, labels, strict=True):
            votes[(rec.kind, _surface(rec.name))][label] += 1
        return {k: dict(v) for k, v in votes.items()}
    if isinstance(previous, Iterable) and not isinstance(previous, (str, bytes, Mapping)):
        for row in previous:
            try:
                key = (str(row.kind), _surface(str(row.alias)))
                eid, count = str(row.entity_id), int(row.count or 0)
            except AttributeError:
                raise InputError(
                    "previous must be a Resolution or an AliasTable; got an iterable of "
                    f"{type(row).__name__}"
                ) from None
            votes[key][eid] += max(1, count)
        return {k: dict(v) for k, v in votes.items()}
    raise InputError(
        f"previous must be a Resolution or an AliasTable, got {type(previous).__name__}"
    )


def carry_ids(
    own_ids: Sequence[str], names: Sequence[Sequence[NameKey]], votes: Votes
) -> tuple[list[str], dict[str, tuple[str, ...]]]:
    """The id of each new entity, carried from a previous run where its names vote for one.

    Args:
        own_ids: each new entity's own id (what it gets without a previous run).
        names: each new entity's distinct names.
        votes: the previous run's votes (:func:`previous_votes`).

    Returns:
        The ids, and the map of each old id whose names appear now to the new ids
        holding them (sorted).
    """
    tally: list[Counter[str]] = []
    for group in names:
        c: Counter[str] = Counter()
        for key in dict.fromkeys(group):
            c.update(votes.get(key, {}))
        tally.append(c)
    ranked = sorted(
        (-n, own_ids[k], old, k) for k, c in enumerate(tally) for old, n in c.items() if n > 0
    )
    ids: list[str | None] = [None] * len(own_ids)
    taken: set[str] = set()
    for _, _, old, k in ranked:
        if ids[k] is None and old not in taken:
            ids[k] = old
            taken.add(old)
    all_old = {old for c in tally for old in c} | {o for v in votes.values() for o in v}
    out: list[str] = []
    for k, got in enumerate(ids):
        if got is None:
            got = own_ids[k]
            salt = 0
            while got in all_old or got in taken:
                salt += 1
                digest = hashlib.sha1(f"{own_ids[k]}\x1f{salt}".encode()).hexdigest()[:12]
                got = "nsb-" + digest
            taken.add(got)
        out.append(got)
    changes: dict[str, set[str]] = defaultdict(set)
    for k, c in enumerate(tally):
        for old in c:
            changes[old].add(out[k])
    return out, {old: tuple(sorted(new)) for old, new in sorted(changes.items())}
