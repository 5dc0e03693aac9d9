"""Tests of graph building (nasab.graph._build): alias kinds of the alias rows."""

from __future__ import annotations

import pytest

from nasab import build_graph, read_documents
from nasab.extraction.ner import model_available

needs_model = pytest.mark.skipif(not model_available("en"), reason="the ner extra is not installed")


def test_daesh_alone_is_an_acronym_in_the_alias_table() -> None:
    g = build_graph(["Daesh losses rose.", "the Islamic State (IS, also known as Daesh) attacked"])
    kinds = {r["alias"]: r["alias_kind"] for r in g.alias_rows()}
    assert kinds["Daesh"] == "acronym"


def _persons(g) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return sorted(
        sorted(d["names"]) for _, d in g.graph.nodes(data=True) if d.get("type") == "person"
    )


@pytest.mark.parametrize(
    ("docs", "want"),
    [
        (
            [
                "Lawyer Mark Tenney spoke on Monday. His sister, lawyer Mary Tenney, said "
                "the family was relieved. Tenney was freed."
            ],
            [["Mark Tenney", "Tenney"], ["Mary Tenney"]],
        ),
        (
            [
                "Reporter James Holloway was freed on Monday.",
                "Reporter Jim Holloway thanked his friends.",
            ],
            [["James Holloway", "Jim Holloway"]],
        ),
        (
            [
                "Minister Abdel-Karim Abdel Nour met Salim Abdel Nouri on Monday. "
                "Abdel Nour said the talks went well."
            ],
            [["Abdel Nour", "Abdel-Karim Abdel Nour"], ["Salim Abdel Nouri"]],
        ),
        (
            [
                "Minister Yusuf Darwish spoke on Monday. "
                "General Mohammed Youssef Ould Derwiche replied on Tuesday."
            ],
            [["Mohammed Youssef Ould Derwiche"], ["Yusuf Darwish"]],
        ),
        (
            [
                "قال قائد القوة اللواء سعيد الفلاحي إن الوضع هادئ.",
                "وأبدى المواطن محمد سعيد الفلاحي إعجابه بالمعرض.",
            ],
            [["سعيد الفلاحي"], ["محمد سعيد الفلاحي"]],
        ),
        (
            [
                "وقال الرئيس محمد حسني الدرويشي إن الوضع هادئ.",
                "واستقبل الرئيس حسني الدرويشي الوفد أمس.",
            ],
            [["حسني الدرويشي", "محمد حسني الدرويشي"]],
        ),
        (
            [
                "وقال محمد حسني الدرويشي إن الوضع هادئ، وأضاف حسني الدرويشي أن الوفد وصل.",
                "واستقبل حسني الدرويشي الوفد أمس.",
            ],
            [["حسني الدرويشي", "محمد حسني الدرويشي"]],
        ),
        (
            ["Analyst Yusuf Darwish spoke on Monday.", "General Mohammed Yusuf Darwish replied."],
            [["Mohammed Yusuf Darwish"], ["Yusuf Darwish"]],
        ),
        (
            ["President Mohammed Yusuf Darwish spoke.", "President Yusuf Darwish replied."],
            [["Mohammed Yusuf Darwish", "Yusuf Darwish"]],
        ),
        (
            ["يترأس اللجنة الدكتور ماهر أبو طويلة، وعضوية الدكتور رامي الحمدان."],
            [["أبو طويلة", "ماهر أبو طويلة"], ["رامي الحمدان"]],
        ),
        (
            ["وقال القيادي جاسم الفلاحي أبو محمد إن الوضع هادئ."],
            [["أبو محمد", "جاسم الفلاحي"]],
        ),
        (
            [
                "Cleric Mohammed Salem al-Barrak spoke on Monday. "
                "Cleric Mohammad Salem al-Barrak said the ruling stands."
            ],
            [["Mohammad Salem al-Barrak", "Mohammed Salem al-Barrak"]],
        ),
        (
            [
                "Cleric Ahmed Salem al-Barrak spoke on Monday. "
                "His brother, cleric Mohammed Salem al-Barrak, said the ruling stands."
            ],
            [["Ahmed Salem al-Barrak"], ["Mohammed Salem al-Barrak"]],
        ),
    ],
    ids=[
        "siblings-apart",
        "nickname-across-documents",
        "exact-ending-wins",
        "spelled-apart",
        "prefix-dropped-no-shared-role-apart-ar",
        "prefix-dropped-shared-role-joins-ar",
        "prefix-dropped-shared-name-joins-ar",
        "prefix-dropped-no-shared-role-apart-en",
        "prefix-dropped-shared-role-joins-en",
        "abu-family-name-after-given-name-ar",
        "kunya-after-full-name-ar",
        "given-name-spellings-one-document-join-en",
        "different-given-names-one-document-apart-en",
    ],
)
def test_person_references(docs: list[str], want: list[list[str]]) -> None:
    assert _persons(build_graph(docs, backend="rules")) == want


@needs_model
def test_bare_given_name_joins_the_one_full_name_it_opens() -> None:
    text = (
        "Reporter Jim Holloway was freed on Monday. His brother, Daniel Holloway, "
        "welcomed him. Jim said he was glad to be home."
    )
    assert _persons(build_graph([text])) == [["Daniel Holloway"], ["Jim", "Jim Holloway"]]


SECOND_PASS = [
    (
        "en-bare-family-elsewhere",
        [
            "Lieutenant General Ali al-Tamimi visited the border on Monday.",
            "Al-Tamimi said the Border Guard Command would grow. Tamimi left on Tuesday.",
            "Reporter James Holloway met Tamimi in Basra.",
        ],
    ),
    (
        "ar-known-name-elsewhere",
        [
            "قال رئيس الوزراء مصطفى الكاظمي إن الحكومة ستجري الانتخابات.",
            "وأكد الكاظمي أن اللواء سامي جاسم العبيدي سيقود العملية.",
            "Prime Minister Mustafa al-Kadhimi said al-Obaidi would lead.",
        ],
    ),
]


@pytest.mark.parametrize("docs", [c[1] for c in SECOND_PASS], ids=[c[0] for c in SECOND_PASS])
@pytest.mark.parametrize("workers", [1, 2], ids=["one-worker", "two-workers"])
def test_second_pass_from_kept_readings_is_a_whole_reread(
    docs: list[str], workers: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from nasab.graph import _build

    kept = build_graph(docs * 2, workers=workers).to_json(indent=None)
    monkeypatch.setattr(_build, "KEEP_READINGS_CHARS", 0)
    whole = build_graph(docs * 2, workers=workers).to_json(indent=None)
    assert kept == whole


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("استقبل أمير منطقة الرياض فيصل بن بندر بن عبدالعزيز الوفد.", "Emir"),
        ("عُيّن عادل الجبير وزيرًا للخارجية في أبريل.", "Minister of Foreign Affairs"),
    ],
    ids=["regional-emir-ar", "accusative-role-ar"],
)
def test_role_label_of_a_row_is_kept(text: str, role: str) -> None:
    g = build_graph([text], backend="rules")
    roles = [d["name"] for _, d in g.graph.nodes(data=True) if d.get("type") == "role"]
    assert roles == [role]


@pytest.mark.parametrize("backend", ["rules", "auto"])
def test_club_name_without_its_head_joins_across_documents(backend: str) -> None:
    """الاتحاد after نادي الاتحاد is the club's own name (the full name less its head word
    نادي), so it joins the الاتحاد of another document; "the Herald" after a paper's name
    (tests/extraction/test_english.py) still joins nothing across documents."""
    docs = [
        {
            "id": "a",
            "text": "فاز نادي الاتحاد على الوحدة أمس في الدوري. وقال مدرب الاتحاد إن الفريق لعب جيدا.",
        },
        {"id": "b", "text": "لعب نادي الوحدة امام الاتحاد في نهائي كأس الملك وخسر بثلاثية نظيفة."},
    ]
    g = build_graph(read_documents(docs), backend=backend).graph
    holders = [
        (sorted(d["names"]), sorted(d["documents"]))
        for _, d in g.nodes(data=True)
        if "الاتحاد" in d.get("names", [])
    ]
    assert holders == [(["الاتحاد", "نادي الاتحاد"], ["a", "b"])]


ARTICLE_NODES = [
    # (id, documents, (name, names, aliases, mention_count) of the one organisation node)
    (
        "the-written-before-a-listed-name",
        ["The mayor told The Associated Press on Monday that he would stay."],
        (
            "Associated Press",
            ["Associated Press", "The Associated Press"],
            ["The Associated Press"],
            1,
        ),
    ),
    (
        "the-of-a-title-across-documents",
        [
            "The mayor told The Harbor Herald on Monday that he would stay.",
            "Harbor Herald reporters asked the mayor again on Tuesday.",
        ],
        ("Harbor Herald", ["Harbor Herald", "The Harbor Herald"], ["The Harbor Herald"], 2),
    ),
    (
        "no-article-no-alias",  # guard: a sentence's capital The is no written form
        ["The Harbor Herald reported on Monday that the mayor would stay."],
        ("Harbor Herald", ["Harbor Herald"], [], 1),
    ),
]


@pytest.mark.parametrize("backend", ["rules", "auto"])
@pytest.mark.parametrize(
    ("docs", "want"), [c[1:] for c in ARTICLE_NODES], ids=[c[0] for c in ARTICLE_NODES]
)
def test_organisation_node_named_without_its_article(
    docs: list[str], want: tuple, backend: str
) -> None:
    """The node's canonical name has no leading article (the seed reading's convention);
    the form written with a capitalised "The" is one of its names, as an alias."""
    g = build_graph(docs, backend=backend).graph
    orgs = [d for _, d in g.nodes(data=True) if d.get("type") == "organization"]
    got = [(d["name"], d["names"], d["aliases"], d["mention_count"]) for d in orgs]
    assert got == [want]


ROLE_STATUS = [
    # (id, text, the role node's name): words of standing in a post (words.tsv
    # role_status_en) are no part of the role
    (
        "freelance",
        "It showed the killing of freelance photojournalist Karim Haddad in May.",
        "photojournalist",
    ),
    ("suspended", "His brother, Karim Haddad, a suspended physician, was held.", "physician"),
    (
        "senior-stays",
        "His brother, Karim Haddad, a senior editor, was held.",
        "senior editor",
    ),  # guard
]


@pytest.mark.parametrize(
    ("text", "role"), [c[1:] for c in ROLE_STATUS], ids=[c[0] for c in ROLE_STATUS]
)
def test_role_named_without_words_of_standing(text: str, role: str) -> None:
    g = build_graph([text], backend="rules").graph
    roles = [d for _, d in g.nodes(data=True) if d.get("type") == "role"]
    assert [d["name"] for d in roles] == [role]
