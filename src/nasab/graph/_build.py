"""Building an :class:`~nasab.graph.EntityGraph` from documents.

The steps:

1. read the documents (texts, paths, records or :class:`~nasab.extraction.Document`)
   and put them in id order, so nothing depends on the order they were given in;
2. extract every document, then extract each again with ``known=`` the person and
   organisation names found in all documents, so that a name found in an English
   document is found in an Arabic one (and the other way round);
3. within each document, join a short form to its full name (the extractor's
   ``refers_to``, else a unique matching full name), and join the two sides of an
   ``alias`` (also known as, kunya) or ``acronym`` relation;
4. across documents, cluster persons by name comparison with constraints: an alias
   stated anywhere links its names everywhere; holding the same role is no evidence
   (two prime ministers stay two people); conflicting family names never merge; a
   bare short form joins a full-name entity only when exactly one matches; persons
   and organisations are never merged. Organisations are joined by equal names,
   stated acronyms and :func:`nasab.match.orgs.compare_orgs` (acronyms, the
   organisation table, translations);
5. write nodes (ids derived from the entity's names, so stable) and edges.
"""

from __future__ import annotations

import hashlib
import itertools
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache, lru_cache
from typing import Any

from .. import lexicon
from .._progress import Progress, progress_callback
from ..errors import InputError
from ..lexicon import kunya_markers, word_set
from ..match.algorithms import SAME_NAME_THRESHOLD
from ..resolution.unionfind import UnionFind
from ..text import detect_script, normalize
from ._model import EntityGraph

__all__ = ["build_graph"]

#: Two full names of one person across documents score at least this.
PERSON_THRESHOLD = SAME_NAME_THRESHOLD
#: A full name and a short form (or two names within a document) score at least this.
SHORT_THRESHOLD = 0.8
#: Two names of different people: any pair of names below this vetoes a merge when
#: both have a family name.
VETO_THRESHOLD = 0.5
#: Two organisation names of one organisation score at least this.
ORG_THRESHOLD = SAME_NAME_THRESHOLD
#: Two organisation names below this never end in one organisation (an acronym that
#: fits both is not enough).
ORG_VETO = 0.5
#: Above this many names a blocking key is too common to compare within.
MAX_BLOCK = 400
#: Documents extracted between two progress reports.
PROGRESS_EVERY_DOCUMENTS = 10
#: Fewer documents than this get no automatic progress bar.
PROGRESS_MIN_DOCUMENTS = 50


@cache
def _kunya_split() -> re.Pattern[str]:
    """``main`` + ``kunya``: a name followed by a kunya (``Abu Y``) of particles.tsv."""
    words = "|".join(sorted(map(re.escape, kunya_markers()), key=lambda w: (-len(w), w)))
    return re.compile(rf"^(?P<main>.*?\S)\s+(?P<kunya>(?:{words})\s+\S.*)$", re.IGNORECASE)


# ---------------------------------------------------------------------------- name facts


@dataclass(frozen=True)
class _NameInfo:
    tokens: int  # name tokens, kunya excluded
    kunya: bool
    family_key: str
    keys: tuple[str, ...]


@lru_cache(maxsize=65536)
def _person_info(name: str) -> _NameInfo:
    from ..names import parse_name

    try:
        p = parse_name(name)
    except Exception:  # a name the parser refuses is compared as a single token
        return _NameInfo(1, False, normalize(name), (normalize(name),))
    fam = p.tokens[-1].key if len(p.tokens) >= 2 else ""
    keys = tuple(t.key for t in p.tokens if t.key) + tuple("k:" + t.key for t in p.kunya if t.key)
    return _NameInfo(len(p.tokens), bool(p.kunya), fam, keys)


@lru_cache(maxsize=65536)
def _sovereign_named(name: str) -> bool:
    """A person named by a sovereign's title and a given name (``الملك خالد``, King
    Abdullah): such a name joins only the same name, never a namesake's full name."""
    from ..names import parse_name

    try:
        titles = parse_name(name).titles
    except Exception:  # an unparseable name carries no title
        return False
    sovereign = {t.casefold() for t in word_set("sovereign_title_en")}
    return any(t.casefold() in sovereign for t in titles)


@lru_cache(maxsize=262144)
def _alias_key(name: str) -> str:
    """Key under which stated aliases meet: the skeleton of a kunya, else the normalised text."""
    info = _person_info(name)
    if info.kunya and info.tokens == 0:
        return "|".join(info.keys)
    return normalize(name)


@lru_cache(maxsize=262144)
def _person_score(a: str, b: str) -> float:
    """compare() of two person names; an English nickname first ("Jim Carter") is also
    read as the formal name it stands for ("James Carter")."""
    if a == b:
        return 1.0
    if a > b:
        a, b = b, a
    return max(_compare_names(x, y) for x in _formal_forms(a) for y in _formal_forms(b))


def _compare_names(a: str, b: str) -> float:
    from ..match import compare

    try:  # the plain fit: which full name a short form stands for is decided here
        return compare(a, b, weak=False).score
    except Exception:  # unparseable pair: only identical names match
        return 1.0 if normalize(a) == normalize(b) else 0.0


def _given_forms(word: str) -> frozenset[str]:
    """A Latin given name and the formal names it is a nickname of, lower case."""
    low = word.lower()
    return frozenset({low, *lexicon.english_nicknames().get(low, ())})


def _formal_forms(name: str) -> list[str]:
    """The name, and with its first word's formal names when it is an English nickname.

    Example:
        >>> _formal_forms("Jim Carter")
        ['Jim Carter', 'James Carter']
    """
    first, _, rest = name.partition(" ")
    formal = sorted(_given_forms(first) - {first.lower()})
    return [name] + [f"{f.capitalize()} {rest}".strip() for f in formal]


def _one_given_name(a: str, b: str) -> bool:
    """Two spellings of one given name (:func:`nasab.lexicon.given_name_groups`: a shared
    Arabic spelling, one row of given_names_en.tsv, a nickname and its formal name)."""
    groups = lexicon.given_name_groups()
    return bool(groups.get(a, frozenset()) & groups.get(b, frozenset()))


def _given_clash(a: str, b: str) -> bool:
    """Two Latin full names with one family name and different given names, neither an
    initial, a prefix, a nickname or another spelling of the other (Mohammed / Mohammad,
    both محمد), nor a name particle: written so in one document, they are two people (a
    brother and a sister, a father and a son).

    Example:
        >>> _given_clash("Luke Harlow", "Lucy Harlow"), _given_clash("Jim Carter", "James Carter")
        (True, False)
        >>> _given_clash("Mohammed Salem al-Barrak", "Mohammad Salem al-Barrak")
        False
    """
    wa, wb = a.split(), b.split()
    if min(len(wa), len(wb)) < 2 or detect_script(a + " " + b) != "latin":
        return False
    ga, gb = wa[0].lower().rstrip("."), wb[0].lower().rstrip(".")
    if wa[-1].lower() != wb[-1].lower() or min(len(ga), len(gb)) < 2:
        return False
    if ga.startswith(gb) or gb.startswith(ga) or ga in _PARTICLES() or gb in _PARTICLES():
        return False
    return not (_given_forms(ga) & _given_forms(gb)) and not _one_given_name(ga, gb)


def _spelled_apart(a: str, b: str) -> bool:
    """Two Latin full names of one document that share no name word (particles and
    hyphens aside): a writer spells one person's name one way within an article, so
    "Yakoub Mustafa" and "Mohammed Yacoub Ould Moustafa" are two men.

    Example:
        >>> _spelled_apart("Yakoub Mustafa", "Mohammed Yacoub Ould Moustafa")
        True
        >>> _spelled_apart("Abdul Rahman Al Fahd", "Abdulrahman al-Fahd")
        False
    """
    wa, wb = _name_words(a), _name_words(b)
    if len(a.split()) < 2 or len(b.split()) < 2 or detect_script(a + " " + b) != "latin":
        return False
    return bool(wa) and bool(wb) and not (wa & wb)


@cache
def _prefix_keys() -> frozenset[str]:
    """Skeletons of the given names written before a person's own and often dropped
    (``given_prefix`` of words.tsv: محمد, Muhammad)."""
    from ..names import skeleton

    return frozenset(skeleton(w) for w in word_set("given_prefix"))


def _drops_prefix(longer: str, shorter: str) -> bool:
    """Whether ``shorter`` is ``longer`` without its first word, a given-name prefix
    (محمد حسني مبارك / حسني مبارك). The compare scores such a pair as one name, yet the
    same two names are also a man and his father (محمد سعيد X is Muhammad son of Said X):
    across documents the names alone cannot tell which.

    Example:
        >>> _drops_prefix("محمد سعيد الغامدي", "سعيد الغامدي")
        True
        >>> _drops_prefix("محمد سعيد الغامدي", "محمد الغامدي")
        False
    """
    kl, ks = _person_info(longer).keys, _person_info(shorter).keys
    return (
        len(ks) >= 2
        and len(kl) > len(ks)
        and kl[0] in _prefix_keys()
        and kl[0] not in ks
        and ks[0] == kl[1]
        and set(ks) <= set(kl[1:])
    )


def _name_words(name: str) -> frozenset[str]:
    words = re.split(r"[\s\-‐]+", name.lower())
    return frozenset(w.strip(".,'’") for w in words if w and w not in _PARTICLES()) - {""}


@cache
def _PARTICLES() -> frozenset[str]:
    return frozenset(w.lower() for w in word_set("name_particle_en"))


def _org_compare() -> Callable[[str, str], float]:
    from ..match.orgs import compare_orgs

    @lru_cache(maxsize=262144)
    def score(a: str, b: str) -> float:
        if a > b:
            a, b = b, a
        try:
            return compare_orgs(a, b).score
        except Exception:  # a name the organisation parser refuses
            return 0.0

    return score


def _org_keys(name: str) -> frozenset[str]:
    from ..match.orgs import org_keys

    try:
        return org_keys(name)
    except Exception:  # unparseable: block on the normalised text only
        return frozenset({normalize(name)})


def _is_acronym(name: str) -> bool:
    letters = [c for c in name if c.isalpha()]
    return 2 <= len(letters) <= 10 and all(c.isupper() for c in letters) and " " not in name.strip()


@cache
def _listed_acronyms() -> frozenset[str]:
    return frozenset(a for org in lexicon.organizations() for a in org.acronyms)


def _table_acronym(name: str) -> bool:
    """A listed acronym of an organisation that is not in capitals (``Daesh``, ``Da'ish``)."""
    return name.strip() in _listed_acronyms()


@lru_cache(maxsize=65536)
def _slug(text: str) -> str:
    from unidecode import unidecode

    base = normalize(text)
    if detect_script(text) in ("arabic", "mixed"):
        try:
            from ..translit import romanize

            base = normalize(romanize(text))
        except Exception:  # no romaniser: keep the (normalised) Arabic letters
            pass
    base = unidecode(base) if base.isascii() is False and detect_script(base) == "latin" else base
    slug = re.sub(r"[^\w]+", "-", base, flags=re.UNICODE).strip("-").lower()
    return slug or "x"


def _digest(parts: Iterable[str]) -> str:
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:8]


def _sentence_span(sentence: Any) -> list[Any]:
    """A mention's sentence as ``[start, end]`` offsets (or ``[text]``)."""
    if isinstance(sentence, (list, tuple)):
        return list(sentence)
    return [sentence]


def _sentence_text(doc_text: str, sentence: Any) -> str:
    if isinstance(sentence, str):
        return sentence
    try:
        start, end = sentence
        return doc_text[int(start) : int(end)].strip()
    except (TypeError, ValueError):
        return ""


# ---------------------------------------------------------------------------- local entities


@dataclass
class _Local:
    """Mentions of one entity within one document."""

    doc: str
    kind: str
    mentions: list[Any] = field(default_factory=list)
    names: Counter[str] = field(default_factory=Counter)
    aliases: set[str] = field(default_factory=set)
    kunyas: set[str] = field(default_factory=set)
    acronyms: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)  # English role labels held in the document
    #: Organisations' written forms other than their clean names (with the article:
    #: "The Harbor Herald" of "Harbor Herald"): names of the node, never its canonical one.
    forms: Counter[str] = field(default_factory=Counter)

    @property
    def order(self) -> tuple[str, int, int]:
        first = min(self.mentions, key=lambda m: (m.start, m.end))
        return (self.doc, first.start, first.end)

    def full_names(self) -> set[str]:
        return {n for n in self.names if _person_info(n).tokens >= 2}


def _surface(m: Any) -> str:
    return (getattr(m, "name", None) or m.text).strip()


def _with_article(surface: str, name: str) -> bool:
    """Whether ``surface`` is ``name`` with a leading English article ("The Harbor Herald"
    of "Harbor Herald"): a written form of an organisation that its name drops.

    Example:
        >>> _with_article("The Harbor Herald", "Harbor Herald"), _with_article("هلال", "الهلال")
        (True, False)
    """
    first, _, rest = surface.partition(" ")
    return rest == name and first.lower() in word_set("definite_article_en")


def _is_relative(m: Any) -> bool:
    """A person mention the text gives as someone's relative (see :func:`_short_form_scores`)."""
    attrs = getattr(m, "attrs", None)
    return isinstance(attrs, dict) and bool(attrs.get("relative"))


def _ends_with(name: str, ending: str) -> bool:
    """``name`` ends with the word(s) ``ending`` (lower case, with its leading space)."""
    return (" " + name.lower()).endswith(ending)


def _family_kunya_name(name: str, main: str, kunya: str | None) -> str:
    """The name a mention gives its node: ``main`` without the kunya, but the whole Arabic
    name when ``main`` is one given name (``إحسان أبو حليقة``: after a lone given name,
    ``أبو X`` is the family name, as the Arabic reader takes it)."""
    if kunya and detect_script(name) == "arabic" and _person_info(main).tokens == 1:
        return name
    return main


def _split_kunya(name: str) -> tuple[str, str | None]:
    """``Jassim al-X Abu Y`` -> (``Jassim al-X``, ``Abu Y``); a bare kunya -> (name, None)."""
    info = _person_info(name)
    if not info.kunya or info.tokens == 0:
        return name, None
    m = _kunya_split().match(name)
    if not m:
        return name, None
    main = m.group("main").strip(" ,;-–")
    if not main or _person_info(main).tokens == 0:
        return name, None
    return main, m.group("kunya").strip()


def _span_key(m: Any) -> tuple[int, int]:
    return (m.start, m.end)


def _local_entities(
    ex: Any,
) -> tuple[list[_Local], dict[tuple[int, int], int], list[tuple[Any, Any, Any]]]:
    """Group a document's person and organisation mentions into local entities.

    Returns the locals, a map from mention span to local index and the relations
    (type, subject, object) whose two sides could not be joined (different kinds).
    """
    grp = _Grouping(_doc_mentions(ex))
    leftovers = grp.join_stated(ex.relations)  # 1. stated aliases and acronyms
    grp.join_references()  # 2. short forms that name their full form
    grp.join_kunya_after_name(ex.doc.text)  # 3. persons: kunyas, full names, short forms
    full = grp.join_full_names()
    grp.join_short_forms(full)
    grp.join_same_names()  # 4. one name written twice in a document is one entity
    locals_, span_to_local = grp.collect(ex.doc.id)
    for rel in ex.relations:
        if rel.type != "holds_role" or _span_key(rel.subject) not in span_to_local:
            continue
        attrs = rel.attrs or {}
        obj = _surface(rel.object) if rel.object is not None else None
        role = _role_canonical(attrs.get("role") or obj, attrs.get("role_ar"))
        if role:
            locals_[span_to_local[_span_key(rel.subject)]].roles.add(role.casefold())
    return locals_, span_to_local, leftovers


def _doc_mentions(ex: Any) -> list[Any]:
    """Person and organisation mentions in text order, plus those only relations name."""
    mentions = sorted(
        (m for m in ex.mentions if m.kind in ("person", "organization") and _surface(m)),
        key=lambda m: (m.start, m.end, m.kind),
    )
    seen = {_span_key(m) for m in mentions}
    for rel in ex.relations:
        if rel.type not in ("alias", "acronym"):
            continue
        for m in (rel.subject, rel.object):
            if m is not None and m.kind in ("person", "organization") and _span_key(m) not in seen:
                seen.add(_span_key(m))
                mentions.append(m)
    return mentions


class _Grouping:
    """Mentions of one document joined step by step into local entities (union-find)."""

    def __init__(self, mentions: list[Any]) -> None:
        self.mentions = mentions
        self.index = {_span_key(m): i for i, m in enumerate(mentions)}
        self.uf = UnionFind(len(mentions))
        self.alias_names: dict[int, set[str]] = defaultdict(set)
        self.acronym_names: dict[int, set[str]] = defaultdict(set)
        self.persons = [i for i, m in enumerate(mentions) if m.kind == "person"]

    def join_stated(self, relations: Iterable[Any]) -> list[tuple[Any, Any, Any]]:
        """Join stated aliases and acronyms; return those between different kinds."""
        leftovers = []
        for rel in relations:
            if rel.type not in ("alias", "acronym") or rel.object is None:
                continue
            s, o = rel.subject, rel.object
            if _span_key(s) not in self.index or _span_key(o) not in self.index:
                continue
            i, j = self.index[_span_key(s)], self.index[_span_key(o)]
            if self.mentions[i].kind != self.mentions[j].kind:
                leftovers.append((rel.type, s, o))
                continue
            self.uf.union(i, j)
            names = self.alias_names if rel.type == "alias" else self.acronym_names
            names[i].add(_surface(s))
        return leftovers

    def join_references(self) -> None:
        """A mention whose ``refers_to`` names another joins the nearest one before it."""
        mentions = self.mentions
        by_text: dict[str, list[int]] = defaultdict(list)
        for i, m in enumerate(mentions):
            by_text[m.text.strip()].append(i)
            if _surface(m) != m.text.strip():
                by_text[_surface(m)].append(i)
        for i, m in enumerate(mentions):
            attrs = getattr(m, "attrs", None)
            ref = attrs.get("refers_to") if isinstance(attrs, dict) else None
            if not ref:
                continue
            cands = [
                j
                for j in by_text.get(str(ref).strip(), [])
                if mentions[j].kind == m.kind and j != i
            ]
            if cands:
                before = [j for j in cands if mentions[j].start <= m.start]
                self.uf.union(
                    i, max(before, key=lambda j: mentions[j].start) if before else cands[0]
                )

    def join_kunya_after_name(self, text: str) -> None:
        """A kunya written right after a full name ("X al-Y Abu Z") is its alias."""
        for prev, cur in itertools.pairwise(self.persons):
            a, b = self.mentions[prev], self.mentions[cur]
            gap = text[a.end : b.start] if 0 <= a.end <= b.start <= len(text) else "x"
            info = _person_info(_surface(b))
            if info.kunya and info.tokens == 0 and len(gap) <= 3 and not gap.strip(" ,(-–—\u060c"):
                self.uf.union(prev, cur)
                self.alias_names[prev].add(_surface(b))

    def _main_name(self, i: int) -> str:
        return _split_kunya(_surface(self.mentions[i]))[0]

    def join_full_names(self) -> list[int]:
        """Join equal or near-equal full names; return the full-name mentions."""
        full = [i for i in self.persons if _person_info(self._main_name(i)).tokens >= 2]
        for a_pos, i in enumerate(full):
            for j in full[a_pos + 1 :]:
                x, y = self._main_name(i), self._main_name(j)
                if (
                    self.uf.find(i) != self.uf.find(j)
                    and not _given_clash(x, y)
                    and not _spelled_apart(x, y)
                    and _person_score(x, y) >= PERSON_THRESHOLD
                ):
                    self.uf.union(i, j)
        return full

    def join_short_forms(self, full: list[int]) -> None:
        """A short form joins the full name it fits best (a tie: the nearest one before)."""
        uf, mentions = self.uf, self.mentions
        full_roots = sorted({uf.find(i) for i in full})
        for i in self.persons:
            if i in full or uf.find(i) in full_roots:
                continue
            name = _surface(mentions[i])
            best = self._short_form_scores(name, full)
            if not best:
                continue
            top = max(best.values())
            winners = [r for r, s in best.items() if s >= top - 1e-9]
            if len(winners) > 1:  # tie: the nearest full mention before the short form
                before = [
                    j
                    for j in full
                    if uf.find(j) in winners and mentions[j].start <= mentions[i].start
                ]
                if not before:
                    continue
                winners = [uf.find(max(before, key=lambda j: mentions[j].start))]
            uf.union(i, winners[0])

    def _short_form_scores(self, name: str, full: list[int]) -> dict[int, float]:
        """Root -> score of the full names a short form may stand for. Full names that
        end with it as written are preferred ("Abdel Bary" of "Abdel-Majed Abdel Bary",
        not of "Adel Abdel Bari"); a lone Latin given name or nickname stands for the
        one full name it opens ("Luke" of "Luke Harlow", "Jim" of "James Carter"). A full
        name the text gives as someone's relative ("his wife, Mira Danik": the mention's
        ``relative`` attribute) takes no bare family name: the person it is kin to may
        bear that name too."""
        best: dict[int, float] = {}
        ending = " " + name.lower()
        if " " not in name.strip():
            full = [
                j
                for j in full
                if not (_is_relative(self.mentions[j]) and _ends_with(self._main_name(j), ending))
            ]
        exact = [j for j in full if (" " + self._main_name(j).lower()).endswith(ending)]
        for j in exact or full:
            s = _person_score(name, self._main_name(j))
            if s >= SHORT_THRESHOLD:
                r = self.uf.find(j)
                best[r] = max(best.get(r, 0.0), s)
        if best or " " in name.strip() or detect_script(name) != "latin":
            return best
        forms = _given_forms(name)
        roots = {
            self.uf.find(j) for j in full if _given_forms(self._main_name(j).split()[0]) & forms
        }
        families = {self._main_name(j).split()[-1].lower() for j in full}
        if len(roots) == 1 and name.lower() not in families:
            best[roots.pop()] = SHORT_THRESHOLD
        return best

    def join_same_names(self) -> None:
        """One name (same kind, same normalised text) written twice is one entity."""
        first: dict[tuple[str, str], int] = {}
        for i, m in enumerate(self.mentions):
            key = (m.kind, normalize(_surface(m)))
            if key in first:
                self.uf.union(i, first[key])
            else:
                first[key] = i

    def collect(self, doc_id: str) -> tuple[list[_Local], dict[tuple[int, int], int]]:
        """The local entities in text order, and mention span -> local index."""
        mentions = self.mentions
        groups: dict[int, list[int]] = defaultdict(list)
        for i in range(len(mentions)):
            groups[self.uf.find(i)].append(i)
        locals_: list[_Local] = []
        span_to_local: dict[tuple[int, int], int] = {}
        for root in sorted(
            groups, key=lambda r: min((mentions[i].start, mentions[i].end) for i in groups[r])
        ):
            loc = self._local(doc_id, groups[root])
            for m in loc.mentions:
                span_to_local[_span_key(m)] = len(locals_)
            locals_.append(loc)
        return locals_, span_to_local

    def _local(self, doc_id: str, members: list[int]) -> _Local:
        kind = self.mentions[members[0]].kind
        loc = _Local(doc_id, kind)
        for i in members:
            m = self.mentions[i]
            loc.mentions.append(m)
            name = _surface(m)
            if kind == "person":
                main, kunya = _split_kunya(name)
                loc.names[_family_kunya_name(name, main, kunya)] += 1
                if kunya:
                    loc.names[kunya] += 1
                    loc.kunyas.add(kunya)
                    loc.aliases.add(kunya)
                elif _person_info(name).kunya and _person_info(name).tokens == 0:
                    loc.kunyas.add(name)
            else:
                loc.names[name] += 1
                if _is_acronym(name) or _table_acronym(name):
                    loc.acronyms.add(name)
                if _with_article(m.text.strip(), name):
                    loc.forms[m.text.strip()] += 1
        for i in members:
            loc.aliases.update(self.alias_names.get(i, ()))
            loc.acronyms.update(self.acronym_names.get(i, ()))
        if kind == "person":
            # A stated alias that is a kunya is both.
            loc.kunyas.update(
                a for a in loc.aliases if _person_info(a).kunya and _person_info(a).tokens == 0
            )
        return loc


# ---------------------------------------------------------------------------- cross-document


def _cluster_persons(locals_: Sequence[_Local]) -> list[int]:
    """Cluster person locals across documents; returns a cluster label per local.

    Full names join by score (best pairs first, a veto keeping apart clusters with a
    conflicting name), then by a shared stated alias; locals with short forms only join
    the one cluster they fit, and one bare name seen in several documents is one entity.
    """
    pc = _PersonClusters(locals_)
    for _, i, j in sorted(
        set(pc.name_edges() + pc.alias_edges()), key=lambda e: (-e[0], e[1], e[2])
    ):
        pc.merge(i, j)
    loose = [i for i in range(len(locals_)) if not pc.full_of[i]]
    if loose:
        attached = pc.attach_loose(loose)
        pc.merge_bare([i for i in loose if i not in attached])
    return [pc.uf.find(i) for i in range(len(locals_))]


class _PersonClusters:
    """Union-find over person locals, with each cluster's names and documents at its root."""

    def __init__(self, locals_: Sequence[_Local]) -> None:
        self.locals = locals_
        self.uf = UnionFind(len(locals_))
        self.full_of = [sorted(loc.full_names() - loc.aliases) for loc in locals_]
        self.names: dict[int, set[str]] = {i: set(f) for i, f in enumerate(self.full_of)}
        self.docs: dict[int, set[str]] = {i: {loc.doc} for i, loc in enumerate(locals_)}
        self.roles: dict[int, set[str]] = {i: set(loc.roles) for i, loc in enumerate(locals_)}

    def compatible(self, a: int, b: int) -> bool:
        """No name of one cluster conflicts with a name of the other: a low score for two
        names with a family name each, or (both from one document) different given names
        or no name word in common. A name that is the other's without its prefix given
        name (حسني مبارك / محمد حسني مبارك; also a son's and his father's name) joins it
        only when the clusters share a name or a role."""
        same_doc = len(self.docs[a] | self.docs[b]) == 1  # both read in one document only
        apart = not (self.names[a] & self.names[b] or self.roles[a] & self.roles[b])
        for x in self.names[a]:
            fx = _person_info(x).family_key
            for y in self.names[b]:
                if same_doc and (_given_clash(x, y) or _spelled_apart(x, y)):
                    return False
                if fx and _person_info(y).family_key and _person_score(x, y) < VETO_THRESHOLD:
                    return False
                if apart and (_drops_prefix(x, y) or _drops_prefix(y, x)):
                    return False
        return True

    def merge(self, i: int, j: int) -> bool:
        a, b = self.uf.find(i), self.uf.find(j)
        if a == b:
            return True
        if not self.compatible(a, b):
            return False
        r = self.uf.union(a, b)
        other = b if r == a else a
        self.names[r] = self.names[a] | self.names[b]
        self.docs[r] = self.docs[a] | self.docs[b]
        self.roles[r] = self.roles[a] | self.roles[b]
        self.names.pop(other, None)
        self.docs.pop(other, None)
        self.roles.pop(other, None)
        return True

    def _holders(self) -> dict[str, list[int]]:
        holders: dict[str, list[int]] = defaultdict(list)
        for i, names in enumerate(self.full_of):
            for name in names:
                holders[name].append(i)
        return holders

    def name_edges(self) -> list[tuple[float, int, int]]:
        """(score, i, j): holders of one full name, and full names scoring as one name
        inside a block of the family key or the first key."""
        holders = self._holders()
        blocks: dict[str, set[str]] = defaultdict(set)
        for name in holders:
            info = _person_info(name)
            if info.family_key:
                blocks["f:" + info.family_key].add(name)
            if info.keys:
                fam = info.family_key[:1] if info.family_key else ""
                blocks["g:" + info.keys[0] + "|" + fam].add(name)
        scored = {(x, y): _person_score(x, y) for x, y in _block_pairs(blocks)}
        edges = [(1.0, hs[0], j) for hs in holders.values() for j in hs[1:]]
        for (x, y), s in scored.items():
            i, j = holders[x][0], holders[y][0]
            if s >= PERSON_THRESHOLD and i != j:
                edges.append((s, min(i, j), max(i, j)))
        return edges

    def alias_edges(self) -> list[tuple[float, int, int]]:
        """A kunya or stated alias shared by two locals whose names agree (weaker bar)."""
        by_alias: dict[str, list[int]] = defaultdict(list)
        for i, loc in enumerate(self.locals):
            for a in sorted(loc.aliases | loc.kunyas):
                by_alias[_alias_key(a)].append(i)
        edges = []
        for _, hs in sorted(by_alias.items()):
            if len(hs) > MAX_BLOCK:  # an alias that common tells nothing
                continue
            for x_pos, i in enumerate(hs):
                for j in hs[x_pos + 1 :]:
                    if not self.full_of[i] or not self.full_of[j]:
                        continue
                    s = max(_person_score(x, y) for x in self.full_of[i] for y in self.full_of[j])
                    if s >= SHORT_THRESHOLD - 0.2:
                        edges.append((max(s, PERSON_THRESHOLD), min(i, j), max(i, j)))
        return edges

    def _cluster_index(
        self,
    ) -> tuple[dict[int, set[str]], dict[str, set[int]], dict[str, set[int]]]:
        """Full names per cluster, clusters per name key and clusters per alias key."""
        cluster_full: dict[int, set[str]] = defaultdict(set)
        alias_index: dict[str, set[int]] = defaultdict(set)
        for i, full in enumerate(self.full_of):
            if full:
                r = self.uf.find(i)
                cluster_full[r].update(full)
                for a in self.locals[i].aliases | self.locals[i].kunyas:
                    alias_index[_alias_key(a)].add(r)
        fam_index: dict[str, set[int]] = defaultdict(set)
        for i, full in enumerate(self.full_of):
            # a relative's name ("his wife, Mira Danik") is no name for a bare one to fit:
            # the person it is kin to may bear its family name
            kin = {_surface(m) for m in self.locals[i].mentions if _is_relative(m)}
            for name in full:
                if name not in kin:
                    for k in _person_info(name).keys:
                        fam_index[k].add(self.uf.find(i))
        return cluster_full, fam_index, alias_index

    def _doc_families(self) -> dict[str, set[str]]:
        """Family keys of the full names read in each document."""
        families: dict[str, set[str]] = defaultdict(set)
        for i, full in enumerate(self.full_of):
            for name in full:
                fam = _person_info(name).family_key
                if fam:
                    families[self.locals[i].doc].add(fam)
        return families

    def attach_loose(self, loose: list[int]) -> set[int]:
        """Locals without a full name join the one cluster their alias or name fits.

        A name the text gives only as someone's relative ("Carter's brother Paul")
        is a member of that person's family, so it joins another document's full name
        only when that name's family name is written in its own document ("his mother,
        Ruth" in a text about the Carters may be Ruth Carter; not Ruth Smith)."""
        cluster_full, fam_index, alias_index = self._cluster_index()
        families = self._doc_families()
        attached: set[int] = set()
        for i in loose:
            names = self.locals[i].names
            targets: set[int] = set()
            for name in names:
                targets |= alias_index.get(_alias_key(name), set())
            if len(targets) == 1:
                if self.merge(i, next(iter(targets))):
                    attached.add(i)
                continue
            cands: dict[int, float] = {}
            for name in names:
                if _sovereign_named(name):
                    continue  # "الملك عبدالله" is not any Abdullah with a family name
                for k in _person_info(name).keys:
                    for r in fam_index.get(k, ()):
                        s = max(_person_score(name, f) for f in cluster_full[r])
                        if s >= PERSON_THRESHOLD:
                            cands[r] = max(cands.get(r, 0.0), s)
            if cands and all(_is_relative(m) for m in self.locals[i].mentions):
                own = families.get(self.locals[i].doc, set())
                cands = {
                    r: s
                    for r, s in cands.items()
                    if any(_person_info(f).family_key in own for f in cluster_full[r])
                }
            if len(cands) == 1 and self.merge(i, next(iter(cands))):
                attached.add(i)
        return attached

    def merge_bare(self, rest: list[int]) -> None:
        """The same bare name in several documents, matching no full name: one entity
        (nothing tells its bearers apart, as with organisations of one name)."""
        bare: dict[str, int] = {}
        for i in rest:
            for name in sorted(self.locals[i].names):
                key = _alias_key(name)
                if key in bare:
                    self.merge(bare[key], i)
                else:
                    bare[key] = i


def _org_short_names(loc: _Local) -> set[str]:
    """The names of an organisation local written only as a short form of a longer
    name of the document (mentions with ``refers_to``: "the Post" after "the New York
    Post"); they join nothing across documents. A short form that is its full name
    without the full name's organisation head words (``org_head_en`` / ``org_head_ar``:
    الاتحاد after نادي الاتحاد, "Likud" after "Likud Party") is the body's own name,
    and joins as any other name.

    Example:
        >>> from types import SimpleNamespace as M
        >>> loc = _Local("d", "organization")
        >>> loc.mentions = [M(text="Harbor Post", name=None, attrs={}),
        ...                 M(text="Post", name=None, attrs={"refers_to": "Harbor Post"})]
        >>> sorted(_org_short_names(loc))
        ['Post']
        >>> loc.mentions = [M(text="نادي الاتحاد", name=None, attrs={}),
        ...                 M(text="الاتحاد", name=None, attrs={"refers_to": "نادي الاتحاد"})]
        >>> sorted(_org_short_names(loc))
        []
    """
    short, full = set(), set()
    for m in loc.mentions:
        attrs = getattr(m, "attrs", None)
        ref = attrs.get("refers_to") if isinstance(attrs, dict) else None
        if ref and not _name_without_heads(_surface(m), ref):
            short.add(_surface(m))
        else:
            full.add(_surface(m))
    return short - full


def _name_without_heads(short: str, full: str) -> bool:
    """Whether ``short`` is ``full`` with only organisation head words taken away.

    Example:
        >>> _name_without_heads("الاتحاد", "نادي الاتحاد"), _name_without_heads("Post", "New York Post")
        (True, False)
    """
    rest = normalize(full).split()
    for word in normalize(short).split():
        if word not in rest:
            return False
        rest.remove(word)
    return bool(rest) and all(w in _org_head_words() for w in rest)


@cache
def _org_head_words() -> frozenset[str]:
    """The organisation head words of both languages, normalised (``org_head_en``, ``org_head_ar``)."""
    words = (*lexicon.word_list("org_head_en"), *lexicon.word_list("org_head_ar"))
    return frozenset(normalize(w) for w in words)


def _org_holders(locals_: Sequence[_Local]) -> tuple[dict[str, list[int]], dict[str, str]]:
    """The locals holding each organisation name key (a normalised name, an acronym as
    written, or the extractor's organisation-table id behind a NUL ``table:`` prefix), and the
    first surface form of each name key. Short forms (:func:`_org_short_names`) hold none."""
    holders: dict[str, list[int]] = defaultdict(list)
    surface: dict[str, str] = {}
    for i, loc in enumerate(locals_):
        short = _org_short_names(loc)
        for name in sorted(loc.names):
            if name in short:
                continue  # "the Post" of one paper is no other paper's "Post"
            key = name if _is_acronym(name) else normalize(name)
            holders[key].append(i)
            surface.setdefault(key, name)
        for m in loc.mentions:  # the extractor's organisation-table id
            org_id = (
                (m.attrs or {}).get("org_id")
                if isinstance(getattr(m, "attrs", None), dict)
                else None
            )
            if org_id:
                holders[f"\x00table:{org_id}"].append(i)
    return holders, surface


def _scored_org_pairs(
    surface: dict[str, str], score: Callable[[str, str], float]
) -> list[tuple[float, str, str]]:
    """The pairs of name keys sharing a blocking key (:func:`_org_keys`, blocks of at most
    ``MAX_BLOCK``) that score at least ``ORG_THRESHOLD``, best first (ties by the keys)."""
    blocks: dict[str, set[str]] = defaultdict(set)
    for key, name in surface.items():
        for k in _org_keys(name):
            blocks[k].add(key)
    pairs: list[tuple[float, str, str]] = []
    for x, y in _block_pairs(blocks):
        s = score(surface[x], surface[y])
        if s >= ORG_THRESHOLD:
            pairs.append((s, x, y))
    return sorted(pairs, key=lambda p: (-p[0], p[1], p[2]))


def _block_pairs(blocks: dict[str, set[str]]) -> list[tuple[str, str]]:
    """Each pair ``(x, y)``, ``x < y``, of names sharing a block of at most ``MAX_BLOCK``,
    once, in the order of the blocks' keys and then of the names.

    Example:
        >>> _block_pairs({"k2": {"b", "a", "c"}, "k1": {"a", "b"}})
        [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    seen: dict[tuple[str, str], None] = {}
    for key in sorted(blocks):
        names = sorted(blocks[key])
        if len(names) > MAX_BLOCK:
            continue
        for x_pos, x in enumerate(names):
            for y in names[x_pos + 1 :]:
                seen.setdefault((x, y))
    return list(seen)


def _cluster_orgs(locals_: Sequence[_Local]) -> list[int]:
    """Cluster organisation locals across documents; returns a label per local."""
    n = len(locals_)
    uf = UnionFind(n)
    holders, surface = _org_holders(locals_)
    for hs in holders.values():
        for j in hs[1:]:
            uf.union(hs[0], j)
    score = _org_compare()
    surface = {k: v for k, v in surface.items() if not k.startswith("\x00")}
    # What each cluster holds, for the veto: its full names and its table ids.
    full: dict[int, set[str]] = defaultdict(set)
    tables: dict[int, set[str]] = defaultdict(set)
    docs: dict[int, set[str]] = defaultdict(set)
    for i, loc in enumerate(locals_):
        docs[uf.find(i)].add(loc.doc)
    for key, hs in holders.items():
        for i in hs:
            if key.startswith("\x00table:"):
                tables[uf.find(i)].add(key)
            elif not _is_acronym(surface[key]):
                full[uf.find(i)].add(surface[key])

    def merge(x: int, y: int, same_body: bool = False) -> None:
        a, b = uf.find(x), uf.find(y)
        if a == b:
            return
        if tables[a] and tables[b] and not tables[a] & tables[b]:
            return  # the organisation table lists them as two organisations
        # An acronym may fit two names; the names themselves must agree.
        if any(score(p, q) < ORG_VETO for p in full[a] for q in full[b]):
            return
        if docs[a] & docs[b] and not same_body:
            return  # one document names both and its reading kept them apart
        r = uf.union(a, b)
        o = b if r == a else a
        full[r] = full[a] | full[b]
        tables[r] = tables[a] | tables[b]
        docs[r] = docs[a] | docs[b]
        full.pop(o, None)
        tables.pop(o, None)
        docs.pop(o, None)

    for _, x, y in _scored_org_pairs(surface, score):
        merge(holders[x][0], holders[y][0], _same_body(surface[x], surface[y]))
    for i, j in _acronym_joins(locals_, surface, holders, uf.find):
        merge(i, j)
    for i, j in _station_joins(locals_, surface, holders, uf.find):
        merge(i, j)
    return [uf.find(i) for i in range(n)]


def _same_body(a: str, b: str) -> bool:
    """Whether one organisation name is the other with a head word of ``words.tsv``
    ``same_body_head_en`` after it, which names the same body: one document may write
    both ("Harlow Police", "Harlow Police Department").

    Example:
        >>> _same_body("Harbor Police", "Harbor Police Department")
        True
        >>> _same_body("Border Patrol", "National Border Patrol Council")
        False
    """
    short, long_ = sorted((a.split(), b.split()), key=len)
    return (
        len(long_) == len(short) + 1
        and [w.casefold() for w in long_[:-1]] == [w.casefold() for w in short]
        and long_[-1].casefold() in word_set("same_body_head_en")
    )


def _acronym_joins(
    locals_: Sequence[_Local],
    surface: dict[str, str],
    holders: dict[str, list[int]],
    find: Callable[[int], int],
) -> list[tuple[int, int]]:
    """An organisation local named only by an unlisted acronym in capitals joins the one
    cluster of another document holding a full name whose initials spell it (see
    :func:`nasab.extraction.english.acronym_spells`): "NSC" in one document, "National
    Security Council" in another; none when two clusters' names spell it.

    Example:
        >>> from types import SimpleNamespace as M
        >>> a = _Local("a", "organization"); a.names["HGC"] += 1
        >>> b = _Local("b", "organization"); b.names["Harbor Gazette Company"] += 1
        >>> surface = {"HGC": "HGC", "harbor gazette company": "Harbor Gazette Company"}
        >>> holders = {"HGC": [0], "harbor gazette company": [1]}
        >>> _acronym_joins([a, b], surface, holders, lambda i: i)
        [(0, 1)]
    """
    from ..extraction.english import acronym_spells

    listed = _listed_acronyms()
    skip = word_set("skip_initial_en")
    fulls: list[tuple[int, str]] = []
    for key, name in sorted(surface.items()):
        words = name.split()
        if len(words) >= 2 and all(w[:1].isupper() or w.lower() in skip for w in words):
            fulls.append((find(holders[key][0]), name))
    return _unique_joins(
        locals_,
        find,
        lambda name: _is_acronym(name) and name not in listed,
        lambda acr: {r for r, name in fulls if acronym_spells(name.split(), acr.lower())},
    )


def _station_joins(
    locals_: Sequence[_Local],
    surface: dict[str, str],
    holders: dict[str, list[int]],
    find: Callable[[int], int],
) -> list[tuple[int, int]]:
    """An organisation local named only by a broadcaster's call sign joins the one cluster
    of another document holding that call sign with a channel number or media words after
    it (:func:`nasab.extraction.english.station_call_sign`): "KHOU" in one document,
    "KHOU 11 News" in another; none when two clusters hold such names.

    Example:
        >>> a = _Local("a", "organization"); a.names["WXYZ"] += 1
        >>> b = _Local("b", "organization"); b.names["WXYZ 7 News"] += 1
        >>> surface = {"WXYZ": "WXYZ", "wxyz 7 news": "WXYZ 7 News"}
        >>> holders = {"WXYZ": [0], "wxyz 7 news": [1]}
        >>> _station_joins([a, b], surface, holders, lambda i: i)
        [(0, 1)]
        >>> c = _Local("c", "organization"); c.names["WXYZ 9 News"] += 1
        >>> surface["wxyz 9 news"], holders["wxyz 9 news"] = "WXYZ 9 News", [2]
        >>> _station_joins([a, b, c], surface, holders, lambda i: i)
        []
    """
    from ..extraction.english import station_call_sign

    tailed: dict[str, set[int]] = defaultdict(set)
    for key, name in surface.items():
        sign = station_call_sign(name)
        if sign is not None and sign != name:
            tailed[sign].add(find(holders[key][0]))
    return _unique_joins(
        locals_,
        find,
        lambda name: station_call_sign(name) == name,
        lambda sign: tailed.get(sign, set()),
    )


def _unique_joins(
    locals_: Sequence[_Local],
    find: Callable[[int], int],
    short: Callable[[str], bool],
    roots_of: Callable[[str], set[int]],
) -> list[tuple[int, int]]:
    """The joins of :func:`_acronym_joins` and :func:`_station_joins`: a local all of whose
    names are ``short`` joins, for each of them, the one cluster other than its own that
    ``roots_of`` gives; none when it gives two.

    Example:
        >>> a = _Local("a", "organization"); a.names["HGC"] += 1
        >>> roots = {"HGC": {1}}
        >>> _unique_joins([a], lambda i: i, str.isupper, lambda n: roots.get(n, set()))
        [(0, 1)]
        >>> roots["HGC"] = {1, 2}
        >>> _unique_joins([a], lambda i: i, str.isupper, lambda n: roots.get(n, set()))
        []
    """
    out = []
    for i, loc in enumerate(locals_):
        if not loc.names or not all(short(name) for name in loc.names):
            continue
        for name in sorted(loc.names):
            roots = roots_of(name) - {find(i)}
            if len(roots) == 1:
                out.append((i, roots.pop()))
    return out


# ---------------------------------------------------------------------------- canonical names


@lru_cache(maxsize=1)
def _org_word_table() -> tuple[dict[tuple[str, ...], str], int]:
    """Normalised Arabic org-name words and phrases (article-free) -> English."""
    table: dict[tuple[str, ...], str] = {}
    for e in lexicon.org_words():
        for form in (e.ar, *e.variants_ar):
            toks = tuple(_strip_al(t) for t in normalize(form).split())
            if toks:
                table.setdefault(toks, e.en)
    return table, max((len(k) for k in table), default=0)


def _strip_al(tok: str) -> str:
    return tok[2:] if tok.startswith("ال") and len(tok) > 3 else tok


@lru_cache(maxsize=4096)
def translate_org_name(arabic: str) -> str | None:
    """English rendering of an Arabic organisation name, word by word, or None.

    Arabic puts the head first and modifiers after it (جهاز مكافحة الإرهاب: service of
    countering terrorism), English the other way round, so the translated units are
    read in reverse. Every word must be in ``org_words.tsv``; otherwise None.

    Example:
        >>> translate_org_name("جهاز مكافحة الإرهاب"), translate_org_name("التحالف الدولي")
        ('Counter-Terrorism Service', 'International Coalition')
        >>> translate_org_name("قيادة العمليات المشتركة")
        'Joint Operations Command'
    """
    table, longest = _org_word_table()
    toks = [_strip_al(t) for t in normalize(arabic).split()]
    toks = [t[1:] if t.startswith("و") and len(t) > 3 and (t[1:],) in table else t for t in toks]
    if not toks or not table:
        return None
    units: list[str] = []
    i = 0
    while i < len(toks):
        for n in range(min(longest, len(toks) - i), 0, -1):
            en = table.get(tuple(toks[i : i + n]))
            if en:
                units.append(en)
                i += n
                break
        else:
            return None
    return " ".join(reversed(units))


def _pick(names: Counter[str], kind: str, exclude: set[str]) -> tuple[str | None, str | None]:
    """(Latin canonical, Arabic canonical): the longest, then most frequent, full form."""
    best: dict[str, tuple[Any, ...]] = {}
    out: dict[str, str | None] = {"latin": None, "arabic": None}
    for name, count in names.items():
        script = "arabic" if detect_script(name) == "arabic" else "latin"
        if kind == "person":
            info = _person_info(name)
            rank = (name not in exclude, info.tokens >= 2, info.tokens, count, len(name))
        else:
            rank = (name not in exclude, not _is_acronym(name), count, len(name))
        # Ties: the lexicographically smallest name.
        key = (*rank, [-ord(c) for c in name])
        if script not in best or key > best[script]:
            best[script] = key
            out[script] = name
    return out["latin"], out["arabic"]


@cache
def _title_table() -> dict[tuple[str, ...], str]:
    """Normalised title/role phrase (any script, any listed variant) -> English title."""
    return {k: e.en.strip() for k, e in lexicon.title_index().items()}


@cache
def _title_labels() -> frozenset[str]:
    """The English labels of the titles table's rows."""
    return frozenset(e.en.strip() for e in lexicon.titles())


def _role_canonical(role: Any, role_ar: Any) -> str | None:
    """The English name of a role: the titles table's, else the text as given.

    A role phrase that is a listed role followed by a preposition (``governor of
    Iraq``) is that role; what follows is the place or organisation, kept elsewhere.
    Words of standing in the post (``role_status_en``: freelance, suspended) are no
    part of it.

    Example:
        >>> _role_canonical("freelance photojournalist", None)
        'photojournalist'
    """
    texts = [str(t).strip() for t in (role, role_ar) if t and str(t).strip()]
    if texts and texts[0] in _title_labels():
        return texts[0]  # already a row's English label ("Emir", also a variant of Prince)
    table = _title_table()
    for text in texts:
        toks = tuple(normalize(text).split())
        en = table.get(toks)
        if en:
            return en
        for cut in range(len(toks) - 1, 0, -1):
            if toks[cut] in word_set("role_tail") and toks[:cut] in table:
                return table[toks[:cut]]
    if not texts:
        return None
    words = texts[0].split()
    lead = 0
    while lead < len(words) - 1 and words[lead].lower() in word_set("role_status_en"):
        lead += 1
    if lead:  # "freelance photojournalist": the post is the photojournalist's
        return _role_canonical(" ".join(words[lead:]), role_ar)
    return texts[0]


# ---------------------------------------------------------------------------- build


_AR_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "ك")


def _text_keys(text: str) -> frozenset[str]:
    """Skeleton keys of a text's tokens (Arabic proclitics and the article peeled off)."""
    from ..names import skeleton
    from ..text import tokenize

    keys: set[str] = set()
    for tok in set(tokenize(text)):
        forms = {tok}
        if not tok.isascii():
            forms.update(
                tok[len(p) :] for p in _AR_PREFIXES if tok.startswith(p) and len(tok) - len(p) >= 2
            )
        for form in forms:
            key = skeleton(form)
            if key:
                keys.add(key)
    return frozenset(keys)


def _name_keys(name: str) -> frozenset[str]:
    """Keys that must appear in a text for a known name to be found in it."""
    info = _person_info(name)
    if info.family_key:
        return frozenset({info.family_key})
    return frozenset(k for k in info.keys if not k.startswith("k:"))


#: Characters of text whose first readings (:class:`nasab.extraction.core.Reading`, about
#: 45 bytes a character) are kept for the second pass, which then redoes only the steps
#: that use the names known from other documents; documents past it are read again whole.
KEEP_READINGS_CHARS = 5_000_000

# (document, known names, backend, model entities, kept first reading or None, keep it)
_Job = tuple[Any, tuple[str, ...], str, Any, Any, bool]


def _extract_one(job: _Job) -> tuple[Any, Any]:
    """The extraction of a job's document, and its first reading if the job keeps it."""
    from ..extraction.core import extract, finish, read

    doc, known, backend, entities, reading, keep = job
    if reading is not None:
        return finish(reading, known), None
    if not keep:
        return extract(doc, known=known, backend=backend, entities=entities), None
    reading = read(doc, backend=backend, entities=entities)
    return finish(reading, known), reading


def _run(
    jobs: list[_Job],
    workers: int,
    progress: Progress = None,
    desc: str = "extracting",
) -> list[tuple[Any, Any]]:
    report = progress_callback(progress, desc, len(jobs), min_items=PROGRESS_MIN_DOCUMENTS)
    return _reported(_map(_extract_one, jobs, workers), len(jobs), report)


def _map(fn: Any, jobs: list[Any], workers: int) -> Iterable[Any]:
    """``fn`` over ``jobs`` in order, in ``workers`` processes (1: in this one)."""
    if workers == 1 or len(jobs) < 2 * max(workers, 1):
        return map(fn, jobs)
    import multiprocessing
    import os
    from concurrent.futures import ProcessPoolExecutor

    n = (os.cpu_count() or 1) if workers <= 0 else workers
    ctx = (
        multiprocessing.get_context("fork")
        if "fork" in multiprocessing.get_all_start_methods()
        else None
    )
    with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
        return list(pool.map(fn, jobs, chunksize=max(1, len(jobs) // (n * 4))))


#: Documents per job handed to the English model (one process each; small enough that
#: a hundred documents already keep two workers busy; nlp.pipe batches inside it).
MODEL_BATCH = 16


def _model_entities(docs: Sequence[Any], workers: int) -> list[Any]:
    """The English model's entities of every document with Latin text (None for the
    others), in batches, the model loaded once (before the workers fork)."""
    from ..extraction.ner import english_entities, english_model

    english_model()
    latin = [i for i, d in enumerate(docs) if d.language in ("en", "mixed")]
    chunks = [latin[i : i + MODEL_BATCH] for i in range(0, len(latin), MODEL_BATCH)]
    found = _map(english_entities, [[docs[i].text for i in c] for c in chunks], workers)
    out: list[Any] = [None] * len(docs)
    for chunk, ents in zip(chunks, found, strict=True):
        for i, e in zip(chunk, ents, strict=True):
            out[i] = e
    return out


def _reported(results: Iterable[Any], total: int, report: Any) -> list[Any]:
    """The results as a list, reporting ``(done, total)`` every few documents."""
    out = []
    for done, r in enumerate(results, start=1):
        out.append(r)
        if report is not None and (done % PROGRESS_EVERY_DOCUMENTS == 0 or done == total):
            report(done, total)
    return out


def _extract_all(
    docs: Sequence[Any], backend: str, two_pass: bool, workers: int = 1, progress: Progress = None
) -> list[Any]:
    """Extract every document; then re-extract those that may hold a person or
    organisation name found in another document but not in them, with ``known`` the
    names found elsewhere whose family-name key occurs in the text. With the model
    backend, the model reads each document once, in batches."""
    from ..extraction.ner import resolve_backend, uses_model

    english = uses_model("en", resolve_backend(backend), auto=backend == "auto")
    ents = _model_entities(docs, workers) if english else [None] * len(docs)
    again = two_pass and len(docs) >= 2
    jobs0: list[_Job] = []
    chars = 0
    for doc, e in zip(docs, ents, strict=True):
        chars += len(doc.text)
        jobs0.append((doc, (), backend, e, None, again and chars <= KEEP_READINGS_CHARS))
    done = _run(jobs0, workers, progress)
    first = [ex for ex, _ in done]
    readings = [r for _, r in done]
    del done
    if not again:
        return first
    found: list[set[str]] = []
    known_names: dict[str, set[int]] = defaultdict(set)
    for pos, ex in enumerate(first):
        names = set()
        for m in ex.mentions:
            if m.kind not in ("person", "organization"):
                continue
            name = _surface(m)
            names.add(normalize(name))
            if m.kind == "person" and _person_info(_split_kunya(name)[0]).tokens < 2:
                continue
            known_names[name].add(pos)
        found.append(names)
    if not known_names:
        return first
    known = sorted(known_names)
    # A name can be found in a text only if its family-name key is among the text's keys.
    by_key: dict[str, list[str]] = defaultdict(list)
    for name in known:
        for k in _name_keys(name) if _person_info(name).tokens >= 1 else ():
            by_key[k].append(name)
    jobs: list[_Job] = []
    redo: list[int] = []
    for pos, doc in enumerate(docs):
        keys = _text_keys(doc.text)
        # The names found in other documents whose family-name key is in this text.
        relevant = sorted(
            {name for k in keys & by_key.keys() for name in by_key[k] if known_names[name] - {pos}}
        )
        if any(normalize(name) not in found[pos] for name in relevant):
            jobs.append((doc, tuple(relevant), backend, ents[pos], readings[pos], False))
            redo.append(pos)
    del readings
    out = list(first)
    for pos, (ex, _) in zip(redo, _run(jobs, workers, progress, "re-reading"), strict=True):
        out[pos] = ex
    return out


def build_graph(
    documents: Any,
    *,
    backend: str = "auto",
    errors: str = "raise",
    two_pass: bool = True,
    co_occurrence: bool = True,
    workers: int = 1,
    progress: Progress = None,
) -> EntityGraph:
    """Read documents, extract entities and relations, and link them into one graph.

    Args:
        documents: one source or an iterable of them, as :func:`nasab.extraction.read_documents`
            takes them: text strings, paths (files or directories), records (mappings with
            ``id`` and ``text``) or :class:`~nasab.extraction.Document` objects.
        backend: the extraction backend: ``auto`` (default: the statistical models
            where the ``ner`` extra is installed, the rules otherwise), ``rules`` or
            ``model`` (see :func:`nasab.extract`).
        errors: ``raise`` (default) stops at the first unreadable document; ``skip``
            leaves it out and records it in ``graph.graph["problems"]`` (see
            :meth:`EntityGraph.summary`).
        two_pass: re-extract every document knowing the names found in the others.
        co_occurrence: add weighted ``co_occurs`` edges between entities named in the
            same sentence.
        workers: processes for extraction (1: none; 0 or less: one per core). The
            result does not depend on it.
        progress: a bar over the documents read: ``None`` on long inputs when output
            is a terminal or a notebook (tqdm, the ``progress`` extra), ``False`` never,
            ``True`` always, or a callable ``progress(done, total)``.

    Returns:
        The :class:`EntityGraph`. The same documents give the same graph (same node
        ids, same JSON) whatever order they are given in.

    Raises:
        InputError: ``errors`` is not ``raise`` or ``skip``, or an unknown backend.
        ExtraMissingError: ``backend="model"`` without the ``ner`` extra.
        NasabError: (``errors="raise"``) a document cannot be read.

    Example:
        >>> g = build_graph([
        ...     {"id": "en", "text": "Prime Minister Hassan al-Tamimi visited Basra."},
        ...     {"id": "ar", "text": "زار رئيس الوزراء حسن التميمي البصرة."},
        ... ])
        >>> p = g.entity("Hassan al-Tamimi")
        >>> p["documents"], "حسن التميمي" in p["names"]
        (['ar', 'en'], True)
        >>> [h["name"] for h in g.holders("Prime Minister")]
        ['Hassan al-Tamimi']
    """
    from ..extraction import read_documents

    if errors not in ("raise", "skip"):
        raise InputError(f"errors must be 'raise' or 'skip', got {errors!r}")
    problems: list[tuple[str, str]] = []
    if errors == "skip":
        docs, problems = read_documents(documents, errors="skip")
    else:
        docs = read_documents(documents, errors="raise")
    docs = sorted(docs, key=lambda d: (d.id, d.text))
    if not isinstance(workers, int) or isinstance(workers, bool):
        raise InputError(f"workers must be an integer, got {workers!r}")
    extractions = _extract_all(docs, backend, two_pass, workers, progress)
    return _assemble(docs, extractions, problems, co_occurrence=co_occurrence)


def _assemble(
    docs: Sequence[Any],
    extractions: Sequence[Any],
    problems: Sequence[tuple[str, str]],
    *,
    co_occurrence: bool,
) -> EntityGraph:
    """The graph: documents, clustered entities, roles and places, and their edges."""
    from .. import __version__

    g = EntityGraph()
    g.graph.graph.update(
        {
            "nasab_version": __version__,
            "documents": len(docs),
            "problems": [list(p) for p in problems],
        }
    )
    all_locals, span_maps = _gather_locals(extractions)
    ids, entities, local_node = _entities(all_locals)
    _add_document_nodes(g, docs)
    for node_id, (_, attrs) in sorted(zip(ids, entities, strict=True)):
        g.add_node(node_id, **attrs)
    acc = _Accumulator(g, span_maps, local_node, ids, entities)
    texts = {d.id: d.text for d in docs}
    for ex in extractions:
        members = acc.add_mentions(ex)
        acc.add_relations(ex, texts.get(ex.doc.id, ""))
        if co_occurrence:
            acc.add_co_occurrences(ex.doc.id, members)
    acc.finish()
    return g


def _gather_locals(
    extractions: Sequence[Any],
) -> tuple[list[_Local], dict[str, tuple[int, dict[tuple[int, int], int]]]]:
    """All documents' local entities, and per document (first index, span -> local index)."""
    all_locals: list[_Local] = []
    span_maps: dict[str, tuple[int, dict[tuple[int, int], int]]] = {}
    for ex in extractions:
        locals_, spans, _ = _local_entities(ex)
        span_maps[ex.doc.id] = (len(all_locals), spans)
        all_locals.extend(locals_)
    return all_locals, span_maps


def _clusters(all_locals: list[_Local]) -> dict[tuple[str, int], list[int]]:
    """Local entities grouped into entities: (kind, representative) -> member indexes."""
    persons = [i for i, loc in enumerate(all_locals) if loc.kind == "person"]
    orgs = [i for i, loc in enumerate(all_locals) if loc.kind == "organization"]
    label: dict[int, tuple[str, int]] = {}
    for lab, i in zip(_cluster_persons([all_locals[i] for i in persons]), persons, strict=True):
        label[i] = ("person", persons[lab])
    for lab, i in zip(_cluster_orgs([all_locals[i] for i in orgs]), orgs, strict=True):
        label[i] = ("organization", orgs[lab])
    clusters: dict[tuple[str, int], list[int]] = defaultdict(list)
    for i, lab in label.items():
        clusters[lab].append(i)
    return clusters


def _entities(
    all_locals: list[_Local],
) -> tuple[list[str], list[tuple[str, dict[str, Any]]], dict[int, str]]:
    """(node ids, (base id, attributes) per entity, local index -> node id)."""
    local_pos: dict[int, int] = {}
    entities: list[tuple[str, dict[str, Any]]] = []
    for (kind, _), members in _clusters(all_locals).items():
        entities.append(_entity_attrs(kind, [all_locals[i] for i in members]))
        for i in members:
            local_pos[i] = len(entities) - 1
    ids = _unique_ids(entities)
    return ids, entities, {i: ids[pos] for i, pos in local_pos.items()}


def _entity_attrs(kind: str, members: list[_Local]) -> tuple[str, dict[str, Any]]:
    """The base node id and the attributes of one entity made of local entities."""
    names: Counter[str] = Counter()
    name_docs: dict[str, set[str]] = defaultdict(set)
    aliases: set[str] = set()
    kunyas: set[str] = set()
    acronyms: set[str] = set()
    forms: Counter[str] = Counter()
    for loc in members:
        names.update(loc.names)
        for name in loc.names:
            name_docs[name].add(loc.doc)
        aliases |= loc.aliases
        kunyas |= loc.kunyas
        acronyms |= loc.acronyms
        forms.update(loc.forms)
        for form in loc.forms:
            name_docs[form].add(loc.doc)
    mention_count = sum(names.values())
    # Written forms that are no clean name are aliases: never the canonical name.
    aliases |= set(forms) - set(names)
    names.update(forms)
    latin, arabic = _pick(names, kind, aliases | kunyas | acronyms)
    translated = None
    if kind == "organization" and latin is None and arabic is not None:
        # An organisation seen only in Arabic gets an English name by translation
        # (التحالف الدولي -> International Coalition), for display and its id.
        translated = translate_org_name(arabic)
    canonical = latin or translated or arabic or sorted(names)[0]
    short = sorted(
        n
        for n in names
        if kind == "person" and _person_info(n).tokens == 1 and n not in aliases | kunyas
    )
    attrs = {
        "type": kind,
        "name": canonical,
        "name_ar": arabic,
        "canonical": {"latin": latin, "arabic": arabic},
        **({"name_en_translated": translated} if translated else {}),
        "names": sorted(names),
        "aliases": sorted(aliases | kunyas),
        "kunyas": sorted(kunyas),
        "acronyms": sorted(acronyms),
        "short_forms": short,
        "documents": sorted({loc.doc for loc in members}),
        "mention_count": mention_count,
        "name_counts": dict(sorted(names.items())),
        "name_documents": {n: sorted(d) for n, d in sorted(name_docs.items())},
    }
    return f"{kind}:{_slug(canonical)}", attrs


def _unique_ids(entities: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Node ids from base ids: a clash gets a digest of the names and documents."""
    taken: Counter[str] = Counter(base for base, _ in entities)
    ids: list[str] = []
    seen_ids: Counter[str] = Counter()
    for base, attrs in entities:
        if taken[base] > 1:
            base = f"{base}-{_digest([*attrs['names'], '|', *attrs['documents']])}"
        seen_ids[base] += 1
        ids.append(base if seen_ids[base] == 1 else f"{base}-{seen_ids[base]}")
    return ids


def _add_document_nodes(g: EntityGraph, docs: Sequence[Any]) -> None:
    for d in docs:
        first_line = next((ln.strip() for ln in d.text.splitlines() if ln.strip()), "")
        g.add_node(
            f"doc:{d.id}",
            type="document",
            name=d.id,
            names=[d.id],
            language=d.language,
            path=d.path,
            title=first_line[:120],
            documents=[d.id],
        )


def _most_common(counts: Counter[str]) -> str:
    """The most frequent key; ties go to the alphabetically first."""
    return max(counts.items(), key=lambda kv: (kv[1], [-ord(c) for c in kv[0]]))[0]


class _Accumulator:
    """Role and place nodes and the edges of a graph, collected document by document."""

    def __init__(
        self,
        g: EntityGraph,
        span_maps: dict[str, tuple[int, dict[tuple[int, int], int]]],
        local_node: dict[int, str],
        ids: list[str],
        entities: list[tuple[str, dict[str, Any]]],
    ) -> None:
        self.g = g
        self.span_maps = span_maps
        self.local_node = local_node
        self.role_nodes: dict[str, dict[str, Any]] = {}
        self.place_nodes: dict[str, dict[str, Any]] = {}
        self.edges: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.org_names: dict[str, str] = {}
        for node_id, (_, attrs) in zip(ids, entities, strict=True):
            if attrs["type"] == "organization":
                for n in attrs["names"]:
                    self.org_names.setdefault(normalize(n), node_id)

    def node_of(self, doc_id: str, m: Any) -> str | None:
        """The entity node of a person or organisation mention, if it has one."""
        if m is None or doc_id not in self.span_maps:
            return None
        offset, spans = self.span_maps[doc_id]
        i = spans.get(_span_key(m))
        return None if i is None else self.local_node.get(offset + i)

    def edge(self, u: str, v: str, key: str, etype: str, doc_id: str) -> dict[str, Any]:
        e = self.edges.get((u, v, key))
        if e is None:
            e = {"type": etype, "documents": set(), "spans": [], "sentences": []}
            self.edges[(u, v, key)] = e
        e["documents"].add(doc_id)
        return e

    def role_node(self, role: str, role_ar: str | None, surface: str | None, doc_id: str) -> str:
        rid = f"role:{_slug(role)}"
        r = self.role_nodes.setdefault(
            rid, {"names": Counter(), "documents": set(), "labels": Counter()}
        )
        r["labels"][role] += 1
        for form in (role, role_ar, surface):
            if form and str(form).strip():
                r["names"][str(form).strip()] += 1
        r["documents"].add(doc_id)
        return rid

    def place_node(self, name: str, doc_id: str) -> str:
        pid = f"place:{_slug(name)}"
        p = self.place_nodes.setdefault(pid, {"names": Counter(), "documents": set()})
        p["names"][name] += 1
        p["documents"].add(doc_id)
        return pid

    def resolve_org(self, text: Any, doc_id: str) -> str | None:
        """The organisation node a relation's organisation text names, in that document."""
        if not text or not isinstance(text, str):
            return None
        key = normalize(text)
        if key in self.org_names:
            return self.org_names[key]
        score = _org_compare()
        best: tuple[float, str] | None = None
        for name, node in sorted(self.org_names.items()):
            if doc_id not in self.g.graph.nodes[node].get("documents", []):
                continue
            s = score(text, name)
            if s >= ORG_THRESHOLD and (best is None or s > best[0]):
                best = (s, node)
        return best[1] if best else None

    def add_mentions(self, ex: Any) -> dict[Any, set[str]]:
        """``mentions`` edges of one document; returns the entity nodes of each sentence."""
        doc_id = ex.doc.id
        sentence_members: dict[Any, set[str]] = defaultdict(set)
        for m in sorted(ex.mentions, key=lambda m: (m.start, m.end, m.kind)):
            if m.kind in ("person", "organization"):
                target = self.node_of(doc_id, m)
                if target is None:
                    continue
                sentence = tuple(m.sentence) if isinstance(m.sentence, list | tuple) else m.sentence
                sentence_members[sentence].add(target)
            elif m.kind == "role":
                attrs = m.attrs or {}
                role = _role_canonical(attrs.get("role") or _surface(m), attrs.get("role_ar"))
                if not role:
                    continue
                target = self.role_node(role, attrs.get("role_ar"), _surface(m), doc_id)
            elif m.kind == "place":
                target = self.place_node(_surface(m), doc_id)
            else:
                continue
            e = self.edge(f"doc:{doc_id}", target, "mentions", "mentions", doc_id)
            e["spans"].append([m.start, m.end, m.text])
            e["sentences"].append(_sentence_span(m.sentence))
        return sentence_members

    def add_relations(self, ex: Any, text: str) -> None:
        """``holds_role``, ``member_of``, ``alias`` and ``acronym`` edges of one document."""
        doc_id = ex.doc.id
        for rel in ex.relations:
            evidence = rel.evidence or _sentence_text(text, rel.sentence)
            if rel.type == "holds_role":
                self._add_role(rel, doc_id, evidence)
            elif rel.type in ("alias", "acronym"):
                s, o = self.node_of(doc_id, rel.subject), self.node_of(doc_id, rel.object)
                if s is None or o is None or s == o:
                    continue  # the usual case: both names are in one node
                e = self.edge(s, o, rel.type, rel.type, doc_id)
                e["spans"].append([doc_id, rel.subject.start, rel.subject.end])
                e["sentences"].append({"document": doc_id, "sentence": evidence})

    def _add_role(self, rel: Any, doc_id: str, evidence: str) -> None:
        attrs = rel.attrs or {}
        person = self.node_of(doc_id, rel.subject)
        if person is None or not person.startswith("person:"):
            return
        obj_surface = _surface(rel.object) if rel.object is not None else None
        role = _role_canonical(attrs.get("role") or obj_surface, attrs.get("role_ar"))
        if not role:
            return
        rid = self.role_node(role, attrs.get("role_ar"), obj_surface, doc_id)
        org_text = attrs.get("organization")
        org = self.resolve_org(org_text, doc_id)
        e = self.edge(person, rid, f"holds_role|{org or ''}", "holds_role", doc_id)
        e.setdefault("orgs", Counter())
        e.setdefault("ranks", Counter())
        if org_text:
            e["orgs"][str(org_text)] += 1
        if attrs.get("rank"):
            e["ranks"][str(attrs["rank"])] += 1
        if attrs.get("place"):
            e.setdefault("places", set()).add(str(attrs["place"]))
        e["organization"] = org
        e["role"] = role
        e["spans"].append([doc_id, rel.subject.start, rel.subject.end])
        e["sentences"].append({"document": doc_id, "sentence": evidence})
        if org is not None:
            me = self.edge(person, org, f"member_of|{rid}", "member_of", doc_id)
            me["role"] = role
            me["spans"].append([doc_id, rel.subject.start, rel.subject.end])
            me["sentences"].append({"document": doc_id, "sentence": evidence})

    def add_co_occurrences(self, doc_id: str, sentence_members: dict[Any, set[str]]) -> None:
        """``co_occurs`` edges between the entities of each sentence."""
        for sent, members in sentence_members.items():
            ordered = sorted(members)
            for x_pos, a in enumerate(ordered):
                for b in ordered[x_pos + 1 :]:
                    e = self.edge(a, b, "co_occurs", "co_occurs", doc_id)
                    e["weight"] = e.get("weight", 0) + 1
                    e["sentences"].append([doc_id, *_sentence_span(sent)])

    def finish(self) -> None:
        """Add the role and place nodes, then every edge, in id order."""
        for rid, r in sorted(self.role_nodes.items()):
            arabic = sorted(n for n in r["names"] if detect_script(n) == "arabic")
            self.g.add_node(
                rid,
                type="role",
                name=_most_common(r["labels"]),
                name_ar=arabic[0] if arabic else None,
                names=sorted(r["names"]),
                documents=sorted(r["documents"]),
            )
        for pid, p in sorted(self.place_nodes.items()):
            name = max(
                p["names"].items(), key=lambda kv: (kv[1], len(kv[0]), [-ord(c) for c in kv[0]])
            )[0]
            self.g.add_node(
                pid,
                type="place",
                name=name,
                names=sorted(p["names"]),
                documents=sorted(p["documents"]),
            )
        for (u, v, key), e in sorted(self.edges.items()):
            self.g.graph.add_edge(u, v, key=key, **self._edge_attrs(e))

    def _edge_attrs(self, e: dict[str, Any]) -> dict[str, Any]:
        attrs: dict[str, Any] = {"type": e["type"], "documents": sorted(e["documents"])}
        if e["type"] == "mentions":
            attrs["spans"] = e["spans"]
            attrs["sentences"] = e["sentences"]
            attrs["count"] = len(e["spans"])
        elif e["type"] == "co_occurs":
            attrs["weight"] = e["weight"]
            attrs["sentences"] = sorted(e["sentences"])
        else:
            attrs["spans"] = sorted(e["spans"])
            attrs["evidence"] = sorted(e["sentences"], key=lambda s: (s["document"], s["sentence"]))
        if e["type"] == "holds_role":
            org = e.get("organization")
            orgs = e.get("orgs") or Counter()
            ranks = e.get("ranks") or Counter()
            attrs["role"] = e.get("role")
            attrs["organization"] = org
            attrs["organization_name"] = (
                self.g.graph.nodes[org]["name"] if org else (_most_common(orgs) if orgs else None)
            )
            attrs["organization_names"] = sorted(orgs)
            attrs["places"] = sorted(e.get("places", ()))
            attrs["rank"] = _most_common(ranks) if ranks else None
        elif e["type"] == "member_of":
            attrs["role"] = e.get("role")
        return attrs
