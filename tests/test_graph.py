"""Tests of nasab.graph: building, querying and exporting entity graphs."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import networkx as nx
import pytest

from nasab.errors import ExtraMissingError, NasabError
from nasab.graph import EntityGraph, build_graph

SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
CHECKER = Path(__file__).resolve().parents[1] / "benchmarks" / "check_seeds.py"

# Small self-contained documents (invented people and bodies).
EN_1 = (
    "BASRA - Prime Minister Hassan al-Tamimi met Lieutenant General Karim al-Jubouri, "
    "the head of the Border Guard Command, on Monday.\n\n"
    "Al-Tamimi said the border was secure. The Border Guard Command later issued a statement."
)
EN_2 = (
    "MOSUL - Hamid al-Dulaimi, also known as Abu Yasser, was arrested by the Border Guard Command. "
    "Police said al-Dulaimi had planned attacks for the Islamic State (ISIS) group."
)
EN_3 = "Prime Minister Saad al-Rubaie opened the new bridge in Basra. Rubaie thanked the engineers."
AR_1 = "قال رئيس الوزراء حسن التميمي إن الحدود آمنة. وأضاف التميمي أن العمل مستمر."

RECORDS = [
    {"id": "en1", "text": EN_1},
    {"id": "en2", "text": EN_2},
    {"id": "en3", "text": EN_3},
    {"id": "ar1", "text": AR_1},
]


@pytest.fixture(scope="module")
def small() -> EntityGraph:
    return build_graph(RECORDS)


def _person(g: EntityGraph, form: str) -> dict:
    hits = [d for d in g.persons() if form in d["names"]]
    assert len(hits) == 1, (form, [d["names"] for d in g.persons()])
    return hits[0]


# ---------------------------------------------------------------------------- building


@pytest.mark.parametrize(
    ("form_a", "form_b"),
    [
        ("Hassan al-Tamimi", "حسن التميمي"),
        ("Hassan al-Tamimi", "Al-Tamimi"),
        ("حسن التميمي", "التميمي"),
        ("Saad al-Rubaie", "Rubaie"),
        ("Hamid al-Dulaimi", "al-Dulaimi"),
    ],
    ids=["cross-script", "short-form-en", "short-form-ar", "bare-family-name", "lower-article"],
)
def test_same_person(small: EntityGraph, form_a: str, form_b: str) -> None:
    assert _person(small, form_a)["id"] == _person(small, form_b)["id"]


def test_node_attributes(small: EntityGraph) -> None:
    p = _person(small, "Hassan al-Tamimi")
    assert p["type"] == "person"
    assert p["name"] == "Hassan al-Tamimi"
    assert p["name_ar"] == "حسن التميمي"
    assert p["documents"] == ["ar1", "en1"]
    assert p["names"] == sorted(p["names"])
    assert p["id"].startswith("person:")
    for node, data in small.graph.nodes(data=True):
        assert data["id"] == node and data["type"] in (
            "person",
            "organization",
            "role",
            "place",
            "document",
        )
        assert isinstance(data["names"], list) and data["name"]
    for _, _, data in small.graph.edges(data=True):
        assert data["type"] and isinstance(data["documents"], list) and data["documents"]


def test_alias_links(small: EntityGraph) -> None:
    p = _person(small, "Hamid al-Dulaimi")
    assert "Abu Yasser" in p["names"]
    assert "Abu Yasser" in small.aliases("Hamid al-Dulaimi")
    assert small.entity("Abu Yasser")["id"] == p["id"]


def test_role_edges(small: EntityGraph) -> None:
    holders = {h["name"] for h in small.holders("Prime Minister")}
    assert holders == {"Hassan al-Tamimi", "Saad al-Rubaie"}
    # The Arabic role name finds the same role node.
    assert {h["name"] for h in small.holders("رئيس الوزراء")} == holders
    pm = small.entity("role:prime-minister")
    assert "رئيس الوزراء" in pm["names"]
    edge = next(h for h in small.holders("Prime Minister") if h["name"] == "Hassan al-Tamimi")
    assert edge["documents"] == ["ar1", "en1"]


def test_role_with_rank_and_organization(small: EntityGraph) -> None:
    rels = [r for r in small.relations("Karim al-Jubouri") if r["type"] == "holds_role"]
    assert len(rels) == 1
    rel = rels[0]
    assert small.graph.nodes[rel["target"]]["name"] == "Head"
    assert rel["rank"] == "Lieutenant General"
    assert rel["organization"] == small.entity("Border Guard Command")["id"]


def test_same_role_is_not_same_person(small: EntityGraph) -> None:
    assert _person(small, "Hassan al-Tamimi")["id"] != _person(small, "Saad al-Rubaie")["id"]


def test_person_is_not_organization(small: EntityGraph) -> None:
    org = small.entity("ISIS")
    assert org["type"] == "organization"
    assert "Islamic State" in org["names"]
    person_names = {n for p in small.persons() for n in p["names"]}
    assert not person_names & set(org["names"])


@pytest.mark.parametrize(
    ("doc_a", "doc_b"),
    [
        ("Colonel Ahmed al-Hamdani spoke in Basra.", "Colonel Ahmed al-Rikabi spoke in Basra."),
        ("Minister Khalid Jassim al-Obeidi spoke.", "Minister Jassim Khalid al-Obeidi spoke."),
    ],
    ids=["conflicting-family", "father-and-son"],
)
def test_must_not_merge(doc_a: str, doc_b: str) -> None:
    g = build_graph([{"id": "a", "text": doc_a}, {"id": "b", "text": doc_b}])
    persons = g.persons()
    assert len(persons) == 2, [p["names"] for p in persons]


def test_acronym_across_documents() -> None:
    g = build_graph(
        [
            {
                "id": "a",
                "text": "Fighters of the Islamic State (ISIS) attacked a village near Kirkuk.",
            },
            {"id": "b", "text": "ISIS claimed the attack on Sunday, officials said."},
        ]
    )
    org = g.entity("ISIS")
    assert org["documents"] == ["a", "b"] and "Islamic State" in org["names"]


# ---------------------------------------------------------------------------- determinism


def test_same_output_whatever_the_order() -> None:
    forward = build_graph(RECORDS).to_json()
    backward = build_graph(list(reversed(RECORDS))).to_json()
    assert forward == backward


def test_same_output_with_workers(small: EntityGraph) -> None:
    assert build_graph(RECORDS * 1, workers=2).to_json() == small.to_json()


# ---------------------------------------------------------------------------- queries


def test_queries(small: EntityGraph) -> None:
    assert small.documents("حسن التميمي") == ["ar1", "en1"]
    assert "التميمي" in small.names("Hassan al-Tamimi")
    assert small.entity("hassan al tamimi")["id"] == small.entity("حسن التميمي")["id"]
    rel_types = {r["type"] for r in small.relations("Hassan al-Tamimi")}
    assert "holds_role" in rel_types
    assert {r["type"] for r in small.relations("Hassan al-Tamimi", mentions=True)} >= {
        "mentions",
        "holds_role",
    }
    with pytest.raises(KeyError):
        small.entity("Nobody Atall")
    summary = small.summary()
    assert summary["documents"] == 4 and summary["nodes"]["person"] >= 4


def test_neighbourhood(small: EntityGraph) -> None:
    hood = small.neighbourhood("Karim al-Jubouri")
    types = {d["type"] for _, d in hood.graph.nodes(data=True)}
    assert {"person", "role", "organization"} <= types and "document" not in types
    assert isinstance(hood, EntityGraph)
    doc_hood = small.neighbourhood("doc:en1")
    assert "doc:en1" in doc_hood.graph


def test_alias_rows(small: EntityGraph) -> None:
    rows = small.alias_rows()
    tamimi = [r for r in rows if r["canonical_latin"] == "Hassan al-Tamimi"]
    assert {r["script"] for r in tamimi} == {"latin", "arabic"}
    assert {r["alias"] for r in tamimi} >= {"Hassan al-Tamimi", "حسن التميمي", "Al-Tamimi"}
    assert {r["alias_kind"] for r in rows if r["alias"] == "Abu Yasser"} == {"kunya"}
    assert small.alias_table() is not None


def test_repr_html(small: EntityGraph) -> None:
    html = small._repr_html_()
    assert (
        "<table>" in html
        and "Hassan al-Tamimi" in html
        and "&lt;" not in "".join(small.names("Hassan al-Tamimi"))
    )


# ---------------------------------------------------------------------------- export


def test_json_round_trip(small: EntityGraph, tmp_path: Path) -> None:
    path = tmp_path / "g.json"
    small.to_json(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert {"nodes", "edges"} <= set(data)
    assert all({"id", "type", "name", "names"} <= set(n) for n in data["nodes"])
    assert all({"type", "documents", "source", "target"} <= set(e) for e in data["edges"])
    back = EntityGraph.from_json(path)
    assert dict(back.graph.nodes(data=True)) == dict(small.graph.nodes(data=True))
    assert sorted(back.graph.edges(keys=True, data=True), key=repr) == sorted(
        small.graph.edges(keys=True, data=True), key=repr
    )
    assert back.to_json() == small.to_json()
    assert EntityGraph.from_json(small.to_json()).summary() == small.summary()


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_graphml_gexf(small: EntityGraph, tmp_path: Path, fmt: str) -> None:
    path = tmp_path / f"g.{fmt}"
    getattr(small, f"to_{fmt}")(path)
    back = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    assert back.number_of_nodes() == small.graph.number_of_nodes()
    assert back.number_of_edges() == small.graph.number_of_edges()
    node = back.nodes[_person(small, "Hassan al-Tamimi")["id"]]
    assert "حسن التميمي" in json.loads(node["names"])


def test_draw(small: EntityGraph, tmp_path: Path) -> None:
    if importlib.util.find_spec("matplotlib") is None:
        with pytest.raises(ExtraMissingError):
            small.draw("Hassan al-Tamimi")
        return
    import matplotlib

    matplotlib.use("Agg")
    ax = small.draw("Hassan al-Tamimi")
    ax.figure.savefig(tmp_path / "n.png")
    assert (tmp_path / "n.png").stat().st_size > 0


# ---------------------------------------------------------------------------- bad input


def test_empty_document_raises() -> None:
    with pytest.raises(NasabError):
        build_graph([{"id": "e", "text": "   "}])


def test_binary_file_raises(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\xff\xfe binary \x00")
    with pytest.raises(NasabError, match="bad"):
        build_graph([bad])


def test_bad_file_skipped_with_count(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text(EN_3, encoding="utf-8")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\xff\xfe binary \x00")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    g = build_graph(tmp_path, errors="skip")
    assert g.summary()["documents"] == 1
    assert len(g.summary()["problems"]) == 2
    assert {p["name"] for p in g.persons()} == {"Saad al-Rubaie"}


def test_bad_arguments() -> None:
    with pytest.raises(NasabError):
        build_graph(RECORDS, errors="ignore")
    with pytest.raises(NasabError):
        EntityGraph(nx.Graph())  # type: ignore[arg-type]


def test_empty_graph_exports(tmp_path: Path) -> None:
    g = EntityGraph()
    assert EntityGraph.from_json(g.to_json()).summary() == g.summary()
    g.to_graphml(tmp_path / "e.graphml")


# ---------------------------------------------------------------------------- seed documents


seeds = pytest.mark.skipif(
    not (SEEDS / "gold.json").is_file(), reason="seed documents not beside the repository"
)


@pytest.fixture(scope="module")
def seed_graph() -> EntityGraph:
    return build_graph(sorted(SEEDS.glob("*.txt")))


def _checker():
    spec = importlib.util.spec_from_file_location("check_seeds", CHECKER)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@seeds
def test_seeds_gold(seed_graph: EntityGraph) -> None:
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    failed = [r for r in _checker().check(seed_graph, gold) if not r["ok"]]
    assert not failed, failed


@seeds
def test_seeds_order_independent(seed_graph: EntityGraph) -> None:
    paths = sorted(SEEDS.glob("*.txt"), reverse=True)
    assert build_graph(paths).to_json() == seed_graph.to_json()


@seeds
def test_seeds_json_round_trip(seed_graph: EntityGraph, tmp_path: Path) -> None:
    back = EntityGraph.from_json(seed_graph.to_json(tmp_path / "s.json"))
    assert back.to_json() == seed_graph.to_json()


@seeds
def test_checker_counts_the_same_checks_whatever_the_graph(seed_graph: EntityGraph) -> None:
    """An empty graph fails every check but is judged on as many as a perfect one."""
    gold = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))
    full = _checker().check(seed_graph, gold)
    empty = _checker().check(build_graph([]), gold)
    assert len(empty) == len(full)
    assert [(r["check"], r["item"]) for r in empty] == [(r["check"], r["item"]) for r in full]
    assert not any(
        r["ok"] for r in empty if r["check"] not in {"distinct", "must_not_merge", "not_person"}
    )
