"""Collects mentions and relations for one document, de-duplicating spans."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property
from typing import Any

from .model import Document, Mention, Relation

__all__ = ["Builder"]

_BUCKET = 256
_PRIORITY = {"person": 3, "organization": 2, "place": 1, "event": 1, "role": 0}


class Builder:
    """Mentions by span and relations, for one document."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.mentions: dict[tuple[int, int], Mention] = {}
        self.relations: list[Relation] = []
        self._rel_keys: set[tuple[Any, ...]] = set()
        self._buckets: dict[int, list[Mention]] = {}
        #: Ends -> starts of a statistical model's person spans: the English rules take
        #: them as a person cue (roles, titles and appositions then link to them).
        self.person_hints: dict[int, int] = {}
        #: The model's spans it reads as something other than a person (organisation,
        #: place, nationality): a name known from another document does not claim them.
        self.model_other: list[tuple[int, int]] = []

    @cached_property
    def words(self) -> frozenset[str]:
        """Every word of the document as written (maximal runs of word characters), read
        once: ``"views" in b.words`` says the document writes "views" in lower case.

        Example:
            >>> sorted(Builder(Document("d", "Opposing Views said the views differ.", "en")).words)
            ['Opposing', 'Views', 'differ', 'said', 'the', 'views']
        """
        return frozenset(re.findall(r"\w+", self.doc.text))

    def copy(self) -> Builder:
        """An independent copy: its own mentions (attributes included), relations and
        indexes; the document and the model's spans are shared (never changed).

        Example:
            >>> b = Builder(Document("d", "Rudaw said.", "en"))
            >>> m = b.mention(0, 5, "organization", (0, 11), source="x")
            >>> c = b.copy()
            >>> c.mentions[(0, 5)].attrs["source"] = "y"
            >>> m.attrs["source"], c.mentions[(0, 5)] == m, c.mentions[(0, 5)] is m
            ('x', True, False)
        """
        new = Builder(self.doc)
        copies: dict[int, Mention] = {}

        def cp(m: Mention) -> Mention:
            c = copies.get(id(m))
            if c is None:
                c = copies[id(m)] = replace(m, attrs=dict(m.attrs))
            return c

        new.mentions = {span: cp(m) for span, m in self.mentions.items()}
        new.relations = [
            replace(
                r,
                subject=cp(r.subject),
                object=None if r.object is None else cp(r.object),
                attrs=dict(r.attrs),
            )
            for r in self.relations
        ]
        new._rel_keys = set(self._rel_keys)
        new._buckets = {k: [cp(m) for m in ms] for k, ms in self._buckets.items()}
        new.person_hints = self.person_hints
        new.model_other = self.model_other
        return new

    def mention(
        self,
        start: int,
        end: int,
        kind: str,
        sentence: tuple[int, int],
        *,
        name: str | None = None,
        language: str = "en",
        replace: bool = False,
        **attrs: Any,
    ) -> Mention:
        """Add (or return the existing) mention of ``doc.text[start:end]``."""
        old = self.mentions.get((start, end))
        if old is not None and not replace:
            if _PRIORITY[kind] <= _PRIORITY[old.kind]:
                old.attrs.update({k: v for k, v in attrs.items() if k not in old.attrs})
                return old
        text = self.doc.text[start:end]
        m = Mention(
            self.doc.id, start, end, text, kind, language, sentence, name or text, dict(attrs)
        )  # type: ignore[arg-type]
        self.mentions[(start, end)] = m
        for bucket in range(start // _BUCKET, end // _BUCKET + 1):
            self._buckets.setdefault(bucket, []).append(m)
        return m

    def respan(
        self,
        old: Mention,
        start: int,
        end: int,
        absorb: tuple[Mention, ...] = (),
        *,
        name: str | None = None,
        **attrs: Any,
    ) -> Mention:
        """Move mention ``old`` to ``[start, end)`` (same kind), its relations with it;
        mentions in ``absorb`` (inside the new span) are merged into it. Its ``name`` is
        ``name`` if given, else its new text.

        Example:
            >>> b = Builder(Document("d", "قال اللواء متقاعد محمد العماني", "ar"))
            >>> m = b.mention(11, 30, "person", (0, 30), language="ar")
            >>> b.respan(m, 18, 30).text
            'محمد العماني'
        """
        text = self.doc.text[start:end]
        new = Mention(
            self.doc.id,
            start,
            end,
            text,
            old.kind,
            old.language,
            old.sentence,
            name or text,
            {**old.attrs, **attrs},
        )
        gone = (old, *absorb)
        for m in gone:
            if self.mentions.get(m.span) is m:
                del self.mentions[m.span]
        self.mentions[(start, end)] = new
        for bucket in range(start // _BUCKET, end // _BUCKET + 1):
            self._buckets.setdefault(bucket, []).append(new)
        moved = []
        for r in self.relations:
            if r.subject in gone or r.object in gone:
                r = replace(
                    r,
                    subject=new if r.subject in gone else r.subject,
                    object=new if r.object in gone else r.object,
                )
            if r.subject is not r.object:
                moved.append(r)
        self.relations = moved
        self._rel_keys = {
            (r.type, r.subject.span, r.object.span if r.object else None, r.attrs.get("role"))
            for r in moved
        }
        return new

    def model_reads_other(self, start: int, end: int) -> bool:
        """Whether a statistical model's non-person span holds [start, end).

        Example:
            >>> b = Builder(Document("d", "Saudia said.", "en"))
            >>> b.model_other = [(0, 6)]
            >>> b.model_reads_other(0, 6), b.model_reads_other(7, 11)
            (True, False)
        """
        return any(s <= start and end <= e for s, e in self.model_other)

    def replace_with(
        self,
        old: list[Mention],
        start: int,
        end: int,
        kind: str,
        sentence: tuple[int, int],
        **attrs: Any,
    ) -> Mention:
        """Drop the mentions ``old`` (and their relations) and add one over [start, end).

        Example:
            >>> b = Builder(Document("d", "Rudaw said.", "en"))
            >>> m = b.mention(0, 5, "place", (0, 11))
            >>> b.replace_with([m], 0, 5, "organization", (0, 11)).kind
            'organization'
        """
        gone = {id(m) for m in old}
        for m in old:
            if self.mentions.get(m.span) is m:
                del self.mentions[m.span]
        self.relations = [
            r for r in self.relations if id(r.subject) not in gone and id(r.object) not in gone
        ]
        return self.mention(start, end, kind, sentence, **attrs)

    def within(self, start: int, end: int) -> list[Mention]:
        """The current mentions overlapping [start, end) (any kind), by start."""
        seen: dict[tuple[int, int], Mention] = {}
        for bucket in range(start // _BUCKET, end // _BUCKET + 1):
            for m in self._buckets.get(bucket, ()):
                if m.start < end and start < m.end and self.mentions.get(m.span) is m:
                    seen[m.span] = m
        return sorted(seen.values(), key=lambda m: (m.start, m.end))

    def overlaps(
        self,
        start: int,
        end: int,
        kinds: tuple[str, ...] = ("person", "organization", "place", "event"),
    ) -> Mention | None:
        """A mention of one of ``kinds`` overlapping [start, end), if any."""
        for bucket in range(start // _BUCKET, end // _BUCKET + 1):
            for m in self._buckets.get(bucket, ()):
                if (
                    m.start < end
                    and start < m.end
                    and m.kind in kinds
                    and self.mentions.get(m.span) is m
                ):
                    return m
        return None

    def relation(
        self,
        type_: str,
        subject: Mention,
        obj: Mention | None,
        sentence: tuple[int, int],
        **attrs: Any,
    ) -> Relation | None:
        """Add a relation once (same type, subject span, object span and role)."""
        key = (type_, subject.span, obj.span if obj else None, attrs.get("role"))
        if key in self._rel_keys:
            return None
        self._rel_keys.add(key)
        rel = Relation(
            type_,  # type: ignore[arg-type]
            self.doc.id,
            subject,
            obj,
            dict(attrs),
            sentence,
            self.doc.text[sentence[0] : sentence[1]],
        )
        self.relations.append(rel)
        return rel

    def sorted_mentions(self) -> tuple[Mention, ...]:
        """Mentions in document order; overlapping mentions of lower priority dropped."""
        ms = sorted(self.mentions.values(), key=lambda m: (m.start, -(m.end - m.start)))
        keep: list[Mention] = []
        for m in ms:
            clash = None
            for k in reversed(keep[-8:]):
                if k.start < m.end and m.start < k.end and k.kind != "role" and m.kind != "role":
                    clash = k
                    break
            if clash is None:
                keep.append(m)
            elif _PRIORITY[m.kind] > _PRIORITY[clash.kind] and m.attrs.get("strong"):
                keep[keep.index(clash)] = m
        keep.sort(key=lambda m: (m.start, m.end))
        return tuple(keep)
