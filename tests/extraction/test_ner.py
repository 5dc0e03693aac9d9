"""Backend choice (auto / rules / model), the missing ``ner`` extra, and the model's
entities merged with the rules' mentions."""

from __future__ import annotations

import importlib.abc
import sys
import warnings

import pytest

from nasab import build_graph
from nasab.errors import ExtraMissingError, InputError
from nasab.extraction import Document, extract, ner

HAVE_MODEL = ner.model_available("en")
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="the ner extra is not installed")


_BLOCKED = ("spacy", "thinc", "pycrfsuite", *ner.ENGLISH_MODELS)


class _Refuse(importlib.abc.MetaPathFinder):
    """An import finder that makes spaCy and its models look absent."""

    def find_spec(self, name, path=None, target=None):  # type: ignore[no-untyped-def]
        if name.split(".")[0] in _BLOCKED:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


@pytest.fixture
def no_extra(monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """The ner extra made absent for one test (and the once-only notice reset)."""
    for name in list(sys.modules):
        if name.split(".")[0] in _BLOCKED:
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setattr(sys, "meta_path", [_Refuse(), *sys.meta_path])
    monkeypatch.setattr(ner, "_announced", set())
    ner.english_model.cache_clear()
    yield
    ner.english_model.cache_clear()


def test_rules_never_need_the_extra() -> None:
    assert ner.resolve_backend("rules") == "rules"


@pytest.mark.parametrize("backend", ["bert", "", "Rules"], ids=["unknown", "empty", "case"])
def test_unknown_backend_refused(backend: str) -> None:
    with pytest.raises(InputError, match="backend must be one of"):
        extract("Ali al-Tamimi spoke.", backend=backend)


def test_auto_falls_back_to_rules_with_one_notice(no_extra) -> None:  # type: ignore[no-untyped-def]
    assert not ner.model_available("en") and not ner.model_available("ar")
    with pytest.warns(UserWarning, match=r"nasab\[ner\]"):
        assert ner.resolve_backend("auto") == "rules"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # said once per process, not per document
        ex = extract("Prime Minister Ali al-Tamimi spoke.")
        ar = extract("قال وزير الخارجية علي التميمي")
    assert [m.text for m in ex.persons()] == ["Ali al-Tamimi"]
    assert [m.text for m in ar.persons()] == ["علي التميمي"]


@pytest.mark.parametrize("backend", ["model", "spacy"], ids=["model", "spacy"])
def test_model_without_extra_names_it(no_extra, backend: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ExtraMissingError, match=r"nasab\[ner\]") as info:
        extract("Ali al-Tamimi spoke.", backend=backend)
    assert info.value.extra == "ner"
    with pytest.raises(ExtraMissingError):
        build_graph(["Ali al-Tamimi spoke."], backend=backend)
    with pytest.raises(ExtraMissingError):
        ner.english_model()


@needs_model
def test_auto_uses_the_model_when_installed() -> None:
    assert ner.resolve_backend("auto") == "model"
    assert ner.english_model() is ner.english_model()  # loaded once
    assert ner.english_model().pipe_names == ["ner"]


@needs_model
def test_batch_entities_are_per_text() -> None:
    texts = ["Hillary Clinton spoke.", "", "The United Nations met."]
    ents = ner.english_entities(texts)
    assert len(ents) == 3 and ents[1] == ()
    assert [texts[0][s:e] for s, e, label in ents[0] if label == "PERSON"] == ["Hillary Clinton"]


# ---------------------------------------------------------------- merging (entities given)

# (text, model entities as (surface, label), persons expected, organisations expected)
MERGE_CASES = [
    (
        "Analyst Noah Rothman wrote about it.",
        [("Noah Rothman", "PERSON")],
        ["Noah Rothman"],
        [],
    ),
    (
        "Russian Foreign Minister Sergei Lavrov met them in Geneva.",
        [("Foreign Minister Sergei Lavrov", "PERSON")],
        ["Sergei Lavrov"],
        [],
    ),
    (
        "They praised Hillary Clinton's speech.",
        [("Hillary Clinton's", "PERSON")],
        ["Hillary Clinton"],
        [],
    ),
    (
        "Weapons expert Hamish de Bretton-Gordon told the paper.",
        [("Hamish de Bretton-Gordon", "PERSON")],
        ["Hamish de Bretton-Gordon"],
        [],
    ),
    (
        "Snow has covered the hills. The storm moved on.",
        [("Snow", "PERSON")],
        [],
        [],
    ),
    (
        "The tag #Lavrov trended on the site.",
        [("Lavrov", "PERSON")],
        [],
        [],
    ),
    (
        "A reporter for the Mashable site said so. Mashable denied it.",
        [("the Mashable", "ORG")],
        [],
        ["Mashable", "Mashable"],
    ),
    (
        "The reporter wrote for USA Today last year.",
        [("USA Today", "ORG")],
        [],
        ["USA Today"],
    ),
    (
        "Gold rose on the New York Mercantile Exchange on Monday.",
        [("the New York Mercantile Exchange", "ORG")],
        [],
        ["New York Mercantile Exchange"],
    ),
    (
        "The gun was used by Supporters of the Liberty Front near the town.",
        [("Supporters of the Liberty Front", "ORG")],
        [],
        ["Supporters of the Liberty Front"],
    ),
    (
        "Editing by Maria Ireland and others.",
        [("Maria Ireland", "PERSON")],
        ["Maria Ireland"],
        [],
    ),
    (
        "He played at Baghdad's Harbour Music Hall on Friday.",
        [("Baghdad's Harbour Music Hall", "ORG")],
        [],
        ["Harbour Music Hall"],
    ),
    (
        "Data from the U.S. Energy Information Administration showed it.",
        [("the U.S. Energy Information Administration", "ORG")],
        [],
        ["Energy Information Administration"],
    ),
    (
        "Soldiers of the U.S. Army left the base.",
        [("the U.S. Army", "ORG")],
        [],
        ["U.S. Army"],
    ),
    (
        "A guide to U.S. military bases was printed.",
        [("U.S. military bases", "ORG")],
        [],
        ["U.S. military bases"],
    ),
    (
        "He recorded songs titled “Overdose,” and “Dreamer.” last year.",
        [("Overdose", "PERSON"), ("Dreamer", "PERSON")],
        [],
        [],
    ),
    (
        "They called the suspect “John,” the papers said.",
        [("John", "PERSON")],
        ["John"],
        [],
    ),
    (
        "Officials of the Jordanian Council for the Study of Rivers met.",
        [("the Jordanian Council for the Study of Rivers", "ORG")],
        [],
        ["Council for the Study of Rivers"],
    ),
]


def _entities(text: str, spans: list[tuple[str, str]]) -> list[tuple[int, int, str]]:
    return [(text.index(s), text.index(s) + len(s), label) for s, label in spans]


@needs_model
@pytest.mark.parametrize(
    ("text", "spans", "persons", "orgs"),
    MERGE_CASES,
    ids=[
        "untitled",
        "role-trimmed",
        "possessive",
        "titled-widened",
        "sentence-start",
        "hashtag",
        "repeat",
        "place-inside-org",
        "places-inside-org",
        "head-org-widened",
        "place-ends-person",
        "possessive-place-owner",
        "country-abbreviation-dropped",
        "one-word-after-country-kept",
        "lower-case-after-country-kept",
        "quoted-titles-no-persons",
        "quoted-given-name-kept",
        "nationality-before-head-of",
    ],
)
def test_merge(text: str, spans, persons: list[str], orgs: list[str]) -> None:  # type: ignore[no-untyped-def]
    ex = extract(Document("d", text, "en"), backend="model", entities=_entities(text, spans))
    assert [m.text for m in ex.persons()] == persons
    assert [m.text for m in ex.organizations()] == orgs
    for m in ex.mentions:
        assert text[m.start : m.end] == m.text


@needs_model
def test_rules_keep_the_role_of_a_widened_name() -> None:
    text = "Weapons expert Hamish de Bretton-Gordon told the paper."
    ex = extract(
        Document("d", text, "en"),
        backend="model",
        entities=_entities(text, [("Hamish de Bretton-Gordon", "PERSON")]),
    )
    assert [(r.subject.text, r.attrs["role"]) for r in ex.relations if r.type == "holds_role"] == [
        ("Hamish de Bretton-Gordon", "Expert")
    ]


@needs_model
def test_surname_after_a_model_full_name() -> None:
    text = "Sergei Lavrov arrived on Monday. Lavrov said the talks went well."
    ex = extract(
        Document("d", text, "en"),
        backend="model",
        entities=_entities(text, [("Sergei Lavrov", "PERSON")]),
    )
    assert [(m.text, m.attrs.get("refers_to")) for m in ex.persons()] == [
        ("Sergei Lavrov", None),
        ("Lavrov", "Sergei Lavrov"),
    ]


@needs_model
def test_model_graph_is_deterministic_and_parallel_safe() -> None:
    docs = [
        {"id": "a", "text": "Noah Rothman wrote that Sergei Lavrov met John Kerry in Geneva."},
        {"id": "b", "text": "Lavrov and Kerry spoke again on Monday, Rothman said."},
    ] * 1
    one = build_graph(docs, backend="model").to_json()
    two = build_graph(list(reversed(docs)), backend="model", workers=2).to_json()
    assert one == two


# ---------------------------------------------------------------- references and roles

# (text, model persons given (or none: rules alone), expected (person, role, organisation, rank))
ROLE_CASES = [
    (
        "Ali al-Tamimi, the Border Guard Command's spokesman, said so.",
        None,
        [("Ali al-Tamimi", "Spokesman", "Border Guard Command", None)],
    ),
    (
        "King Mohammed VI received the delegation in Rabat.",
        None,
        [("Mohammed VI", "King", None, None)],
    ),
    (
        "The WHO's director of communications, Hassan al-Tamimi, told the paper.",
        None,
        [("Hassan al-Tamimi", "Director of Communications", "WHO", None)],
    ),
    (
        "Qatar's ambassador to the United Nations, Alya Al-Thani, spoke.",
        None,
        [("Alya Al-Thani", "Ambassador", "United Nations", None)],
    ),
    (
        "Nightly News anchor Brian Williams was suspended.",
        None,
        [("Brian Williams", "Anchor", "Nightly News", None)],
    ),
    (
        "Jen Psaki, the State Department's spokeswoman, said the embassy was closed.",
        ["Jen Psaki"],
        [("Jen Psaki", "Spokesman", "State Department", None)],
    ),
    (
        "Brigadier General Said Al-Saudi, chief of the civil defence agency, spoke.",
        ["Brigadier General Said Al-Saudi"],
        [("Said Al-Saudi", "Head", "civil defence agency", "Brigadier General")],
    ),
    (
        "Karim Haddad, the health ministry's spokesman, dismissed it.",
        ["Karim Haddad"],
        [("Karim Haddad", "Spokesman", "health ministry", None)],
    ),
    (
        "Dana Whitley, an assistant marketing manager for Zelvia Airways, was quoted.",
        ["Dana Whitley"],
        [("Dana Whitley", "assistant marketing manager", "Zelvia Airways", None)],
    ),
    (
        "Jean Dupont, press officer at the French embassy in Beirut, said so.",
        ["Jean Dupont"],
        [("Jean Dupont", "Press Officer", "French embassy in Beirut", None)],
    ),
]


@pytest.mark.parametrize(
    ("text", "persons", "want"),
    ROLE_CASES,
    ids=[
        "possessive-org-rules",
        "regnal-number-rules",
        "possessive-org-before",
        "role-to-org",
        "media-role",
        "possessive-org-model",
        "rank-model",
        "lower-case-owner",
        "job-after-name",
        "job-at-lower-case-org",
    ],
)
def test_roles(text: str, persons: list[str] | None, want) -> None:  # type: ignore[no-untyped-def]
    if persons is None:
        ex = extract(Document("d", text, "en"), backend="rules")
    elif not HAVE_MODEL:
        pytest.skip("the ner extra is not installed")
    else:
        ents = _entities(text, [(p, "PERSON") for p in persons])
        ex = extract(Document("d", text, "en"), backend="model", entities=ents)
    got = [
        (r.subject.text, r.attrs["role"], r.attrs.get("organization"), r.attrs.get("rank"))
        for r in ex.relations
        if r.type == "holds_role"
    ]
    assert got == want


def test_build_graph_defaults_to_auto(no_extra) -> None:  # type: ignore[no-untyped-def]
    with pytest.warns(UserWarning, match="rules alone"):
        g = build_graph(["Prime Minister Ali al-Tamimi spoke."])
    assert g.entity("Ali al-Tamimi")["type"] == "person"


@pytest.mark.parametrize(
    ("text", "orgs"),
    [
        ("The now-notorious al-Qaeda splinter group holds the town.", ["al-Qaeda"]),
        ("He took to Twitter to deny it.", ["Twitter"]),
        ("نشر صورة على تويتر", ["تويتر"]),
    ],
    ids=["lower-case-article", "platform-en", "platform-ar"],
)
def test_listed_organisations_on_real_text(text: str, orgs: list[str]) -> None:
    ex = extract(Document("d", text, "ar" if "ت" in text else "en"), backend="rules")
    assert [m.text for m in ex.organizations()] == orgs


@needs_model
@pytest.mark.parametrize(
    ("docs", "doc", "orgs", "persons"),
    [
        (
            [
                "Adviser Karim Al-Saudi spoke on Monday.",
                "Saudia said its staff would change. Saudia will fly daily.",
            ],
            1,
            ["Saudia", "Saudia"],
            [],
        ),
        (
            ["Militant leader Osama bin Laden died.", "They still think it was bin Laden."],
            1,
            [],
            ["bin Laden"],
        ),
    ],
    ids=["model-org-beats-known-surname", "particle-kept-in-short-form"],
)
def test_names_from_other_documents(docs, doc, orgs, persons) -> None:  # type: ignore[no-untyped-def]
    known = [m.text for m in extract(docs[1 - doc], backend="model").persons()]
    ex = extract(Document("d", docs[doc], "en"), known=known, backend="model")
    assert [m.text for m in ex.organizations()] == orgs
    assert [m.text for m in ex.persons()] == persons


@pytest.mark.parametrize(
    ("text", "known", "refs"),
    [
        (
            "He joined the Committee for the Promotion of Virtue and the Prevention of Vice.",
            ["Centers for Disease Control and Prevention"],
            [],
        ),
        ("Threats were made to the Foley family.", ["James Foley"], [("Foley", "James Foley")]),
    ],
    ids=["no-short-form-between-the-and-of", "short-form-before-a-noun"],
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_known_family_name_after_the(text: str, known: list[str], refs, backend: str) -> None:  # type: ignore[no-untyped-def]
    ex = extract(Document("d", text, "en"), known=known, backend=backend)
    assert [(m.text, m.attrs.get("refers_to")) for m in ex.persons()] == refs
