"""The records extraction produces: documents, mentions, relations.

Example:
    >>> doc = Document("d1", "Prime Minister Ali al-Tamimi spoke.", "en")
    >>> m = Mention("d1", 15, 28, "Ali al-Tamimi", "person", "en", (0, 35), "Ali al-Tamimi")
    >>> doc.text[m.start : m.end] == m.text
    True
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

__all__ = ["Document", "Extraction", "Mention", "Relation"]

Language = Literal["en", "ar", "mixed"]
MentionKind = Literal["person", "organization", "role", "place", "event"]
RelationType = Literal["holds_role", "alias", "acronym"]


@dataclass(frozen=True)
class Document:
    """One document.

    Attributes:
        id: document id (a file's stem, a record's ``id``, or ``doc<N>`` for strings).
        text: the full text, exactly as read (offsets of mentions index into it).
        language: ``en``, ``ar`` or ``mixed``, from the share of Latin and Arabic letters.
        path: the file it was read from, if any.

    Example:
        >>> Document("a", "نص", "ar").language
        'ar'
    """

    id: str
    text: str
    language: Language
    path: str | None = None

    def __repr__(self) -> str:
        return f"Document(id={self.id!r}, language={self.language!r}, chars={len(self.text)}, path={self.path!r})"


@dataclass(frozen=True)
class Mention:
    """A span of a document naming a person, organisation, role or place.

    Attributes:
        doc_id: id of the document.
        start: character offset of the first character.
        end: character offset after the last character (``doc.text[start:end] == text``).
        text: the surface exactly as in the document (possessive and Arabic proclitics
            outside the span).
        kind: ``person``, ``organization``, ``role``, ``place`` or ``event`` (a
            conference, summit or forum: named, but no organisation; the graph skips it).
        language: ``en`` or ``ar`` (script of the surface).
        sentence: (start, end) offsets of the sentence holding the mention.
        name: the clean name (titles and ranks are never inside the span; a leading
            ``the`` is dropped from organisations). A sovereign named by title and one
            given name keeps the title in its name, not in its span (``الملك خالد``: the
            span is ``خالد``): the title is how the person is named.
        attrs: extra facts: ``titles``, ``rank``, ``role``, ``refers_to`` (for a short
            form: the full-name mention's text), ``source`` (which rule found it), ...

    Example:
        >>> Mention("d", 0, 3, "ISIS", "organization", "en", (0, 10), "ISIS").kind
        'organization'
    """

    doc_id: str
    start: int
    end: int
    text: str
    kind: MentionKind
    language: str
    sentence: tuple[int, int]
    name: str
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def span(self) -> tuple[int, int]:
        """(start, end) offsets."""
        return (self.start, self.end)


@dataclass(frozen=True)
class Relation:
    """A relation stated in one sentence.

    Attributes:
        type: ``holds_role`` (subject holds the role; ``object`` is the role mention),
            ``alias`` (subject is also called object) or ``acronym`` (subject is an
            acronym of object).
        doc_id: id of the document.
        subject: the person (holds_role), the alias or the acronym mention.
        object: the role mention, the named entity, or None.
        attrs: ``role`` (canonical English role), ``role_ar``, ``organization`` (text of
            the organisation the role is held in), ``rank``, ``place``, ``rule``.
        sentence: (start, end) offsets of the sentence.
        evidence: the sentence text.
    """

    type: RelationType
    doc_id: str
    subject: Mention
    object: Mention | None
    attrs: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)
    sentence: tuple[int, int] = (0, 0)
    evidence: str = ""


@dataclass(frozen=True)
class Extraction:
    """Everything extracted from one document.

    Attributes:
        doc: the document.
        mentions: mentions in document order.
        relations: relations in document order.
    """

    doc: Document
    mentions: tuple[Mention, ...]
    relations: tuple[Relation, ...]

    def by_kind(self, kind: str) -> list[Mention]:
        """Mentions of one kind.

        Example:
            >>> Extraction(Document("d", "x", "en"), (), ()).by_kind("person")
            []
        """
        return [m for m in self.mentions if m.kind == kind]

    def persons(self) -> list[Mention]:
        """Person mentions."""
        return self.by_kind("person")

    def organizations(self) -> list[Mention]:
        """Organisation mentions."""
        return self.by_kind("organization")
