"""Tests of outlets named by a media cue or by their shape (nasab.extraction.media)."""

from __future__ import annotations

import pytest

from nasab.extraction import Document, extract

CASES = [
    ("en-agency-after", "Zelvia news agency reported the attack.", ["Zelvia"]),
    ("en-cue-before", "The news website Qorvan said so. Qorvan added more.", ["Qorvan", "Qorvan"]),
    ("en-possessive-owner", "Baghdad's Al-Nahar newspaper said so.", ["Al-Nahar"]),
    ("en-article-joined", "It was reported by the al-Fajri news website on Monday.", ["al-Fajri"]),
    ("en-demonym", "The Iraqi newspaper said so.", []),
    ("en-known-place", "A Baghdad newspaper said so.", []),
    ("en-function-word", "The newspaper said so.", []),
    (
        "en-station-call-sign",
        "He spoke to local television station WQRV. In an interview with WQRV, he added more.",
        ["WQRV", "WQRV"],
    ),
    ("en-news-source", "Torvald Brannik told Texas news source KLMT on Monday.", ["KLMT"]),
    ("en-radio-station", "The radio station Talvi FM said so.", ["Talvi FM"]),
]


@pytest.mark.parametrize(("text", "orgs"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_media_cues(text: str, orgs: list[str]) -> None:
    ex = extract(Document("d", text, "en"), backend="rules")
    assert [m.text for m in ex.organizations()] == orgs


SHAPES = [
    ("en-media-head", "Qorvan Media reported the attack on Monday.", ["Qorvan Media"]),
    ("en-news-head-leading-article", "The Zelvia Times said so.", ["Zelvia Times"]),
    ("en-domain", "The story was first told by Talvi.com on Monday.", ["Talvi.com"]),
    (
        "en-domain-country",
        "Miravo.com.au and Reporters.DZ quoted him.",
        ["Miravo.com.au", "Reporters.DZ"],
    ),
    ("en-online-head", "He told Harlow Bay Online on Monday.", ["Harlow Bay Online"]),
    ("en-round-the-clock", "Make sure they are apart, Qorvan247 reports.", ["Qorvan247"]),
    (
        "en-repeated",
        "Qorvan Media said so. Later Qorvan Media added more.",
        ["Qorvan Media", "Qorvan Media"],
    ),
    ("en-url-no-outlet", "See https://www.talvi.com/x or write to desk@Talvi.com today.", []),
    ("en-lower-case-domain", "The photo is courtesy of talvi.com here.", []),
    ("en-abbreviation-no-domain", "He met U.S. officials in St.Louis on Monday.", []),
    ("en-known-place-head", "He flew to Lakeshire.", []),
]


@pytest.mark.parametrize(("text", "orgs"), [c[1:] for c in SHAPES], ids=[c[0] for c in SHAPES])
def test_outlet_shapes(text: str, orgs: list[str]) -> None:
    ex = extract(Document("d", text, "en"), backend="rules")
    assert [m.text for m in ex.organizations()] == orgs


def test_outlet_shape_wins_over_a_model_person() -> None:
    from nasab.extraction import Document as Doc
    from nasab.extraction._builder import Builder
    from nasab.extraction._lex import lexicon
    from nasab.extraction.media import outlet_shapes

    text = "Members wrote on the Al Qorvan Media forum."
    b = Builder(Doc("d", text, "en"))
    b.mention(21, 36, "person", (0, len(text)), source="model")
    outlet_shapes(b, [(0, len(text))], lexicon())
    assert [(m.text, m.kind) for m in b.sorted_mentions()] == [("Al Qorvan Media", "organization")]


LISTED_OUTLETS = [
    # (id, text, organisations with the rules alone): outlets.tsv names with no cue word
    ("en-told-outlet", "An anonymous source told MailOnline on Monday.", ["MailOnline"]),
    ("en-outlet-with-the", "He told The Independent: “It is over.”", ["The Independent"]),
    (
        "en-outlet-alias",
        "One official told the Free Beacon that planes were missing.",
        ["Free Beacon"],
    ),
    (
        "en-platforms",
        "The ban on Vimeo, Github and Imgur was lifted.",
        ["Vimeo", "Github", "Imgur"],
    ),
    ("en-acronym", "The agency VOA said so.", ["VOA"]),
    # a listed outlet followed by another capitalised word is part of a longer name
    (
        "en-runs-on",
        "The Independent Electoral Commission met.",
        ["Independent Electoral Commission"],
    ),
    ("en-runs-on-guard", "The National Guard was deployed.", ["National Guard"]),
    ("en-lower-case-word", "It is an independent report.", []),
    # a listed outlet written as a domain is the domain (the shape rule)
    ("en-listed-as-domain", "It was first told by Jalopnik.com on Monday.", ["Jalopnik.com"]),
]


@pytest.mark.parametrize(
    ("text", "orgs"), [c[1:] for c in LISTED_OUTLETS], ids=[c[0] for c in LISTED_OUTLETS]
)
def test_listed_outlets_without_a_cue(text: str, orgs: list[str]) -> None:
    ex = extract(Document("d", text, "en"), backend="rules")
    assert [m.text for m in ex.organizations()] == orgs


GROUPS = [
    # (id, text, organisations expected, forms that must not be read as one)
    (
        "en-the-name-group",
        "Jets went missing after the Dawn of Qarth group took the airport.",
        ["Dawn of Qarth"],
        ["Dawn"],
    ),
    (
        "en-name-an-organization",
        "“Dawn of Qarth, an organization of armed men, took it. Dawn of Qarth left.",
        ["Dawn of Qarth", "Dawn of Qarth"],
        [],
    ),
    (
        "en-militia-called",
        "Members of a militia called the Masked Wolves left the town.",
        ["Masked Wolves"],
        [],
    ),
    (
        "en-one-of-the-groups",
        "The report blames Qarthi Dawn, one of the armed groups there, for it.",
        ["Qarthi Dawn"],
        [],
    ),
    ("en-adjective-only", "The Sunni militia group left the town.", [], ["Sunni"]),
    ("en-hyphenated-suffix", "Later the Qarth-led coalition came to the town.", [], ["Qarth-led"]),
    (
        "en-clause-no-apposition",
        "According to the Harbor Research and Policy Consortium, the group is new.",
        [],
        ["Policy Consortium"],
    ),
]


@pytest.mark.parametrize(
    ("text", "want", "not_want"), [c[1:] for c in GROUPS], ids=[c[0] for c in GROUPS]
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_groups_named_by_a_cue(text: str, want: list, not_want: list, backend: str) -> None:
    got = [m.text for m in extract(Document("d", text, "en"), backend=backend).organizations()]
    assert [g for g in got if g in want] == want
    assert not [g for g in got if g in not_want]


REPORTS = [
    # (id, text, organisations wanted (name), names that must not be organisations):
    # the article, a name and a verb of publishing (words.tsv report_verb_en)
    (
        "en-the-x-reported",
        "Over the week the city fell. The Qorvan reported that it fell.",
        ["Qorvan"],
        [],
    ),
    (
        "en-as-the-x-has-previously-reported",
        "As The Qorvan has previously reported, the talks failed.",
        ["Qorvan"],
        [],
    ),
    (
        "en-two-words",
        "The Talvi Ledger wrote on Monday that the talks failed.",
        ["Talvi Ledger"],
        [],
    ),
    ("en-title-guard", "The President reported that the talks failed.", [], ["President"]),
    ("en-people-guard", "The Qorvanis reported heavy losses.", [], ["Qorvanis"]),
    ("en-given-name-guard", "The John Qorvan reported it.", [], ["John Qorvan"]),
    ("en-no-article-guard", "Qorvan reported that the talks failed.", [], ["Qorvan"]),
    ("en-no-verb-guard", "The Qorvan said that the talks failed.", [], ["Qorvan"]),
]


@pytest.mark.parametrize(
    ("text", "want", "not_want"), [c[1:] for c in REPORTS], ids=[c[0] for c in REPORTS]
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_publication_named_by_a_verb_of_publishing(
    text: str, want: list, not_want: list, backend: str
) -> None:
    got = [m.name for m in extract(Document("d", text, "en"), backend=backend).organizations()]
    assert [g for g in got if g in want] == want
    assert not [g for g in got if g in not_want]


CREDITS = [
    # (id, text, organisations wanted (in order), names that must not be organisations):
    # the sources of a credit line (words.tsv credit_cue_en)
    ("en-photo-credit", "The talks failed.\n[Photo credit: Qorvan Images]", ["Qorvan Images"], []),
    (
        "en-listed-name-inside",  # guard: the listed agency is the source credited
        "The talks failed.\n[Photo credit: Reuters Pictures]",
        ["Reuters"],
        ["Reuters Pictures"],
    ),
    (
        "en-sources",
        "The talks failed.\n\nSources: Talvi Ledger, Qorvan",
        ["Talvi Ledger", "Qorvan"],
        [],
    ),
    (
        "en-photographer-and-agency",
        "The talks failed.\n[image via Qorvan, John Dask/Qorvan]",
        ["Qorvan", "Qorvan"],
        ["John Dask"],
    ),
    (
        "en-caption-guard",
        "The talks failed.\nPHOTO: Miro Dask, from Talvi, was held in May.",
        [],
        ["Miro Dask", "Talvi"],
    ),
    ("en-place-guard", "The talks failed.\nSource: Baghdad", [], ["Baghdad"]),
    ("en-cue-inside-a-line-guard", "A source close to Qorvan Dask said so.", [], ["Qorvan Dask"]),
]


@pytest.mark.parametrize(
    ("text", "want", "not_want"), [c[1:] for c in CREDITS], ids=[c[0] for c in CREDITS]
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_sources_of_a_credit_line(text: str, want: list, not_want: list, backend: str) -> None:
    orgs = extract(Document("d", text, "en"), backend=backend).organizations()
    _check_credited(orgs, want, not_want, "credit", strict=backend == "rules")


def _check_credited(mentions, want: list, not_want: list, source: str, strict: bool) -> None:
    """``want`` read in order; a model's own guess may read a name anywhere, but the rule
    of ``source`` reads none of ``not_want`` (nothing reads them when ``strict``)."""
    got = [m.text for m in mentions]
    assert [g for g in got if g in want] == want
    assert not [m.text for m in mentions if m.text in not_want and m.attrs.get("source") == source]
    if strict:
        assert not [g for g in got if g in not_want]


SLASH_CREDITS = [
    # (id, text, persons wanted (in order), names that must not be persons): a photographer
    # beside the source of a photo credit written with a slash
    (
        "en-agency-then-photographer",
        "Police at the scene. THE QORVAN PRESS/Tavo Kirrin\nLater it rained.",
        ["Tavo Kirrin"],
        ["QORVAN PRESS"],
    ),
    (
        "en-capitals-then-via",
        "Fighters at dawn.\n\nTAVO KIRRIN/VIA YOUTUBE   Brave: she fought on.\n",
        ["TAVO KIRRIN"],
        ["YOUTUBE"],
    ),
    (
        "en-photographer-then-outlets",
        "Migrants in the desert.  Tavo Kirrin/Los Angeles Times / MCT\n\nThe end.",
        ["Tavo Kirrin"],
        ["Los Angeles Times"],
    ),
    # guards: two places; no organisation on either side; an outlet's name; in a sentence
    ("en-places-guard", "The Qarth Valley/Talvi Hills talks failed.\n", [], ["Talvi Hills"]),
    ("en-no-source-guard", "A photo. Losa Brenn/Tavo Kirrin\n", [], ["Tavo Kirrin"]),
    ("en-outlet-guard", "A photo. Reuters/Qorvan Media\n", [], ["Qorvan Media"]),
    ("en-inside-a-sentence-guard", "The Reuters/Tavo Kirrin poll was wrong.", [], []),
]


@pytest.mark.parametrize(
    ("text", "want", "not_want"),
    [c[1:] for c in SLASH_CREDITS],
    ids=[c[0] for c in SLASH_CREDITS],
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_photographer_of_a_slash_credit(
    text: str, want: list, not_want: list, backend: str
) -> None:
    persons = extract(Document("d", text, "en"), backend=backend).persons()
    _check_credited(persons, want, not_want, "slash-credit", strict=backend == "rules")
    assert all(m.text in want for m in persons if m.attrs.get("source") == "slash-credit")


WIRE_CREDITS = [
    # (id, text, persons wanted (in order), names that must not be persons): the reporters
    # and editors of a news wire's credit in brackets (words.tsv wire_credit_cue_en)
    (
        "en-reporting-and-editing",
        "Talks failed. (Reporting by Tavo Kirrin and Losa Brenn in Qarth; Editing by Dova Mirren)",
        ["Tavo Kirrin", "Losa Brenn", "Dova Mirren"],
        ["Qarth"],
    ),
    (
        "en-writing-without-by-and-a-place-in-a-name",
        "Talks failed. (Reporting by Tavo Kirrin; Writing Losa Brenn; editing by Dova Jordan)",
        ["Tavo Kirrin", "Losa Brenn", "Dova Jordan"],
        [],
    ),
    (
        "en-several-places-and-a-particle",
        "Talks failed. (Additional reporting by Omar al Kirrin in Qarth and Talvi)",
        ["Omar al Kirrin"],
        ["Qarth", "Talvi"],
    ),
    # guards: no cue opens the brackets; a body, not a name, after the cue
    (
        "en-no-cue-guard",
        "Talks failed (Qarth Water, reporting by Tavo Kirrin).",
        [],
        ["Tavo Kirrin"],
    ),
    ("en-body-guard", "Talks failed. (Reporting by Ministry of Water Qarth)", [], ["Ministry"]),
    ("en-desk-guard", "Talks failed. (Editing by the Qarth desk)", [], ["Qarth"]),
]


@pytest.mark.parametrize(
    ("text", "want", "not_want"), [c[1:] for c in WIRE_CREDITS], ids=[c[0] for c in WIRE_CREDITS]
)
@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_reporters_of_a_wire_credit(text: str, want: list, not_want: list, backend: str) -> None:
    persons = extract(Document("d", text, "en"), backend=backend).persons()
    _check_credited(persons, want, not_want, "wire-credit", strict=False)
    assert all(m.text in want for m in persons if m.attrs.get("source") == "wire-credit")
