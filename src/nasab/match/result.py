"""The result of a comparison: :class:`Match` and its aligned :class:`Pair` s.

Example:
    >>> m = Match("Ali", "Ali", 1.0, algorithm="nasab-name-v27")
    >>> float(m), m.version.startswith("nasab-name-v27+data.")
    (1.0, True)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import FrozenInstanceError, dataclass

from .._display import name_html, table, text_html
from ..errors import InputError
from ..names.parse import Token
from ..text import MAX_NAME_LENGTH, MAX_NAME_TOKENS, check_text
from .algorithms import NAME_ALGORITHM, algorithm_version

__all__ = ["Match", "Pair", "check_name"]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two aligned tokens and what they contributed."""

    a: Token
    b: Token
    similarity: float
    weight: float


#: What an explanation is made of: (features, pairs, notes).
Explanation = tuple[dict[str, float], tuple[Pair, ...], tuple[str, ...]]

#: Names this long or shorter are within both the length and the word limits.
_SHORT = min(MAX_NAME_LENGTH, MAX_NAME_TOKENS)

_FIELDS = ("a", "b", "score", "features", "pairs", "notes", "algorithm", "kind")


class Match:
    """The result of comparing two names.

    The score is computed at once; the explanation (``features``, ``pairs``, ``notes``)
    may be given as a function (:meth:`lazy`) that runs on first read, so that callers
    that only want the score do not pay for it. Immutable, compared by its fields.

    Attributes:
        a: the first name as given.
        b: the second name as given.
        score: similarity in [0, 1]; 1 means the same name.
        features: the contribution of each feature (evidence, conflict, missing,
            order factor, kunya) to the score.
        pairs: the aligned token pairs.
        notes: human-readable findings (conflicts, missing parts, order).
        algorithm: the scoring algorithm and its version.
        kind: ``person`` or ``organization``.
    """

    __slots__ = ("_explain", "_explained", "a", "algorithm", "b", "kind", "score")

    a: str
    b: str
    score: float
    algorithm: str
    kind: str

    def __init__(
        self,
        a: str,
        b: str,
        score: float,
        features: dict[str, float] | None = None,
        pairs: tuple[Pair, ...] = (),
        notes: tuple[str, ...] = (),
        algorithm: str = NAME_ALGORITHM,
        kind: str = "person",
    ) -> None:
        _fill(self, a, b, score, algorithm, kind)
        object.__setattr__(self, "_explained", ({} if features is None else features, pairs, notes))

    @classmethod
    def lazy(
        cls,
        a: str,
        b: str,
        score: float,
        explain: Callable[[], Explanation],
        algorithm: str = NAME_ALGORITHM,
        kind: str = "person",
    ) -> Match:
        """A Match whose explanation ``explain()`` makes on first read (once).

        Example:
            >>> m = Match.lazy("Ali", "Aly", 0.9, lambda: ({"evidence": 1.0}, (), ("n",)))
            >>> m.score, m.notes, m.features
            (0.9, ('n',), {'evidence': 1.0})
        """
        m = object.__new__(cls)
        _fill(m, a, b, score, algorithm, kind)
        object.__setattr__(m, "_explain", explain)
        return m

    def _explanation(self) -> Explanation:
        got = self._explained
        if got is None:
            got = self._explain()
            object.__setattr__(self, "_explained", got)
            object.__setattr__(self, "_explain", None)
        return got

    @property
    def features(self) -> dict[str, float]:
        """The contribution of each feature to the score."""
        return self._explanation()[0]

    @property
    def pairs(self) -> tuple[Pair, ...]:
        """The aligned token pairs."""
        return self._explanation()[1]

    @property
    def notes(self) -> tuple[str, ...]:
        """Human-readable findings (conflicts, missing parts, order)."""
        return self._explanation()[2]

    def swapped(self) -> Match:
        """The same comparison seen from the other side (``b`` first; pairs turned).

        Example:
            >>> Match("Ali", "Aly", 0.9).swapped().a
            'Aly'
        """

        def explain() -> Explanation:
            turned = tuple(Pair(p.b, p.a, p.similarity, p.weight) for p in self.pairs)
            return self.features, turned, self.notes

        return Match.lazy(self.b, self.a, self.score, explain, self.algorithm, self.kind)

    def __setattr__(self, name: str, value: object) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def _values(self) -> tuple[object, ...]:
        return tuple(getattr(self, f) for f in _FIELDS)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, Match)
        return self._values() == other._values()

    __hash__ = None  # type: ignore[assignment]  # features is a dict, as before

    def __repr__(self) -> str:
        inner = ", ".join(f"{f}={getattr(self, f)!r}" for f in _FIELDS)
        return f"Match({inner})"

    def __reduce__(self) -> tuple[type[Match], tuple[object, ...]]:
        return (Match, self._values())

    def explain(self) -> str:
        """A readable account of the score: aligned parts, conflicts, features."""
        lines = [f"{self.a!r} vs {self.b!r}: score {self.score:.3f} ({self.version})"]
        for p in self.pairs:
            lines.append(
                f"  aligned {p.a.text!r} ~ {p.b.text!r} ({p.a.role}/{p.b.role}): "
                f"similarity {p.similarity:.2f}, weight {p.weight:.2f}"
            )
        lines.extend(f"  {n}" for n in self.notes)
        if self.features:
            lines.append(
                "  features: " + ", ".join(f"{k}={v:.3f}" for k, v in self.features.items())
            )
        return "\n".join(lines)

    @property
    def version(self) -> str:
        """The algorithm id with the hash of the data tables it read (``nasab-name-v27+data.…``)."""
        return algorithm_version(self.algorithm)

    def __float__(self) -> float:
        return self.score

    def _repr_html_(self) -> str:
        """Both names, the score, the aligned token pairs, notes and features (notebooks)."""
        head = (
            f"<p><b>Match</b> {name_html(self.a)} ⟷ {name_html(self.b)}: "
            f"score <b>{self.score:.3f}</b> ({text_html(self.kind)}, {text_html(self.version)})</p>"
        )
        pairs = table(
            ["token a", "token b", "parts", "similarity", "weight"],
            [
                [
                    name_html(p.a.text),
                    name_html(p.b.text),
                    text_html(f"{p.a.role} / {p.b.role}"),
                    f"{p.similarity:.2f}",
                    f"{p.weight:.2f}",
                ]
                for p in self.pairs
            ],
        )
        notes = "".join(f"<li>{text_html(n)}</li>" for n in self.notes)
        feats = ", ".join(f"{text_html(k)}={v:.3f}" for k, v in self.features.items())
        return (
            f"<div>{head}{pairs if self.pairs else ''}"
            f"{f'<ul>{notes}</ul>' if notes else ''}"
            f"{f'<p>features: {feats}</p>' if feats else ''}</div>"
        )


def check_name(value: object, what: str) -> str:
    """``value`` if it is a non-empty string, else :class:`~nasab.errors.InputError` naming ``what``."""
    if not isinstance(value, str):
        raise InputError(
            f"{what} must be a string, got {type(value).__name__ if value is not None else 'None'}"
        )
    if not value or value.isspace():
        raise InputError(f"{what} is empty or whitespace only")
    if len(value) <= _SHORT:
        return value  # within both limits
    return check_text(value, what, max_length=MAX_NAME_LENGTH, max_tokens=MAX_NAME_TOKENS)


def _fill(m: Match, a: str, b: str, score: float, algorithm: str, kind: str) -> None:
    """Set the public fields of a frozen Match, with no explanation yet (one place)."""
    init = object.__setattr__
    init(m, "a", a)
    init(m, "b", b)
    init(m, "score", score)
    init(m, "algorithm", algorithm)
    init(m, "kind", kind)
    init(m, "_explained", None)
    init(m, "_explain", None)
