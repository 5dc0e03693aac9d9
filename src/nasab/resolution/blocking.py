"""Blocking: script-neutral keys that bring candidate pairs together.

Every name gets a few keys; two names become a candidate pair when they share a key
whose block is small. Person names are keyed by their token skeletons
(:func:`nasab.names.skeleton`: ``Kazemi``, ``Kadhimi`` and ``الكاظمي`` all give
``KZM``) and by sorted pairs of skeletons; organisation names by their content words,
translated concepts, acronyms and joined forms (:func:`nasab.match.orgs.org_keys`).
Very common keys (``MHMD``) make blocks too large to score; such a block is dropped
and its names meet only through a second shared key (the pair keys), so the number of
candidate pairs grows about linearly with the input.

Example:
    >>> sorted(person_keys("Mustafa al-Kadhimi")) == sorted(person_keys("مصطفى الكاظمي"))
    True
    >>> sorted(person_keys("Mustafa al-Kadhimi"))
    ['p:KZM|MSTF', 't:KZM', 't:MSTF', 'x:KZM|M', 'x:MSTF|K']
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from functools import lru_cache
from itertools import combinations

from ..names import parse_name
from ..text import normalize

__all__ = ["MAX_BLOCK", "candidate_pairs", "keys_of", "org_keys", "person_keys"]

#: Blocks larger than this are not scored (their names meet through other keys).
MAX_BLOCK = 60


@lru_cache(maxsize=262144)
def person_keys(name: str) -> frozenset[str]:
    """Blocking keys of a person name: token skeletons and sorted skeleton pairs."""
    n = parse_name(name)
    toks = sorted({t.key for t in n.tokens if t.key})
    keys = {"t:" + k for k in toks}
    # The pair of the first and last token is the strongest; all pairs keep recall
    # when middle names are dropped or added.
    keys.update(f"p:{a}|{b}" for a, b in combinations(toks, 2))
    # Coarse pairs (a token with the initial of another) find spelling variants of the
    # other token (Gaddafi / Gadhafi) when the shared token alone is too common.
    keys.update(f"x:{a}|{b[0]}" for a in toks for b in toks if a != b)
    # The whole multiset of keys: names whose tokens all share one key (Mahmoudi
    # Mohammad) have no pair key.
    all_keys = sorted(t.key for t in n.tokens if t.key)
    if len(all_keys) > len(toks):
        keys.add("f:" + "|".join(all_keys))
    keys.update("k:" + t.key for t in n.kunya if t.key)
    if not keys:
        keys.add("n:" + normalize(name))
    return frozenset(keys)


def org_keys(name: str) -> frozenset[str]:
    """Blocking keys of an organisation name (see :func:`nasab.match.orgs.org_keys`)."""
    from ..match.orgs import org_keys as _org_keys

    return _org_keys_pairs(name, _org_keys)


@lru_cache(maxsize=262144)
def _org_keys_pairs(name: str, base) -> frozenset[str]:  # type: ignore[no-untyped-def]
    keys = set(base(name))
    from ..match.orgs import parse_org

    latin = [u.fold for u in parse_org(name).units if u.script == "latin" and not u.concept]
    # Words written joined or apart (AERO CONTINENTE / AEROCONTINENTE): the joined
    # proper-name words, and the first two of them.
    if latin:
        keys.add("z:" + "".join(latin))
        keys.add("z:" + "".join(latin[:2]))
    words = sorted(k for k in keys if k[:2] in ("w:", "c:"))
    keys.update(f"q:{a}|{b}" for a, b in combinations(words, 2))
    if not keys:
        keys.add("n:" + normalize(name))
    return frozenset(keys)


def keys_of(name: str, kind: str) -> frozenset[str]:
    """Blocking keys of a name of the given kind."""
    return org_keys(name) if kind == "organization" else person_keys(name)


def candidate_pairs(
    names: Sequence[tuple[str, str]], *, max_block: int = MAX_BLOCK
) -> set[tuple[int, int]]:
    """Candidate pairs ``(i, j)``, ``i < j``, among ``(kind, name)`` items.

    Items of different kinds are never paired. Blocks larger than ``max_block`` are
    dropped.
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, (kind, name) in enumerate(names):
        for key in keys_of(name, kind):
            blocks[(kind, key)].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if len(members) < 2 or len(members) > max_block:
            continue
        for a, b in combinations(members, 2):
            pairs.add((a, b) if a < b else (b, a))
    return pairs
