"""Rebuild data/aliases/name_words.tsv: Arabic-script words that are parts of person names.

Every Arabic word of the NETransliteration Wikidata name pairs (CC0 1.0) and of the
google/transliteration ar2en pairs (Apache-2.0, mined from Wikipedia) becomes a row with
the number of pairs holding it and a kind:

* ``given``: an Arabic-origin given name (its English side stands first in the
  given-name part of an individual on the US OFAC SDN list, public domain, and the
  consonant skeletons of both sides agree);
* ``nisba``: a family name / nisba with the article, ending in ي (الكاظمي);
* ``name``: any other name word (foreign names, family names).

Words that are also ordinary Arabic words are handled in two ways: function words,
numerals, months, ordinals and frequent nouns/verbs (``_COMMON`` below, general
Arabic vocabulary written by hand) are left out; words that are ordinary adjectives
or nouns but also frequent given names (``_AMBIGUOUS``: كريم، سعيد، جميل...) are kept
with ``risk=1``, so that the extractor reads them as a name only in context.

Usage:
    python scripts/build_name_words.py [--data ../shared/data] [--out data/aliases/name_words.tsv]
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

from nasab.names import fold, skeleton
from nasab.text import normalize, normalize_arabic

# General Arabic vocabulary (normalised: ا for أإآ, ه for ة, ي for ى) that the name pairs
# also hold because some person carries it as a name, or by noise: never a name cue.
_COMMON = frozenset(
    """
    في من الي علي عن مع ان او ام اي ما لا لم لن قد هو هي هم هن هما نحن انا انت كان كانت يكون تكون
    كانوا تم يتم حتي بين بعد قبل عند منذ خلال حول دون ضد فوق تحت امام وراء لدي لكن بل ثم اذا اما
    ليس ليست لان لكي كي سوف ايضا هنا هناك هذا هذه ذلك تلك الذي التي الذين عليه عليها اليه اليها فيه
    فيها منه منها به بها له لها لهم فان بان وان انه انها كما مثل كل بعض غير احد احدي اول الاول الثاني
    الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الاخير ثاني ثالث رابع خامس عشر عشره مائه
    مئه الف مليون واحد اثنان ثلاث اربع خمس ست سبع ثمان تسع يوم اليوم امس غدا سنه عام عاما شهر اسبوع
    ساعه مره وقت الان يناير فبراير مارس ابريل مايو يونيو يوليو اغسطس سبتمبر اكتوبر نوفمبر ديسمبر
    السبت الاحد الاثنين الثلاثاء الاربعاء الخميس الجمعه شمال جنوب شرق غرب الشمال الجنوب الشرق الغرب
    نظام العالم عالم دوله دول الدوله مدينه المدينه قريه بلد بلاد ارض الارض بيت باب دار كتاب اسم
    عمليه عده معظم مكان نوع شي اشياء قوه طاقه رجل امراه ناس الناس حكم الحكم ملك الملك الله اله الاله
    كبير الكبير صغير اكبر اصغر جديد الجديد قديم عظيم خاص عام كاس دوري نادي النادي فريق الفريق مباراه
    هدف لعب لاعب فاز فوز بطوله جايزه ذهب الذهب الذهبي فضه ماء نار هواء شمس قمر نجم بحر نهر جبل
    سبيل دليل خلاف زياده اختيار نظريه شبكه عنصر العنصر نواه موجه قدر عهد بقي يري ادي جا جز ذو ذات
    دات ايه نيه اسما بنا بني بي دي ال اكس وير لاد يكن عاليه عالي جامع جامعه مسجد كنيسه حرب سلام
    الحرب جيش الجيش شعب الشعب حزب حركه دين الدين علم العلم فن الفن تاريخ التاريخ حياه الحياه موت
    اب ام اخ اخت ابن ابنه زوج زوجه ولد بنت اسره عائله قال يقول اكد اعلن ذكر اشار اوضح صرح
    ملعب استاد قصر مسجد شارع جسر ساحه ميدان فندق مطار ميناء سجن مستشفي مدرسه سوق حي جزر جزيره
    كيلو متر ميل طن واط درجه نسبه توفي قتل جرح جري بدا ظل صار عاد ترك وجد بقي اصبح والد والده
    كبير ضعيف قوي هام مهم اعظم افضل جيد سيي اعلي ادني اولي اخري وجود نشاط عامل عمل جناح بديل
    """.split()
)
# Frequent given names that are also ordinary adjectives or nouns: kept, flagged as risky.
_AMBIGUOUS = frozenset(
    """
    كريم سعيد جميل امين عادل حسن صالح منير سالم نور امل مجد عزيز شريف رضا وفاء ايمان سلام امير حامد
    باسم عالم بدر فرج رسول سيد نصر جمال فضل كمال منصور ناصر حبيب رشيد لطيف عظيم حكيم حليم رحيم
    وليد خالد ماجد فاضل فايز فوزي سامي راضي هادي نبيل شاكر صابر طاهر زاهر مختار مراد مسعود محمود
    مصطفي مامون منذر غالب قاسم هاشم عابد راشد ساجد صادق صافي صفاء هدي هناء سعاده نجاح فرح بشري
    غني عماد ثابت معين مهدي امان عباس
    """.split()
)
_REGIONAL = re.compile(
    r"SDGT|IRAQ|SYRIA|LIBYA|YEMEN|LEBANON|SUDAN|SOMALIA|IRGC|IFSR|IRAN|FTO|SDT|HRIT"
)


def _ofac_given(path: Path) -> set[str]:
    """Latin first given names of OFAC individuals listed mostly under regional programmes."""
    ids: dict[str, set[str]] = defaultdict(set)
    regional: dict[str, set[str]] = defaultdict(set)
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if row["kind"] != "individual" or row["name"].count(",") != 1:
                continue
            toks = re.findall(r"[A-Za-z]+", row["name"].split(",", 1)[1])
            if not toks or len(toks[0]) < 3:
                continue
            tok = toks[0].lower()
            ids[tok].add(row["entity_id"])
            if _REGIONAL.search(row.get("program", "")):
                regional[tok].add(row["entity_id"])
    return {fold(t) for t, s in ids.items() if len(regional[t]) * 2 > len(s)}


def _pairs(path: Path):
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            parts = line.rstrip("\n").split("\t")
            if len(parts) == 2:
                yield parts[0], parts[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    ap.add_argument("--data", type=Path, default=root.parent / "shared" / "data")
    ap.add_argument("--out", type=Path, default=root / "data" / "aliases" / "name_words.tsv")
    args = ap.parse_args()

    given_folds = _ofac_given(args.data / "ofac_sdn_2021" / "clusters.tsv")
    counts: Counter[str] = Counter()
    given: Counter[str] = Counter()
    sources = [
        args.data / "netranslit" / "pairs_dev.tsv",
        args.data / "google_ar2en" / "ar2en-train.txt",
    ]
    # Leave out the words the benchmarks evaluate on (the same held-out split as the
    # transliteration tables: netranslit bucket 0 and every ar2en-eval word), so that
    # no evaluation word is in any shipped table.
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from build_translit import bucket

    from nasab.translit._model import arabic_letters

    held = {arabic_letters(a) for a, _ in _pairs(args.data / "google_ar2en" / "ar2en-eval.txt")}
    for src in sources:
        for ar_raw, en_raw in _pairs(src):
            letters = arabic_letters(ar_raw)
            if letters in held or (src.parent.name == "netranslit" and bucket(letters) == 0):
                continue
            ar, en = normalize_arabic(ar_raw), normalize(en_raw)
            if (
                not ar
                or " " in ar
                or not en
                or " " in en
                or not re.fullmatch(r"[\u0621-\u064a]+", ar)
            ):
                continue
            counts[ar] += 1
            if fold(en) in given_folds and skeleton(ar) and skeleton(ar) == skeleton(en):
                given[ar] += 1

    rows = []
    for ar, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        if ar in _COMMON or len(ar) < 3:
            continue
        if ar.startswith("ال"):
            if not ar.endswith("ي") or len(ar) < 5:
                continue  # an article word that is no nisba is mostly an ordinary noun
            kind = "nisba"
        elif given[ar] * 2 >= c or given[ar] >= 3:
            kind = "given"
        else:
            kind = "name"
        rows.append((ar, c, kind, 1 if ar in _AMBIGUOUS else 0))
    with args.out.open("w", encoding="utf-8", newline="") as out:
        out.write(
            "# Arabic-script words of person names (normalised), with the number of name pairs\n"
        )
        out.write(
            "# holding them, a kind (given: Arabic-origin given name; nisba: article + -i family\n"
        )
        out.write(
            "# name; name: any other name word) and risk=1 for names that are also ordinary words.\n"
        )
        out.write(
            "# Sources: NETransliteration Wikidata word pairs (steveash/NETransliteration-COLING2018,\n"
        )
        out.write(
            "# CC0 1.0); google/transliteration ar2en pairs, Copyright Google LLC, Apache License 2.0\n"
        )
        out.write(
            "# (see NOTICE); US OFAC SDN list 2021 (public domain) for the given-name position.\n"
        )
        out.write(
            "# Words of the evaluation split (netranslit bucket 0, ar2en-eval) are left out.\n"
        )
        out.write("# Rebuild: python scripts/build_name_words.py\n")
        out.write("ar\tcount\tkind\trisk\n")
        for ar, c, kind, risk in rows:
            out.write(f"{ar}\t{c}\t{kind}\t{risk}\n")
    print(f"{len(rows)} name words -> {args.out}")


if __name__ == "__main__":
    main()
