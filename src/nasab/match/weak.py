"""Weak names: a bare given name, a bare family name or nickname, a bare kunya.

A person name with one name word and nothing else (``Omar``, ``Hashimi``, ``محمد``) or a
bare kunya (``Abu Ahmad``, ``أبو أحمد``) fits many people. Against a *full* name (two or
more name words, or a kunya with a name) its score keeps only a share, the **weakness
factor**::

    factor = WEAK_BASE + (1 - WEAK_BASE) * weight

where ``weight`` is the learned frequency weight of its word
(:func:`nasab.match.token_weight`, an inverse frequency from ``token_freq.tsv``, in
[0.15, 1]). The commonest given names keep little more than ``WEAK_BASE`` (one half) of
their score, a rare family name almost all of it. Two weak names compared with each other
(``Omar`` / ``عمر``) and two full names are not touched: the factor says how much a short
form can tell about a longer one, not how well two spellings agree.

:func:`nasab.compare` applies the factor and says so in the explanation;
``compare(a, b, weak=False)`` gives the plain fit (for a caller that decides by itself
which entity a short form stands for, as :func:`nasab.resolve` does with its unique-fit
rule and the document graph with its nearest-full-name rule).

Example:
    >>> from nasab.match import prepare
    >>> is_weak(prepare("Omar")), is_weak(prepare("Abu Ahmad")), is_weak(prepare("Omar Farouk"))
    (True, True, False)
    >>> weak_factor(prepare("Muhammad")) < weak_factor(prepare("Kadhimi")) <= 1.0
    True
"""

from __future__ import annotations

from .algorithms import WEAK_BASE
from .prepared import PreparedName
from .weights import ListFrequency, weights_of

__all__ = ["WEAK_BASE", "is_weak", "pair_weakness", "weak_factor"]


def is_weak(p: PreparedName | None) -> bool:
    """Whether a person name is *weak*: one name word and nothing else, or a bare kunya.

    Example:
        >>> from nasab.match import prepare
        >>> [is_weak(prepare(n)) for n in ["Omar", "أبو أحمد", "Abu Ahmad al-Iraqi", "عمر فاروق"]]
        [True, True, False, False]
    """
    if p is None:
        return False
    return len(p.ids) + (1 if p.kunya_ids else 0) <= 1


def weak_factor(p: PreparedName, freq: ListFrequency | None = None) -> float:
    """The share of its score a weak name keeps against a full name: ``WEAK_BASE`` for
    the commonest word, up to 1 for a rare one (its learned frequency weight).

    Example:
        >>> from nasab.match import prepare
        >>> round(weak_factor(prepare("Muhammad")), 2) < 0.7 < round(weak_factor(prepare("Kadhimi")), 2)
        True
    """
    ids = p.ids or p.kunya_ids
    if not ids:
        return WEAK_BASE
    weights = weights_of(p.table, freq)
    w = max(weights[i] for i in ids)
    return WEAK_BASE + (1.0 - WEAK_BASE) * w


def pair_weakness(
    a: PreparedName, b: PreparedName, freq: ListFrequency | None = None
) -> tuple[float, PreparedName | None]:
    """The weakness factor of a pair and its weak name: ``(factor, weak name)`` when
    exactly one of the two is weak and the other has a name word, else ``(1.0, None)``.

    Example:
        >>> from nasab.match import prepare
        >>> f, w = pair_weakness(prepare("Omar Farouk al-Hashimi"), prepare("Omar"))
        >>> w.raw, f < 1
        ('Omar', True)
        >>> pair_weakness(prepare("Omar"), prepare("عمر"))
        (1.0, None)
    """
    wa, wb = is_weak(a), is_weak(b)
    if wa == wb:
        return 1.0, None
    weak, full = (a, b) if wa else (b, a)
    if not (full.ids or full.kunya_ids):
        return 1.0, None
    return weak_factor(weak, freq), weak
