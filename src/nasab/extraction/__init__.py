"""Documents, mentions and relations, in English and Arabic, by rules (no model needed).

Read documents with :func:`read_documents`, then :func:`extract` each one: the
result holds person, organisation, role and place :class:`Mention` spans (offsets
into the document's text) and :class:`Relation` records (``holds_role``,
``alias``, ``acronym``) that the graph builder links across documents.

Example:
    >>> from nasab.extraction import extract, read_documents
    >>> doc = read_documents(["Prime Minister Ali al-Tamimi praised the Islamic Defence Council."])[0]
    >>> ex = extract(doc)
    >>> [(m.text, m.kind) for m in ex.mentions if m.kind != "role"]
    [('Ali al-Tamimi', 'person'), ('Islamic Defence Council', 'organization')]
"""

from .core import extract
from .documents import detect_language, read_documents, sentences
from .model import Document, Extraction, Mention, Relation

__all__ = [
    "Document",
    "Extraction",
    "Mention",
    "Relation",
    "detect_language",
    "extract",
    "read_documents",
    "sentences",
]
