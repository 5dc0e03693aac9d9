"""Comparing two names across scripts and spellings.

:func:`compare` parses both names, aligns their tokens one to one by a
script-neutral similarity, and weighs the evidence:

* aligned tokens add evidence in proportion to their similarity and rarity
  (learned token weights: ``Mohammed`` counts for little, ``al-Kazemi`` for much);
* a token present in only one name is *missing*, which costs little;
* family names (or first given names) that do not align are a *conflict*, which
  costs much: ``al-Hakimi`` vs ``al-Karimi``;
* given names aligned in crossed order cost much: ``Khalid Jassim`` and
  ``Jassim Khalid`` are usually son and father;
* a kunya (``Abu X``) is a weak alias: it adds a little evidence when both names
  have one, and stands for the whole name only when neither has anything else.

The score is ``evidence / (evidence + conflict + missing)``, times the order
penalty, in [0, 1]; it is symmetric because the pair is put in a canonical order
before anything is computed.

Example:
    >>> compare("Mustafa al-Kadhimi", "مصطفى الكاظمي").score >= 0.85
    True
    >>> compare("Mohammed Rida al-Hakimi", "Mohammed al-Karimi").score <= 0.6
    True
    >>> print(compare("Jassim al-Mazroui", "Jassim al-Mazrouei").explain())  # doctest: +ELLIPSIS
    'Jassim al-Mazroui' vs 'Jassim al-Mazrouei': score 1.000 (nasab-name-v27+data...)
    ...

Names are *prepared* once (:func:`prepare`): parsed, and each token interned in the
shared :class:`~nasab.match.tokens.TokenTable`, whose features and pair similarities are
computed once per token and per token pair. :func:`compare` accepts strings or prepared
names; :func:`score_prepared` gives the score alone (no explanation), the fast path for
bulk callers.
"""

from __future__ import annotations

from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from rapidfuzz.distance import Indel

from ..errors import InputError
from ..lexicon import compound_suffixes, compounds, given_name_words, title_index, word_set
from ..names.keys import fold, plain_letters, skeleton
from ..names.parse import ABD_COMPOUND_PREFIXES, Token, clear_parse_caches
from ..text import normalize
from .algorithms import (
    ALIGN_MIN,
    CHAIN_SHIFT,
    CHAIN_TOLERANCE,
    CONFLICT_FAMILY,
    CONFLICT_GIVEN,
    CONFLICT_OTHER,
    CONFLICT_WEIGHT_FLOOR,
    FULL_SIM,
    JOIN_GAIN,
    JOIN_MIN,
    KUNYA,
    KUNYA_CONFLICT,
    MISSING,
    MISSING_SHORT_FORM,
    NAME_ALGORITHM,
    ORDER,
    ORDER_FAMILY,
    SAME_KNOWN_NAME,
    SLOT_CONFLICT,
    SLOT_SUBSTITUTION,
    TYPING_SLIP,
)
from .orgs import compare_orgs
from .prepared import PreparedName, prepare, token_similarity
from .result import Explanation, Match, Pair, check_name
from .tokens import TokenTable, reset_default_table, same_known_name, typing_slip
from .weak import pair_weakness
from .weights import ListFrequency, weights_of

__all__ = [
    "ALGORITHM",
    "Match",
    "Pair",
    "PreparedName",
    "clear_caches",
    "compare",
    "prepare",
    "score_conflict",
    "score_prepared",
    "token_similarity",
]

#: Id of the scoring algorithm (see :mod:`nasab.match.algorithms`); part of every Match.
ALGORITHM = NAME_ALGORITHM


def _calibrate(sim: float) -> float:
    """Map raw similarity to agreement in [0, 1]: 0 at the alignment floor, 1 at full."""
    return max(0.0, min(1.0, (sim - ALIGN_MIN) / (FULL_SIM - ALIGN_MIN))) ** 0.5


def _align(
    table: TokenTable,
    ta: tuple[Token, ...],
    ia: tuple[int, ...],
    tb: tuple[Token, ...],
    ib: tuple[int, ...],
) -> list[tuple[int, int, float]]:
    sim = table.aligned  # exact from ALIGN_MIN up: nothing under it is a candidate
    cands = []
    for i, x in enumerate(ia):
        for j, y in enumerate(ib):
            s = sim(x, y)
            if s >= ALIGN_MIN:
                # Prefer same-position roles on ties (family with family).
                cands.append((-s, ta[i].role != tb[j].role, abs(i - j), i, j, s))
    if len(cands) > 1:
        cands.sort()
    used_a: set[int] = set()
    used_b: set[int] = set()
    out = []
    for _, _, _, i, j, s in cands:
        if i not in used_a and j not in used_b:
            used_a.add(i)
            used_b.add(j)
            out.append((i, j, s))
    if _crossed(out):
        # A name that repeats a token (Muhammad Hasan Muhammad) can pull the greedy
        # alignment across itself on a spelling difference: prefer the alignment in
        # chain order when it aligns as many tokens almost as well.
        chain = _chain_align(cands, len(ta), len(tb))
        if len(chain) >= len(out) and sum(x for _, _, x in chain) >= sum(
            x for _, _, x in out
        ) - CHAIN_TOLERANCE * len(out):
            return chain
    return out


def _crossed(alignment: list[tuple[int, int, float]]) -> bool:
    """Whether two aligned pairs appear in crossed order."""
    for k, (i1, j1, _) in enumerate(alignment):
        for i2, j2, _ in alignment[k + 1 :]:
            if (i1 - i2) * (j1 - j2) < 0:
                return True
    return False


def _chain_align(cands: list[tuple], n: int, m: int) -> list[tuple[int, int, float]]:
    """The alignment in order of both chains (no crossed pairs) that aligns the most
    tokens, best total similarity among those (dynamic programming)."""
    sims = {(c[3], c[4]): c[5] for c in cands}
    best = [[(0, 0.0, ())] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            opts = [best[i - 1][j], best[i][j - 1]]
            s = sims.get((i - 1, j - 1))
            if s is not None:
                c, t, path = best[i - 1][j - 1]
                opts.append((c + 1, t + s, (*path, (i - 1, j - 1, s))))
            best[i][j] = max(opts, key=lambda o: (o[0], o[1]))
    return list(best[n][m][2])


#: Most characters a joined fold and a fold of the other name may differ in length by
#: for the join to be considered.
_JOIN_LENGTH_GAP = 3


def _near_length(joined: str, folds: list[str]) -> bool:
    """Whether some fold is within ``_JOIN_LENGTH_GAP`` characters of ``joined``'s length."""
    n = len(joined)
    for f in folds:
        if -_JOIN_LENGTH_GAP <= len(f) - n <= _JOIN_LENGTH_GAP:
            return True
    return False


def _join_split(
    table: TokenTable,
    ta: tuple[Token, ...],
    ia: tuple[int, ...],
    tb: tuple[Token, ...],
    ib: tuple[int, ...],
) -> tuple[tuple[Token, ...], tuple[int, ...]]:
    """Join adjacent tokens of ``ta`` that the other name writes as one word
    (``Jashn Saz`` / ``Jashnsaz``, ``Kheir Beik`` / ``Khayrbik``, and in either script the
    compound parts of ``compounds.tsv``: ``ذبيح الله`` / ``Zabihullah``, ``Ali Zadeh`` /
    ``عليزاده``)."""
    if len(ta) < 2 or not tb:
        return ta, ia
    folds = [t.fold for t in tb if " " not in t.text and len(t.fold) >= 5]
    suffixes = compound_suffixes()
    if not folds and not any(t.text in suffixes for t in ta[1:]):
        return ta, ia
    # The lengths a joined fold may have to be near one of ``folds`` (_near_length): a
    # pair of tokens whose folds add up to a length out of this range is passed at once.
    shortest = min(map(len, folds), default=0) - _JOIN_LENGTH_GAP
    longest = max(map(len, folds), default=-1) + _JOIN_LENGTH_GAP
    out, ids = list(ta), list(ia)
    i = 0
    while i < len(out) - 1:
        x, y = out[i], out[i + 1]
        if x.script != y.script or " " in x.text or " " in y.text:
            i += 1
            continue
        if y.text in suffixes:
            k = table.intern(x.text + y.text, x.article)
            best = max(table.similarity(k, j) for j in ib)
            parts = [table.similarity(z, j) for z in (ids[i], ids[i + 1]) for j in ib]
        elif shortest <= len(x.fold) + len(y.fold) <= longest and _near_length(
            joined := x.fold + y.fold, folds
        ):
            best = max(Indel.normalized_similarity(joined, f) for f in folds)
            # The parts alone matter only when the joined form is near (JOIN_MIN).
            parts = (
                [Indel.normalized_similarity(z.fold, f) for z in (x, y) for f in folds]
                if best >= JOIN_MIN
                else []
            )
            k = -1
        else:
            i += 1
            continue
        if best >= JOIN_MIN and best > max(parts) + JOIN_GAIN:
            role = "family" if y.role == "family" else x.role
            text = x.text + y.text
            if k < 0:
                k = table.intern(text, x.article)
            out[i : i + 2] = [Token(text, table.key[k], x.script, role, x.article, fold(text))]
            ids[i : i + 2] = [k]
            continue
        i += 1
    return tuple(out), tuple(ids)


def _score(
    pa: PreparedName,
    pb: PreparedName,
    explain: bool,
    freq: ListFrequency | None = None,
    join: bool = True,
) -> tuple[float, dict[str, float], tuple[Pair, ...], tuple[str, ...]]:
    """Score two prepared names of one table, given in canonical order.

    The score is ``order * evidence / (evidence + conflict + missing)`` in [0, 1]. Each
    step below takes the running sums and adds its terms to them in one fixed order.

    Args:
        pa: The first name.
        pb: The second name (same table).
        explain: Whether to return the features, the aligned pairs and the notes;
            without it they are empty.
        freq: Token weights of the list the names come from (None: the table's own).
        join: False where neither name may join two of its tokens (the caller knows it
            from :func:`~nasab.match.bounds.score_bounds`): the join is not tried.

    Returns:
        The score, the features, the aligned pairs and the notes.

    Example:
        >>> a, b = prepare("Jassim al-Mazroui"), prepare("Jassim al-Mazrouei")
        >>> _score(a, b, False)[0] == compare(a, b).score
        True
        >>> _score(a, b, True)[3]
        ()
    """
    kunya_only = not pa.name.tokens and not pb.name.tokens
    ta, ia, tb, ib, alignment, w = _aligned_tokens(pa, pb, kunya_only, freq, join)
    if not alignment and not explain and (kunya_only or not (pa.kunya_ids and pb.kunya_ids)):
        # Nothing aligned and no kunya to compare: no evidence, so the score is 0 whatever
        # the conflicts (the explanation still lists them).
        return 0.0, {}, (), ()
    notes: list[str] | None = [] if explain else None
    pairs: list[Pair] = []
    evidence, conflict = _aligned_terms(ta, ia, tb, ib, alignment, w, pairs, notes)
    aligned_a = {i: (j, s) for i, j, s in alignment}
    aligned_b = {j: i for i, j, _ in alignment}
    al = _Aligned(ta, ia, tb, ib, aligned_a, aligned_b, w)
    conflict, fa, fb, given = _slot_conflicts(al, conflict, notes)
    conflict, shift_a, shift_b = _chain_conflicts(al, conflict, notes)
    spare_a = _spare(ta, ia, w, aligned_a, fa, given, shift_a)
    spare_b = _spare(tb, ib, w, aligned_b, fb, given, shift_b)
    if notes is not None:
        notes += _spare_notes(ta, aligned_a, fa, given, "first", shift_a)
        notes += _spare_notes(tb, aligned_b, fb, given, "second", shift_b)
    substituted = _substituted(ta, tb, alignment)
    if notes is not None and substituted:
        notes.append(f"conflict: both names fill {substituted} slot(s) with different names")
    conflict, missing = _left_over_terms(ta, tb, alignment, spare_a, spare_b, conflict, substituted)
    order = _order(ta, tb, alignment, notes)
    kunya = 0.0
    if not kunya_only and (pa.kunya_ids or pb.kunya_ids):
        evidence, conflict, kunya = _kunya_terms(pa, pb, bool(ta and tb), evidence, conflict, notes)
    total = evidence + conflict + missing
    score = max(0.0, min(1.0, order * evidence / total if total > 0 else 0.0))
    if freq is not None and evidence < freq.evidence_floor:
        floor = freq.evidence_floor
        factor = _list_evidence_factor(al, alignment, pa.table.weight, evidence, floor)
        score *= factor
        if notes is not None and factor < 1.0:
            notes.append(
                f"little evidence in this list: the agreeing tokens add up to {evidence:.2f} "
                f"(names common in the list weigh little), under {floor:.2f} for a list of "
                f"{freq.names} names: score times {factor:.2f}"
            )
    if not pa.raw.isascii() and not pb.raw.isascii():
        cap = _written_cap(pa.raw, pb.raw)
        if cap is not None and cap < score:
            score = cap
            if notes is not None:
                notes.append(
                    f"written characters differ: at most their agreement {cap:.2f} "
                    "(romanisation writes different characters alike)"
                )
    if notes is None:
        return score, {}, (), ()
    features = {
        "evidence": evidence,
        "conflict": conflict,
        "missing": missing,
        "order": order,
        "kunya": kunya,
    }
    return score, features, tuple(pairs), tuple(notes)


def _list_evidence_factor(
    al: _Aligned,
    alignment: list[tuple[int, int, float]],
    world: list[float],
    evidence: float,
    floor: float,
) -> float:
    """How much of its score a pair of names of one list keeps for its evidence.

    With a list's token weights (``al.w``) a name common in the list weighs less than in
    the world (``world``, by id), but a score is a ratio, so two names that agree only
    on the list's common names score as high as two that share rare ones. The evidence
    the list took away (the aligned pairs' agreement times their weight lost) is made up
    only by other evidence: a pair whose evidence is under the list's ``floor``
    (:attr:`~nasab.match.weights.ListFrequency.evidence_floor`) keeps
    ``evidence / min(floor, evidence + taken)`` of its score; a pair that the list took
    nothing from keeps all of it (its names are not common in the list).

    Example:
        >>> from nasab.match.weights import ListFrequency
        >>> a, b = prepare("Mohammed Ali"), prepare("محمد علي", prepare("Mohammed Ali").table)
        >>> lf = ListFrequency({"MHMD": 4000, "ALY": 2500}, 10_000)
        >>> w = weights_of(a.table, lf)
        >>> al = _Aligned(a.name.tokens, a.ids, b.name.tokens, b.ids, {}, {}, w)
        >>> _list_evidence_factor(al, [(0, 0, 1.0), (1, 1, 1.0)], a.table.weight, 0.3, 0.8) < 1.0
        True
    """
    _, ia, _, ib, _, _, w = al
    taken = sum(
        0.5 * (world[ia[i]] + world[ib[j]] - w[ia[i]] - w[ib[j]]) * _calibrate(s)
        for i, j, s in alignment
    )
    if taken <= 0.0:
        return 1.0
    return max(0.0, evidence) / min(floor, evidence + taken)


def _aligned_tokens(
    pa: PreparedName,
    pb: PreparedName,
    kunya_only: bool,
    freq: ListFrequency | None,
    join: bool = True,
) -> tuple[
    tuple[Token, ...],
    tuple[int, ...],
    tuple[Token, ...],
    tuple[int, ...],
    list[tuple[int, int, float]],
    list[float],
]:
    """The tokens of both names to score, their ids, their alignment and the weights.

    The tokens are the kunyas when neither name has other tokens (``kunya_only``). When
    tokens are left over on both sides, one name may write as one word what the other
    writes as two: the join (:func:`_join_split`) is tried then, and only then (and not
    at all with ``join`` False: the caller knows that neither name may join).

    Args:
        pa: The first name.
        pb: The second name (same table).
        kunya_only: Whether neither name has tokens but its kunya.
        freq: Token weights of the list the names come from (None: the table's own).
        join: Whether the join may be tried.

    Returns:
        The first name's tokens and ids, the second's, the alignment as
        ``(i, j, similarity)`` triples and the token weights (indexed by id).

    Example:
        >>> a, b = prepare("Jashn Saz"), prepare("Jashnsaz")
        >>> ta, ia, tb, ib, alignment, w = _aligned_tokens(a, b, False, None)
        >>> [t.text for t in ta], [(i, j) for i, j, _ in alignment]
        (['jashnsaz'], [(0, 0)])
    """
    table = pa.table
    w = weights_of(table, freq)
    if kunya_only:
        ta, tb, ia, ib = pa.name.kunya, pb.name.kunya, pa.kunya_ids, pb.kunya_ids
    else:
        ta, tb, ia, ib = pa.name.tokens, pb.name.tokens, pa.ids, pb.ids
    alignment = _align(table, ta, ia, tb, ib)
    if (
        join
        and len(ta) + len(tb) > 2
        and (len(alignment) < max(len(ta), len(tb)) or any(x < FULL_SIM for _, _, x in alignment))
    ):
        ja, ka = _join_split(table, ta, ia, tb, ib)
        jb, kb = _join_split(table, tb, ib, ta, ia)
        if (ka, kb) != (ia, ib):
            ta, tb, ia, ib = ja, jb, ka, kb
            alignment = _align(table, ta, ia, tb, ib)
            w = weights_of(table, freq)  # the joined tokens are new ids
    return ta, ia, tb, ib, alignment, w


def _aligned_terms(
    ta: tuple[Token, ...],
    ia: tuple[int, ...],
    tb: tuple[Token, ...],
    ib: tuple[int, ...],
    alignment: list[tuple[int, int, float]],
    w: list[float],
    pairs: list[Pair],
    notes: list[str] | None,
) -> tuple[float, float]:
    """Evidence and conflict of the aligned token pairs.

    A pair adds evidence by its agreement (:func:`_calibrate`) times its mean weight, and
    conflict by its disagreement, which costs more for a family name.

    Args:
        ta: The first name's tokens.
        ia: Their ids.
        tb: The second name's tokens.
        ib: Their ids.
        alignment: ``(i, j, similarity)`` triples.
        w: Token weights, indexed by id.
        pairs: Gets a :class:`Pair` for each aligned pair when ``notes`` is not None.
        notes: Gets a note for each partial agreement (None: no explanation).

    Returns:
        The evidence and the conflict.

    Example:
        >>> a, b = prepare("Jassim al-Mazroui"), prepare("Jassim al-Mazrouei")
        >>> alignment = [(0, 0, 1.0)]
        >>> w = weights_of(a.table, None)
        >>> _aligned_terms(a.name.tokens, a.ids, b.name.tokens, b.ids, alignment, w, [], None)[1]
        0.0
    """
    evidence = conflict = 0.0
    for i, j, s in alignment:
        x, y = ta[i], tb[j]
        wt = 0.5 * (w[ia[i]] + w[ib[j]])
        agree = _calibrate(s)
        evidence += wt * agree
        family = x.role == "family" or y.role == "family"
        cost = CONFLICT_FAMILY if family else CONFLICT_OTHER
        conflict += cost * max(CONFLICT_WEIGHT_FLOOR, wt) * (1.0 - agree)
        if notes is not None:
            if agree < 1.0:
                notes.append(f"partial: {x.text!r} ~ {y.text!r} agree {agree:.2f}")
            if s == SAME_KNOWN_NAME and x.text != y.text and same_known_name(x.text, y.text):
                notes.append(
                    f"known: {x.text!r} and {y.text!r} are one given name "
                    "(a nickname or another spelling of it)"
                )
            elif s == TYPING_SLIP and typing_slip(plain_letters(x.text), plain_letters(y.text)):
                notes.append(
                    f"slip: {x.text!r} and {y.text!r} differ by one typing slip "
                    "(one of them is an attested name spelling)"
                )
            pairs.append(Pair(x, y, s, wt))
    return evidence, conflict


class _Aligned(NamedTuple):
    """Both names' tokens to score, their ids, where each aligned token sits in the other
    name, and the token weights: what the conflict steps of :func:`_score` read."""

    ta: tuple[Token, ...]
    ia: tuple[int, ...]
    tb: tuple[Token, ...]
    ib: tuple[int, ...]
    aligned_a: dict[int, tuple[int, float]]  # position in a -> (position in b, similarity)
    aligned_b: dict[int, int]  # position in b -> position in a
    w: list[float]  # token weights, by id


def _slot_conflicts(
    al: _Aligned, conflict: float, notes: list[str] | None
) -> tuple[float, int | None, int | None, bool]:
    """Add the conflicts of unaligned family names and unaligned first given names.

    Both names have a family name and neither aligned: a family conflict. Both names have
    two tokens or more and neither first token aligned: a given-name conflict.

    Args:
        al: Both names' tokens, ids, aligned positions and weights.
        conflict: The conflict so far.
        notes: Gets a note for each conflict (None: no explanation).

    Returns:
        The conflict, the positions of the two family names when they conflict (else
        None, None), and whether the first given names conflict.

    Example:
        >>> a, b = prepare("Mohammed al-Hakimi"), prepare("Mohammed al-Karimi")
        >>> w = weights_of(a.table, None)
        >>> ta, tb = a.name.tokens, b.name.tokens
        >>> al = _Aligned(ta, a.ids, tb, b.ids, {0: (0, 1.0)}, {0: 0}, w)
        >>> _slot_conflicts(al, 0.0, None)[1:]
        (1, 1, False)
    """
    ta, ia, tb, ib, aligned_a, aligned_b, w = al
    fa = next((i for i, t in enumerate(ta) if t.role == "family"), None)
    fb = next((j for j, t in enumerate(tb) if t.role == "family"), None)
    family = fa is not None and fb is not None and fa not in aligned_a and fb not in aligned_b
    given = len(ta) >= 2 and len(tb) >= 2 and 0 not in aligned_a and 0 not in aligned_b
    if family:
        assert fa is not None and fb is not None
        conflict += CONFLICT_FAMILY * max(CONFLICT_WEIGHT_FLOOR, 0.5 * (w[ia[fa]] + w[ib[fb]]))
        if notes is not None:
            notes.append(f"conflict: family names {ta[fa].text!r} and {tb[fb].text!r} differ")
    if given:
        conflict += CONFLICT_GIVEN * max(CONFLICT_WEIGHT_FLOOR, 0.5 * (w[ia[0]] + w[ib[0]]))
        if notes is not None:
            notes.append(f"conflict: given names {ta[0].text!r} and {tb[0].text!r} differ")
    if not family:
        return conflict, None, None, given
    return conflict, fa, fb, given


def _chain_conflicts(
    al: _Aligned, conflict: float, notes: list[str] | None
) -> tuple[float, int, int]:
    """Add the conflict of a shifted nasab chain.

    A nasab is a chain: a name whose first given name aligns with the other's father or
    grandfather, the other's leading names left over, is most likely that ancestor
    (:func:`_chain_shift`). Each dropped leading name costs ``CHAIN_SHIFT`` times its
    weight.

    Args:
        al: Both names' tokens, ids, aligned positions and weights.
        conflict: The conflict so far.
        notes: Gets a note for each shifted chain (None: no explanation).

    Returns:
        The conflict and the shifts of the first and of the second name.

    Example:
        >>> a, b = prepare("Ahmad Khalid Hasan al-Najjar"), prepare("Khalid Hasan al-Najjar")
        >>> ta, tb, w = a.name.tokens, b.name.tokens, weights_of(a.table, None)
        >>> aligned_a, aligned_b = {1: (0, 1.0), 2: (1, 1.0), 3: (2, 1.0)}, {0: 1, 1: 2, 2: 3}
        >>> al = _Aligned(ta, a.ids, tb, b.ids, aligned_a, aligned_b, w)
        >>> _chain_conflicts(al, 0.0, None)[1:]
        (1, 0)
    """
    ta, ia, tb, ib, aligned_a, aligned_b, w = al
    k_b = aligned_b.get(0)  # where the second name's first token sits in the first
    k_a = aligned_a[0][0] if 0 in aligned_a else None
    shift_a = _chain_shift(ta, tb, k_b, aligned_a) if k_b else 0
    shift_b = _chain_shift(tb, ta, k_a, aligned_b) if k_a else 0
    for toks, ids, shift in ((ta, ia, shift_a), (tb, ib, shift_b)):
        if shift:
            conflict += CHAIN_SHIFT * sum(
                max(CONFLICT_WEIGHT_FLOOR, w[ids[k]]) for k in range(shift)
            )
            if notes is not None:
                dropped = " ".join(t.text for t in toks[:shift])
                notes.append(f"conflict: chain shifted by {shift}, leading {dropped!r} dropped")
    return conflict, shift_a, shift_b


def _left_over_terms(
    ta: tuple[Token, ...],
    tb: tuple[Token, ...],
    alignment: list[tuple[int, int, float]],
    spare_a: float,
    spare_b: float,
    conflict: float,
    substituted: int = 0,
) -> tuple[float, float]:
    """Add the conflict of parts left over on both sides, and the cost of missing parts.

    A part missing from one name is fine (a dropped middle name); parts left over on both
    sides are different names in the same slots, which is a conflict. When one name is
    the other's family name and nothing else (``al-Ubaidi`` for ``Sami Jassim
    al-Ubaidi``), the usual short form in news, missing parts cost less.

    Args:
        ta: The first name's tokens.
        tb: The second name's tokens.
        alignment: ``(i, j, similarity)`` triples.
        spare_a: Weight of the first name's tokens not aligned nor counted as a conflict.
        spare_b: The same for the second name.
        conflict: The conflict so far.
        substituted: How many slots both names fill with different names
            (:func:`_substituted`): their left-over parts cost ``SLOT_SUBSTITUTION``, each
            slot at least ``SLOT_CONFLICT``.

    Returns:
        The conflict and the missing cost.

    Example:
        >>> a, b = prepare("Sami Jassim al-Ubaidi"), prepare("al-Ubaidi")
        >>> _left_over_terms(a.name.tokens, b.name.tokens, [(2, 0, 1.0)], 1.0, 0.0, 0.0)
        (0.0, 0.08)
    """
    both = min(spare_a, spare_b)
    slots = min(len(ta) - len(alignment), len(tb) - len(alignment))
    cost = SLOT_SUBSTITUTION if substituted else CONFLICT_OTHER
    conflict += cost * max(both, SLOT_CONFLICT * max(slots, substituted))
    rate = MISSING
    if both == 0 and any(
        ta[i].role == "family" and tb[j].role == "family" for i, j, _ in alignment
    ):
        rate = MISSING_SHORT_FORM
    missing = 0.0
    missing += rate * (spare_a + spare_b - 2 * both)
    return conflict, missing


def _substituted(
    ta: tuple[Token, ...], tb: tuple[Token, ...], alignment: list[tuple[int, int, float]]
) -> int:
    """How many slots of the chain both names fill with different names (0 or more).

    Two aligned pairs next in order in both names with a token between them on each side
    (``Ali Hasan Omar Saleh`` / ``Ali Hasan Yusuf Saleh``): the names give one slot, a
    father or grandfather, two different names. The same when an Abd- name aligns with its
    bare part and the other name has a name of its own where the Abd stands (``Abdul Jan``
    / ``Mohammad Jan``; not an Abd- name of its own: ``Abd Ahmad`` may write ``Abdullah
    Ahmad``). That is a substitution, not a dropped part.

    Example:
        >>> ta = prepare("Ali Hasan Omar Saleh").name.tokens
        >>> _substituted(ta, ta, [(0, 0, 1.0), (3, 3, 1.0)]), _substituted(ta, ta, [(0, 0, 1.0)])
        (1, 0)
        >>> ta, tb = prepare("Abdul Kabir Abdul Jan").name.tokens, prepare("Abdul Kabir Mohammad Jan").name.tokens
        >>> _substituted(ta, tb, [(0, 0, 1.0), (1, 2, 0.8)])
        1
    """
    n = len(alignment)
    if not n or (n == len(ta) and n == len(tb)):
        return 0  # nothing aligned, or nothing left over
    pairs = sorted((i, j) for i, j, _ in alignment)
    gaps = 0
    if n > 1 and len(ta) > n and len(tb) > n:
        gaps = sum(i2 - i1 > 1 and j2 - j1 > 1 for (i1, j1), (i2, j2) in pairwise(pairs))
    aligned_a = {i for i, _ in pairs}
    aligned_b = {j for _, j in pairs}
    for i, j in pairs:
        abd_a, abd_b = _abd_form(ta[i]), _abd_form(tb[j])
        if abd_a and not abd_b and j > 0 and j - 1 not in aligned_b:
            gaps += not _abd_form(tb[j - 1])
        elif abd_b and not abd_a and i > 0 and i - 1 not in aligned_a:
            gaps += not _abd_form(ta[i - 1])
    return gaps


def _abd_form(t: Token) -> bool:
    """Whether a token is an Abd- compound (``abd jan``, ``عبد الله``)."""
    return t.text.startswith(ABD_COMPOUND_PREFIXES)


def _kunya_terms(
    pa: PreparedName,
    pb: PreparedName,
    named: bool,
    evidence: float,
    conflict: float,
    notes: list[str] | None,
) -> tuple[float, float, float]:
    """Add the kunyas' terms: weak evidence for, weaker against.

    Args:
        pa: The first name.
        pb: The second name (same table).
        named: Whether both names have tokens besides their kunyas (else a kunya's
            evidence counts twice).
        evidence: The evidence so far.
        conflict: The conflict so far.
        notes: Gets a note on the kunyas (None: no explanation).

    Returns:
        The evidence, the conflict and the kunya feature (0 unless both have a kunya).

    Example:
        >>> a, b = prepare("Abu Ahmad Salim Jabir"), prepare("Abu Ahmad Salim Jabir")
        >>> _kunya_terms(a, b, True, 0.0, 0.0, None)[1]
        0.0
    """
    if not (pa.kunya_ids and pb.kunya_ids):
        if notes is not None and not named:
            notes.append("one name is a kunya only: no evidence either way")
        return evidence, conflict, 0.0
    best = max(pa.table.similarity(x, y) for x in pa.kunya_ids for y in pb.kunya_ids)
    agree = _calibrate(best)
    kunya = KUNYA * agree
    evidence += kunya * (1.0 if named else 2.0)
    conflict += KUNYA_CONFLICT * (1.0 - agree)
    if notes is not None:
        notes.append(f"kunya agreement {agree:.2f}")
    return evidence, conflict, kunya


def _chain_shift(
    full: tuple[Token, ...],
    short: tuple[Token, ...],
    k: int,
    full_aligned: dict[int, object],
) -> int:
    """How many leading given names ``full`` has before the token that ``short``'s first
    given name aligns with (``k``, its position in ``full``: father 1, grandfather 2),
    when those leading names are left over; 0 when the chain is not shifted.

    ``Khalid Hasan al-Najjar`` against ``Ahmad Khalid Hasan al-Najjar`` is shifted by 1.
    A name of one token, or one whose first token is its family name, shifts nothing.
    """
    if len(short) < 2 or short[0].role == "family":
        return 0
    if full[k].role == "family" or any(i in full_aligned for i in range(k)):
        return 0
    keys, texts = _prefixes()
    if all(full[i].key in keys or full[i].text in texts for i in range(k)):
        # Mohammad Nawaz Sharif / Nawaz Sharif, Seyed Reza Musavi / Reza Musavi: a
        # prefixed Muhammad or an honorific written as a name is no father.
        return 0
    if not any(_arabic_naming(t) for t in (*full[: k + 1], short[0])):
        # Only Arabic naming is a chain: Marcos Arturo / Arturo is one man's two names.
        return 0
    if any(_south_asian(t) for t in (*full, *short)):
        # Nasir Ali Khan / Ali Khan: Afghan and Pakistani names carry no chain of fathers.
        return 0
    return k


@cache
def _south_asian_parts() -> frozenset[str]:
    """Compound parts that mark Afghan or Pakistani naming (the ``suffix`` rows of
    ``compounds.tsv`` but -ullah, which Arab names share: Nasrallah)."""
    allah = {normalize(c.ar) for c in compounds() if c.kind == "suffix" and c.ar == "الله"}
    forms = {
        normalize(f)
        for c in compounds()
        if c.kind == "suffix" and c.ar != "الله"
        for f in (c.ar, c.en, *c.variants_en)
    }
    return frozenset(forms - allah)


def _south_asian(t: Token) -> bool:
    """Whether a token is, or ends in, an Afghan or Pakistani compound part (Khan, Gul,
    Karimzai, Sultankhel)."""
    return _south_asian_text(t.text)


@lru_cache(maxsize=65536)
def _south_asian_text(text: str) -> bool:
    """:func:`_south_asian` of a token's text (remembered: it is asked for every token
    of many pairs)."""
    if text in _south_asian_parts():
        return True
    return any(
        len(text) >= len(p) + 3 and len(p) >= 3 and text.endswith(p) for p in _south_asian_parts()
    )


@cache
def _prefixes() -> tuple[frozenset[str], frozenset[str]]:
    """Skeletons of the given names written before a person's own (``given_prefix``),
    and the one-word honorifics of the titles table (sayyid, haji, mullah...)."""
    honorifics = frozenset(
        toks[0]
        for toks, entry in title_index().items()
        if len(toks) == 1 and entry.kind == "honorific"
    )
    return frozenset(skeleton(w) for w in word_set("given_prefix")), honorifics


@cache
def _arabic_given_keys() -> frozenset[str]:
    """Skeletons of the Arabic-origin given names (``given_names.tsv``)."""
    return frozenset(map(skeleton, given_name_words("latin")))


def _arabic_naming(t: Token) -> bool:
    """Whether a token shows Arabic naming: Arabic script, the article, a compound
    (Abd X, X al-Din) or an Arabic-origin given name."""
    return t.script == "arabic" or t.article or " " in t.text or t.key in _arabic_given_keys()


def _spare(
    toks: tuple[Token, ...],
    ids: tuple[int, ...],
    w: list[float],
    aligned: dict[int, object],
    family: int | None,
    given_conflict: bool,
    shift: int = 0,
) -> float:
    """Weight of the tokens that neither aligned nor were counted as a conflict."""
    return sum(
        w[ids[i]]
        for i in range(shift, len(toks))
        if i not in aligned and i != family and not (given_conflict and i == 0)
    )


def _spare_notes(
    toks: tuple[Token, ...],
    aligned: dict[int, object],
    family: int | None,
    given_conflict: bool,
    side: str,
    shift: int = 0,
) -> list[str]:
    return [
        f"only in {side}: {t.text!r} ({t.role})"
        for i, t in enumerate(toks)
        if i >= shift and i not in aligned and i != family and not (given_conflict and i == 0)
    ]


def _order(
    ta: tuple[Token, ...],
    tb: tuple[Token, ...],
    alignment: list[tuple[int, int, float]],
    notes: list[str] | None,
) -> float:
    """Score factor for aligned pairs in crossed order (son before father)."""
    order = 1.0
    for k, (i1, j1, _) in enumerate(alignment):
        for i2, j2, _ in alignment[k + 1 :]:
            if (i1 - i2) * (j1 - j2) < 0:
                with_family = "family" in (ta[i1].role, ta[i2].role, tb[j1].role, tb[j2].role)
                order *= ORDER_FAMILY if with_family else ORDER
                if notes is not None:
                    notes.append(
                        f"order: {ta[i1].text!r} and {ta[i2].text!r} appear in crossed order"
                    )
    return order


#: Unicode blocks whose characters are syllables or words (kana, CJK ideographs and their
#: extension A and compatibility forms, Hangul syllables): romanisation writes different
#: characters of them alike (石 and 市 are both shi), so the characters are the evidence.
_SYLLABIC_BLOCKS = (
    (0x3040, 0x30FF),
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xAC00, 0xD7AF),
    (0xF900, 0xFAFF),
)


@lru_cache(maxsize=65536)
def _syllabic(raw: str) -> str:
    """The letters of ``raw`` when every letter is of :data:`_SYLLABIC_BLOCKS`, else ``""``.

    Example:
        >>> _syllabic("王小平"), _syllabic("박민수"), _syllabic("Wang 小平")
        ('王小平', '박민수', '')
    """
    out = []
    for ch in raw:
        if ch.isalpha():
            code = ord(ch)
            if not any(lo <= code <= hi for lo, hi in _SYLLABIC_BLOCKS):
                return ""
            out.append(ch)
    return "".join(out)


def _written_cap(a: str, b: str) -> float | None:
    """The most two names written in syllables or ideographs may score: the agreement of
    their characters (:func:`_calibrate` of their edit similarity), when both are so
    written and their characters differ; else None.

    Example:
        >>> round(_written_cap("石田一郎", "市田一郎"), 2), _written_cap("王小平", "Wang Xiaoping")
        (0.67, None)
    """
    ca, cb = _syllabic(a), _syllabic(b)
    if not ca or not cb or ca == cb:
        return None
    return _calibrate(Indel.normalized_similarity(ca, cb))


def _trivial(pa: PreparedName, pb: PreparedName) -> tuple[float, str] | None:
    """The score of a pair that needs no alignment (identical, or no name tokens)."""
    if pa.norm == pb.norm and pa.norm and _written_cap(pa.raw, pb.raw) is None:
        return 1.0, "identical after normalisation"
    if not (pa.ids or pa.kunya_ids) or not (pb.ids or pb.kunya_ids):
        same = pa.norm == pb.norm and pa.raw.strip() == pb.raw.strip()
        return (1.0 if same else 0.0), "no name tokens"
    return None


def score_prepared(
    a: PreparedName,
    b: PreparedName,
    *,
    weak: bool = True,
    freq: ListFrequency | None = None,
    join: bool = True,
) -> float:
    """The person-name score of two prepared names (same table), without an explanation.

    The fast path of :func:`compare` for bulk callers: it equals
    ``compare(a, b, weak=weak, freq=freq).score``. ``freq`` gives the token weights of
    the list the two names come from (:class:`~nasab.match.weights.ListFrequency`).
    ``join=False`` is for a caller that knows neither name may join two of its tokens
    into one (``joinable`` of :func:`~nasab.match.bounds.score_bounds` False): the join
    is not tried, and the score is the same.

    Example:
        >>> a, b = prepare("Tahsin al-Jubouri"), prepare("تحسين الجبوري")
        >>> score_prepared(a, b) == compare(a, b).score
        True
    """
    if b.table is not a.table:
        b = prepare(b, a.table)
    if (b.raw, a.raw) < (a.raw, b.raw):
        a, b = b, a
    trivial = _trivial(a, b)
    score = trivial[0] if trivial is not None else _score(a, b, False, freq, join)[0]
    return score * pair_weakness(a, b, freq)[0] if weak else score


def score_conflict(
    a: str | PreparedName,
    b: str | PreparedName,
    *,
    kind: str = "person",
    freq: ListFrequency | None = None,
) -> tuple[float, float]:
    """The score of two names and their conflict feature, in one pass.

    Equals ``(m.score, m.features.get("conflict", 0.0))`` of ``m = compare(a, b,
    kind=kind, freq=freq)``, for callers that read only the conflict (such as
    resolution's cannot-links): a person pair is scored once, with its features and
    without its notes, where ``compare`` scores it and then again for the explanation.

    Example:
        >>> m = compare("Khalid al-Mazroui", "Khalid al-Shammari")
        >>> score_conflict("Khalid al-Mazroui", "Khalid al-Shammari") == (
        ...     m.score, m.features.get("conflict", 0.0))
        True
        >>> score_conflict("Nouri al-Maliki", "نوري المالكي")[1] < 0.1
        True
    """
    if kind != "person":
        m = compare(a, b, kind=kind, freq=freq)
        return m.score, m.features.get("conflict", 0.0)
    ra = a.raw if isinstance(a, PreparedName) else check_name(a, "first name")
    rb = b.raw if isinstance(b, PreparedName) else check_name(b, "second name")
    if (rb, ra) < (ra, rb):
        a, b = b, a
    pa, pb = prepare(a), prepare(b)
    factor = pair_weakness(pa, pb, freq)[0]
    trivial = _trivial(pa, pb)
    if trivial is not None:
        return trivial[0] * factor, 0.0
    score, features = _score(pa, pb, True, freq)[:2]
    return score * factor, features["conflict"]


def _weak_note(name: PreparedName, factor: float, score: float) -> str:
    return (
        f"weak name: {name.raw!r} is a single name word or a bare kunya and fits many "
        f"people; it keeps {factor:.2f} of its score ({score:.3f} -> {score * factor:.3f})"
    )


def _turned(explanation: Explanation) -> Explanation:
    """An explanation seen from the other side (each aligned pair turned)."""
    features, pairs, notes = explanation
    return features, tuple([Pair(p.b, p.a, p.similarity, p.weight) for p in pairs]), notes


def _compare_prepared(
    pa: PreparedName,
    pb: PreparedName,
    weak: bool,
    freq: ListFrequency | None = None,
    swap: bool = False,
) -> Match:
    """The Match of two prepared names in canonical order: the score now, the explanation
    (the same computation, with its notes) on first read. With ``weak``, the weakness
    factor of the pair (:mod:`.weak`) is applied and explained. ``freq``: the token
    weights of the list the names come from. With ``swap``, the Match is the one seen
    from ``pb``'s side (``Match.swapped``), made at once."""
    a, b = pa.raw, pb.raw
    factor, name = pair_weakness(pa, pb, freq) if weak else (1.0, None)
    trivial = _trivial(pa, pb)
    if trivial is not None:
        score, note = trivial
        feats = {"identical": 1.0} if note.startswith("identical") else {}
        if name is None:
            m = Match(a, b, score, feats, notes=(note,))
        else:
            m = Match(
                a,
                b,
                score * factor,
                {**feats, "weak": factor},
                notes=(note, _weak_note(name, factor, score)),
            )
        return m.swapped() if swap else m
    score = _score(pa, pb, False, freq)[0]
    if name is None:

        def explain() -> Explanation:
            return _score(pa, pb, True, freq)[1:]

    else:
        weak_name = name
        score_alone = score
        score *= factor

        def explain() -> Explanation:
            features, pairs, notes = _score(pa, pb, True, freq)[1:]
            note = _weak_note(weak_name, factor, score_alone)
            return {**features, "weak": factor}, pairs, (*notes, note)

    if swap:
        return Match.lazy(b, a, score, lambda: _turned(explain()))
    return Match.lazy(a, b, score, explain)


def compare(
    a: str | PreparedName,
    b: str | PreparedName,
    *,
    kind: str = "person",
    weak: bool = True,
    freq: ListFrequency | None = None,
) -> Match:
    """Compare two names in Arabic or Latin script.

    A *weak* person name (one name word, a bare kunya: ``Omar``, ``أبو أحمد``) against a
    full name keeps only a share of its score, by how common its word is
    (:mod:`nasab.match.weak`), and the explanation says so.

    Args:
        a: a name (titles, kunya, particles allowed), or a :class:`PreparedName`.
        b: another name.
        kind: ``person`` (default) or ``organization``.
        weak: apply the weakness factor (default); ``False`` gives the plain fit of a
            short form to a full name, for callers that decide by themselves which
            entity a short form stands for.
        freq: token weights of the list the two names come from
            (:class:`~nasab.match.weights.ListFrequency`; ``resolve`` passes its own);
            default: the world's token weights only. Organisations ignore it.

    Returns:
        A :class:`Match` whose ``score`` is in [0, 1] and symmetric in ``a`` and ``b``.

    Raises:
        InputError: a name is not a string, is empty, or is over
            :data:`nasab.text.MAX_NAME_LENGTH` characters or
            :data:`nasab.text.MAX_NAME_TOKENS` words.

    Example:
        >>> round(compare("Abdul Wahab Al-Zubeidi", "عبد الوهاب الزبيدي").score, 2) >= 0.85
        True
        >>> compare("Khalid Jassim al-Shammari", "Jassim Khalid al-Shammari").score <= 0.7
        True
        >>> m = compare("Muhammad", "Muhammad Ali")
        >>> round(m.score, 2) < 0.6 < round(compare("Muhammad", "Muhammad Ali", weak=False).score, 2)
        True
        >>> m.features["weak"] < 0.7
        True
    """
    if kind not in ("person", "organization"):
        raise InputError(f"kind must be 'person' or 'organization', got {kind!r}")
    ra = a.raw if isinstance(a, PreparedName) else check_name(a, "first name")
    rb = b.raw if isinstance(b, PreparedName) else check_name(b, "second name")
    # Canonical order makes the score exactly symmetric.
    swap = (rb, ra) < (ra, rb)
    if swap:
        a, b = b, a
    if kind == "organization":
        m = compare_orgs(rb, ra) if swap else compare_orgs(ra, rb)
    else:
        pa = prepare(a)
        return _compare_prepared(pa, prepare(b), weak, freq, swap)
    return m.swapped() if swap else m


def clear_caches() -> None:
    """Forget every name and token seen so far (the shipped tables stay loaded).

    Names prepared before are prepared again when next compared. For benchmarks on
    fresh names and for long-running processes that want their memory back.
    """
    from .weights import token_weight

    reset_default_table()
    _south_asian_text.cache_clear()
    clear_parse_caches()
    token_weight.cache_clear()
