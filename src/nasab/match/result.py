"""The result of a comparison: :class:`Match` and its aligned :class:`Pair` s.

Example:
    >>> m = Match("Ali", "Ali", 1.0, algorithm="nasab-name-v6")
    >>> float(m), m.version.startswith("nasab-name-v6+data.")
    (1.0, True)
"""

from __future__ import annotations

from dataclasses import dataclass, field

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


@dataclass(frozen=True)
class Match:
    """The result of comparing two names.

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

    a: str
    b: str
    score: float
    features: dict[str, float] = field(default_factory=dict)
    pairs: tuple[Pair, ...] = ()
    notes: tuple[str, ...] = ()
    algorithm: str = NAME_ALGORITHM
    kind: str = "person"

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
        """The algorithm id with the hash of the data tables it read (``nasab-name-v6+data.…``)."""
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
    if not value.strip():
        raise InputError(f"{what} is empty or whitespace only")
    return check_text(value, what, max_length=MAX_NAME_LENGTH, max_tokens=MAX_NAME_TOKENS)
