#!/usr/bin/env python3
"""Generate dyad's actor dictionaries (data/actors/*.tsv) from the shared source data.

Usage:  python3 tools/gen_actor_dicts.py [--data ../shared/data] [--out data/actors]

Python 3 standard library only. The output is deterministic (sorted, unique keys), so a
re-run on the same inputs gives byte-identical files and a reviewable diff. Every file
starts with a comment saying it is generated and by which command. What was dropped and
why (unknown CAMEO codes, malformed dates, duplicate phrases) is printed at the end and
recorded in data/actors/SOURCES.md by hand when it changes.

This is an independent reading of the PETRARCH/TABARI dictionary formats as documented
in dictionaries.rst; no PETRARCH code is used.
"""

import argparse
import json
import os
import re
import sys
import unicodedata
from collections import Counter, OrderedDict, defaultdict

CMD = "python3 tools/gen_actor_dicts.py --data ../shared/data --out data/actors"
WARN = Counter()
WARN_EXAMPLES = {}


def warn(kind, example):
    WARN[kind] += 1
    WARN_EXAMPLES.setdefault(kind, example)


# ---------------------------------------------------------------- normalisation


def fold(s):
    """Case- and diacritics-fold, as the Rust matcher does (NFD, drop marks, lowercase)."""
    s = unicodedata.normalize("NFD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return s.lower().replace("\u2019", "'")


def phrase_words(raw):
    """Split a PETRARCH phrase (underscores/blanks) into folded words, possessive split off."""
    raw = re.sub(r"\([^)]*(\)|$)", " ", raw)  # "(AAIA)" acronyms, unclosed "(acting"
    words = []
    for w in re.split(r"[_\s]+", raw):
        w = fold(w).strip()
        if not w:
            continue
        if w.endswith("'s") and len(w) > 2:
            words.append(w[:-2])
            words.append("'s")
        else:
            words.append(w)
    return words


def phrase_key(raw):
    return " ".join(phrase_words(raw))


# ---------------------------------------------------------------- CAMEO codebook


def read_md_table_codes(text, header):
    """Rows `| name | CODE |` of the markdown table that follows `header`."""
    out = []
    i = text.find(header)
    if i < 0:
        return out
    for line in text[i:].splitlines()[2:]:
        if not line.startswith("|"):
            if out:
                break
            continue
        cells = [c.strip() for c in line.strip("|").split("|")]
        out.append(cells)
    return out


INTERNATIONAL = {
    "IGO": "inter-governmental organization",
    "IMG": "international militarized group",
    "INT": "international or transnational actor",
    "MNC": "multi-national corporation",
    "NGM": "non-governmental movement",
    "NGO": "non-governmental organization",
    "UIS": "unidentified state actor",
}
# Historical and CAMEO-specific country codes used by the Phoenix dictionaries and not in
# the ISO 3166 lists of GDELT/GeoNames (ISO 3166-3 former countries, CAMEO's Kosovo).
EXTRA_COUNTRIES = {
    "CSK": "Czechoslovakia (former)",
    "DDR": "German Democratic Republic (former)",
    "KSV": "Kosovo (CAMEO code)",
    "SUN": "Soviet Union (ISO 3166-3, former)",
    "USR": "Soviet Union (CAMEO code, former)",
    "YUG": "Yugoslavia (former)",
}
# Role codes beyond table 3.1 that CAMEO defines in chapter 3 or uses as agent suffixes:
# PTY (party, 3.1.4), religion codes (CAMEO religion chapter) used by Phoenix.agents.txt.
EXTRA_ROLES = {
    "PTY": "political party",
    "PPL": "people, the public",
    "UNR": "unrecognized government",
    "AUT": "autonomous region authority",
    "OCC": "occupying force",
    "MOD": "moderate",
    "RAD": "radical",
}
RELIGIONS = {
    "BUD": "Buddhist", "CHR": "Christian", "CTH": "Catholic", "PRO": "Protestant",
    "ORT": "Orthodox", "MUS": "Muslim", "SUN": "Sunni", "SHI": "Shia", "JEW": "Jewish",
    "HIN": "Hindu", "REL": "religious (unspecified)", "MAR": "Maronite", "JAN": "Jain",
    "SIK": "Sikh", "ZRO": "Zoroastrian", "ALE": "Alewite", "DRZ": "Druze", "COP": "Coptic",
}


def build_codebook(data):
    ch3 = open(os.path.join(data, "events/cameo/CAMEO_manual_ch3_actor_codebook.md"),
               encoding="utf-8").read()
    book = {}  # code -> (type, name)
    for fips, c in json.load(open(os.path.join(data, "events/cameo/py-gdelt_countries.json"))).items():
        if c.get("iso3"):
            book[c["iso3"]] = ("country", c["name"])
    for c in json.load(open(os.path.join(data, "geo/geonames/countries.json"))).values():
        book.setdefault(c["iso3"], ("country", c["name"]))
    for code, name in EXTRA_COUNTRIES.items():
        book.setdefault(code, ("country", name))
    for cells in read_md_table_codes(ch3, "Table 3.3: International Region Codes"):
        if len(cells) >= 2 and re.fullmatch(r"[A-Z]{3}", cells[1]):
            book[cells[1]] = ("region", cells[0].strip('"'))
    for code, name in INTERNATIONAL.items():
        book[code] = ("international", name)
    for cells in read_md_table_codes(ch3, "Table 3.1: Generic Domestic Role Codes"):
        if len(cells) >= 2 and re.fullmatch(r"[A-Z]{3}", cells[0]):
            book.setdefault(cells[0], ("role", cells[1][:80]))
    for code, name in EXTRA_ROLES.items():
        book.setdefault(code, ("role", name))
    for code, name in RELIGIONS.items():
        book.setdefault(code, ("religion", name))
    return book


def code_ok(code, book):
    """Full actor code: 3-letter groups; the first must be in the codebook (country,
    region, international, role or religion); later groups are roles or organisation
    codes, which CAMEO leaves open, so only their shape is checked."""
    return (len(code) % 3 == 0 and re.fullmatch(r"[A-Z]+", code) is not None
            and code[:3] in book)


def agent_code_ok(code, book):
    groups = [code[i:i + 3] for i in range(0, len(code), 3)]
    return (len(code) % 3 == 0 and re.fullmatch(r"[A-Z]+", code) is not None
            and all(g in book and book[g][0] in ("role", "religion", "international")
                    for g in groups))


# ---------------------------------------------------------------- PETRARCH actors


def parse_date(s):
    """YYYYMMDD or YYMMDD (YY <= 30 -> 20YY, else 19YY) -> 'YYYY-MM-DD' or None."""
    if re.fullmatch(r"\d{8}", s):
        y, m, d = int(s[:4]), int(s[4:6]), int(s[6:])
    elif re.fullmatch(r"\d{6}", s):
        yy, m, d = int(s[:2]), int(s[2:4]), int(s[4:])
        y = 2000 + yy if yy <= 30 else 1900 + yy
    else:
        return None
    if not (1 <= m <= 12 and 1 <= d <= 31):
        return None
    return "%04d-%02d-%02d" % (y, m, d)


def parse_restriction(body, where):
    """'CODE', 'CODE <date', 'CODE >date', 'CODE date-date' -> (code, from, to) or None."""
    parts = body.split(None, 1)
    if not parts:
        return None
    code = parts[0]
    if len(parts) == 1:
        return (code, "", "")
    spec = parts[1].replace(" ", "")
    if spec.startswith("<"):
        d = parse_date(spec[1:])
        return (code, "", d) if d else None
    if spec.startswith(">"):
        d = parse_date(spec[1:])
        return (code, d, "") if d else None
    if "-" in spec:
        a, b = spec.split("-", 1)
        da, db = parse_date(a), parse_date(b)
        return (code, da, db) if da and db else None
    d = parse_date(spec)  # a lone date: TABARI reads it as "from this date"
    return (code, d, "") if d else None


def read_petrarch_actors(path):
    """Yield entries {names: [raw phrases], code: default or '', roles: [(code,from,to)]}."""
    entries = []
    cur = None
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            where = "%s:%d" % (os.path.basename(path), lineno)
            body = line.split("#", 1)[0].rstrip()
            if not body.strip():
                continue
            if body.startswith("\t") or body.startswith(" ") and body.strip().startswith("["):
                if cur is None:
                    warn("date line before any actor", where)
                    continue
                for r in re.findall(r"\[([^\]]*)\]", body):
                    res = parse_restriction(r.strip(), where)
                    if res is None:
                        warn("malformed date restriction", where + " [" + r + "]")
                    elif res[1] and res[2] and res[2] < res[1]:
                        warn("date restriction ends before it starts", where + " [" + r + "]")
                    elif res[1] or res[2]:
                        cur["roles"].append(res)
                    else:  # an undated restriction is the default code
                        cur["code"] = res[0]
                continue
            synonym = body.startswith("+")
            text = body[1:] if synonym else body
            brackets = re.findall(r"\[([^\]]*)\]", text)
            name = re.sub(r"\[[^\]]*\]", " ", text).split(";", 1)[0].strip()
            if not synonym or cur is None:
                cur = {"names": [], "code": "", "roles": [], "where": where}
                entries.append(cur)
            if name.strip():
                cur["names"].append(name.strip())
            for b in brackets:
                res = parse_restriction(b.strip(), where)
                if res is None:
                    warn("malformed date restriction", where + " [" + b + "]")
                elif res[1] or res[2]:
                    cur["roles"].append(res)
                else:
                    cur["code"] = res[0]
    return entries


def dated_country(entry, book):
    """The one country code of a countries-file entry that has no default code and only
    dated country codes (Phoenix's IRAQ_: [IRQ <20030320] [IRQ >20060520]), or the
    open-ended one of a country that succeeded another (`successor_country`), else ''."""
    codes = {r[0] for r in entry["roles"]}
    if entry["code"]:
        return ""
    if len(codes) != 1:
        # Ukraine: [USRUKR <19910824] ... [UKR >19911221]: the open-ended country code
        code = successor_country(entry, book)
    else:
        code = codes.pop()
    return code if len(code) == 3 and book.get(code, ("",))[0] == "country" else ""


def successor_country(entry, book):
    """The country code of the one open-ended role of an entry whose dated roles all lie
    in countries (Ukraine: USRUKR as a Soviet republic, then UKR from 1991), else ''."""
    if entry["code"] or not all(book.get(r[0][:3], ("",))[0] == "country"
                                for r in entry["roles"]):
        return ""
    open_ended = [r[0] for r in entry["roles"] if not r[2]]
    if len(open_ended) != 1 or len(open_ended[0]) != 3:
        return ""
    return open_ended[0] if book.get(open_ended[0], ("",))[0] == "country" else ""


def kind_of(entry, source, book):
    code = entry["code"] or (entry["roles"][0][0] if entry["roles"] else "")
    if source == "nonstate":
        return "group"
    # a country named only by dated codes (Iraq, Czechoslovakia, Leipzig as DDR then DEU)
    # is a country, not a person with roles
    if source == "countries" and entry["roles"] and not entry["code"] and all(
            len(r[0]) == 3 and book.get(r[0], ("",))[0] == "country" for r in entry["roles"]):
        return "country"
    if source == "countries" and successor_country(entry, book):
        return "country"
    if entry["roles"] and (not entry["code"] or entry["code"].endswith("ELI")):
        return "person"
    if len(code) == 3 and source == "countries":
        return "country"
    if code[:3] in ("IGO", "NGO", "MNC", "IMG", "NGM"):
        return "organization"
    return "organization" if len(code) > 3 else "group"


def roles_field(roles):
    return ";".join("%s@%s..%s" % r for r in roles) or "-"


def close_with_leaders(e, leaders):
    """Phoenix ends about 2014 and leaves tenures open ("USAGOV >090120"). When a
    multi-word phrase of a Phoenix person is a Factbook leader of the same country, the
    Factbook tenures replace the Phoenix roles from the first Factbook tenure on."""
    if not e["roles"] or not leaders:
        return e["roles"]
    countries = {r[0][:3] for r in e["roles"]} | ({e["code"][:3]} if e["code"] else set())
    for raw in e["names"]:
        key = phrase_key(raw)
        if " " not in key or key not in leaders:
            continue
        lroles = leaders[key]
        if lroles[0][0][:3] not in countries:
            continue
        first = min(r[1] for r in lroles)
        kept = [r for r in e["roles"] if r[2] and r[2] <= first]
        warn("Phoenix tenure closed with Factbook dates", e["where"] + " " + key)
        return kept + lroles
    return e["roles"]


def convert_actors(path, source, book, rows_out, place_kind=None, leaders=None):
    seen = {}
    for e in read_petrarch_actors(path):
        e["roles"] = close_with_leaders(e, leaders)
        codes = ([e["code"]] if e["code"] else []) + [r[0] for r in e["roles"]]
        if not codes:
            warn("actor without any code (%s)" % source, e["where"])
            continue
        if "---" in codes:  # "[---]": explicitly no code outside the dated roles
            if e["code"] == "---":
                e["code"] = ""
            e["roles"] = [r for r in e["roles"] if r[0] != "---"]
            codes = [c for c in codes if c != "---"]
            if not codes:
                warn("null code --- only (%s)" % source, e["where"])
                continue
        bad = [c for c in codes if not code_ok(c, book)]
        if bad:
            warn("code not in CAMEO codebook (%s)" % source, e["where"] + " " + bad[0])
            continue
        entity = "%s:%s" % (source, "_".join(phrase_words(e["names"][0])).upper())
        kind = kind_of(e, source, book)
        # outside its dated codes (Phoenix leaves Iraq uncoded 2003-2006) a country with
        # one code keeps it
        e["code"] = e["code"] or (dated_country(e, book) if kind == "country" else "")
        for raw in e["names"]:
            key = phrase_key(raw)
            if not key:
                continue
            if key in seen:
                if seen[key] != entity:
                    warn("duplicate phrase, first kept (%s)" % source, e["where"] + " " + key)
                continue
            seen[key] = entity
            k = kind
            if kind == "country" and place_kind and key in place_kind and \
                    place_kind[key][0] == e["code"]:
                k = {"capital": "capital", "city": "city", "demonym": "demonym"}.get(
                    place_kind[key][1], "country")
            rows_out.append((key, entity, k, e["code"] or "-", roles_field(e["roles"])))


# ---------------------------------------------------------------- PETRARCH agents


def plural(word):
    if word.endswith("ss"):
        return word + "es"
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "ch", "sh")):
        return word + "es"
    return word + "s"


def convert_agents(path, book):
    subst = {}
    rows = OrderedDict()
    with open(path, encoding="utf-8", errors="replace") as f:
        for lineno, line in enumerate(f, 1):
            where = "%s:%d" % (os.path.basename(path), lineno)
            body = line.split("#", 1)[0].strip()
            if not body or body.startswith("<!"):
                continue
            m = re.fullmatch(r"(![A-Z]+!)\s*=\s*(.*)", body)
            if m:
                subst[m.group(1)] = [x.strip() for x in m.group(2).split(",") if x.strip()]
                continue
            m = re.fullmatch(r"(.*?)\s*(\{[^}]*\})?\s*\[([^\]]*)[\]}]\s*", body)
            if not m:
                warn("unreadable agent line", where)
                continue
            phrase, plur, code = m.group(1), m.group(2), m.group(3).strip()
            if code.startswith("~"):
                pos, code = "suffix", code[1:]
            elif code.endswith("~"):
                pos, code = "prefix", code[:-1]
            else:
                warn("agent code without ~", where + " " + code)
                continue
            if not agent_code_ok(code, book):
                warn("agent code not in CAMEO codebook", where + " " + code)
                continue
            marks = re.findall(r"![A-Z]+!", phrase)
            forms = []
            if marks:
                if marks[0] not in subst:
                    warn("undefined substitution set", where + " " + marks[0])
                    continue
                for alt in subst[marks[0]]:
                    forms.append(phrase.replace(marks[0], alt))  # no plurals for these
            else:
                forms.append(phrase)
                if plur is None:
                    words = phrase_words(phrase)
                    if words and not phrase.rstrip().endswith("__"):
                        forms.append(" ".join(words[:-1] + [plural(words[-1])]))
                elif plur.strip("{} "):
                    forms.append(plur.strip("{} "))
            for form in forms:
                key = phrase_key(form)
                if not key:
                    continue
                if key in rows:
                    if rows[key] != (code, pos):
                        warn("duplicate agent phrase, first kept", where + " " + key)
                    continue
                rows[key] = (code, pos)
    return [(k, c, p) for k, (c, p) in rows.items()]


# ---------------------------------------------------------------- gazetteer

# Region adjectives for CAMEO region codes (table 3.3), listed by hand: no source has them.
REGION_ADJECTIVES = [
    ("african", "AFR"), ("asian", "ASA"), ("balkan", "BLK"), ("caribbean", "CRB"),
    ("caucasian", "CAU"), ("central asian", "CAS"), ("east african", "EAF"),
    ("eastern european", "EEU"), ("european", "EUR"), ("latin american", "LAM"),
    ("middle eastern", "MEA"), ("mediterranean", "MDT"), ("north african", "NAF"),
    ("scandinavian", "SCN"), ("south american", "SAM"), ("south asian", "SAS"),
    ("southeast asian", "SEA"), ("west african", "WAF"), ("western", "WST"),
]

ADJ_SUFFIX = ("an", "ian", "ese", "ish", "i", "ic", "ch", "ean", "ot", "iot", "er", "ene",
              "ard", "ine", "ite", "ais", "ois", "ic", "ek")


def convert_gazetteer(data, book, phoenix_country_entries):
    countries = json.load(open(os.path.join(data, "geo/geonames/countries.json")))
    gdelt = json.load(open(os.path.join(data, "events/cameo/py-gdelt_countries.json")))
    cities = json.load(open(os.path.join(data, "geo/geonames/cities15000.json")))
    city_names = defaultdict(set)  # iso2 -> folded names
    for c in cities.values():
        city_names[c["countrycode"]].add(fold(c["name"]))
    iso2_of = {c["iso3"]: c["iso"] for c in countries.values()}
    rows = {}

    def add(phrase, code, kind):
        key = phrase_key(phrase)
        if not key or not code_ok(code, book):
            return
        if key in rows and rows[key][0] != code:
            warn("gazetteer phrase for two countries, first kept", key)
            return
        rows.setdefault(key, (code, kind))

    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        add(c["name"], c["iso3"], "name")
    for c in sorted(gdelt.values(), key=lambda c: c.get("iso3") or ""):
        if c.get("iso3"):
            add(c["name"], c["iso3"], "name")
            if c.get("full_name"):
                add(c["full_name"], c["iso3"], "name")
    for code, (typ, name) in sorted(book.items()):
        if typ == "region":
            add(name, code, "name")
    for phrase, code in REGION_ADJECTIVES:
        add(phrase, code, "demonym")
    for c in sorted(countries.values(), key=lambda c: c["iso3"]):
        if c.get("capital"):
            add(c["capital"], c["iso3"], "capital")
    # Demonyms/adjectives and other aliases come from the Phoenix country blocks, which
    # mix them with city names; cities known to GeoNames are told apart as "city".
    for e in phoenix_country_entries:
        # one country code, undated or dated only (Iraq: [IRQ <20030320] [IRQ >20060520]),
        # or the open-ended one of a successor country (Ukraine after USRUKR)
        codes = ({e["code"]} - {""}) | {r[0] for r in e["roles"]}
        code = codes.pop() if len(codes) == 1 else successor_country(e, book)
        if len(code) != 3 or book.get(code, ("",))[0] != "country":
            continue
        for raw in e["names"]:
            key = phrase_key(raw)
            if not key or key in rows:
                continue
            if key in city_names.get(iso2_of.get(code, ""), ()):
                add(raw, code, "city")
            elif " " not in key and key.endswith(ADJ_SUFFIX):
                add(raw, code, "demonym")
            else:
                add(raw, code, "alias")
    return sorted((k, c, kd) for k, (c, kd) in rows.items())


# ---------------------------------------------------------------- leaders

MONTHS = {m: i for i, m in enumerate(
    "january february march april may june july august september october november december"
    .split(), 1)}
TITLE_WORDS = set("""
president vice prime minister premier chancellor king queen emperor empress sultan emir amir
crown prince princess grand duke duchess supreme leader chief executive deputy first second
third state council chairman chairwoman chairperson head government governor general
co-prince captain regent regents secretary federal of the and interim acting transitional
sheikh shaykh his her majesty highness royal lt. gen. lieutenant colonel col. maj. major
brig. brigadier field marshal admiral vice-president commander-in-chief presidium
presidential mayor caliph pope archbishop bishop sir dame dr. mr. mrs. ms. senior
representative administrator commissioner high minister-president taoiseach tanaiste
coprince co-princes french episcopal prefect ministers for affairs foreign defense defence
interior finance justice economy haji shaikh chief-executive mr mrs dr lord general-governor
lt gen maj brig adm adm. rear field-marshal secretary-general speaker ayatollah
territorial assembly national parliament house senate cabinet office party
""".split())
NAME_TOKEN = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F.'\-]*$")


def is_caps(tok):
    letters = [c for c in tok if c.isalpha()]
    upper = [c for c in letters if c.isupper()]
    return len(upper) >= 2 and len(upper) >= len(letters) - 3 and tok not in ("II", "III")


def parse_leader_segment(seg):
    """'President Barack H. OBAMA (since 20 January 2009)' -> (given, surname, since)."""
    since = None
    m = re.search(r"\(since (?:(\d{1,2}) )?([A-Za-z]+ )?(\d{4})\)", seg)
    if m:
        day = int(m.group(1) or 1)
        mon = MONTHS.get((m.group(2) or "").strip().lower(), 1)
        since = "%s-%02d-%02d" % (m.group(3), mon, day)
    head = seg.split("(", 1)[0]
    toks = head.replace(",", " ").split()
    idx = [i for i, t in enumerate(toks) if is_caps(t) and NAME_TOKEN.match(t)]
    if not idx:
        return None
    i0 = idx[0]
    i1 = i0
    while i1 + 1 < len(toks) and (is_caps(toks[i1 + 1]) or toks[i1 + 1] in ("II", "III")):
        i1 += 1
    surname = toks[i0:i1 + 1]
    given = []
    j = i0 - 1
    while j >= 0 and NAME_TOKEN.match(toks[j]) and toks[j].lower() not in TITLE_WORDS \
            and toks[j][0].isupper() and len(given) < 4:
        given.insert(0, toks[j])
        j -= 1
    return given, surname, since


def common_words(data):
    """Words written in lower case in the UD English-EWT training text: a surname that is
    also a common word ("note", "rice") is not listed alone."""
    words = set()
    path = os.path.join(data, "ud/UD_English-EWT/en_ewt-ud-train.conllu")
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line[:1].isdigit():
                form = line.split("\t", 2)[1]
                if form.islower():
                    words.add(form)
    return words


def convert_leaders(data, book):
    countries = json.load(open(os.path.join(data, "geo/geonames/countries.json")))
    gdelt = json.load(open(os.path.join(data, "events/cameo/py-gdelt_countries.json")))
    fips = {c["fips"].upper(): c["iso3"] for c in countries.values() if c.get("fips")}
    population = {c["iso3"]: c.get("population") or 0 for c in countries.values()}
    common = common_words(data)
    for k, c in gdelt.items():
        if c.get("iso3"):
            fips.setdefault(k.upper(), c["iso3"])
    # person -> country -> {year: since}; plus which years each country has data for
    seen = defaultdict(lambda: defaultdict(dict))
    known_years = defaultdict(set)
    names = {}
    remote = set()  # (person, country): heads "represented by" someone (realms, co-princes)
    path = os.path.join(data, "leaders/factbook_executive_1990_2025.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for line in f:
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            year, code = int(cols[0]), fips.get(cols[1].upper())
            if code is None:
                warn("factbook country code unknown", cols[1] + " " + cols[2])
                continue
            for field in cols[3:5]:
                field = re.sub(r"^(chief of state|head of government):", "", field.strip())
                segs = [s.strip() for s in re.split(r";|\|", field)]
                for k, seg in enumerate(segs):
                    low = seg.lower()
                    if not seg or "election" in low or low.startswith("note") or \
                            low.startswith("represented by") and "(since" not in seg:
                        continue
                    seg = re.sub(r"^represented by\s+", "", seg)
                    p = parse_leader_segment(seg)
                    if p is None:
                        continue
                    given, surname, since = p
                    pkey = fold(" ".join(given[:1] + surname))
                    if not given and len(surname) < 2:
                        continue
                    if pkey not in names or len(given) > len(names[pkey][0]):
                        names[pkey] = (given, surname)
                    known_years[code].add(year)
                    prev = seen[pkey][code].get(year)
                    seen[pkey][code][year] = prev or since
                    if k + 1 < len(segs) and segs[k + 1].startswith("represented by"):
                        remote.add((pkey, code))
    # a person listed for several countries: keep the ones where not "represented by"
    rows = []
    surnames = defaultdict(list)
    chosen = {}
    for pkey, per_country in seen.items():
        # realms and co-principalities list a head "represented by" a local official;
        # dependencies list the head of the sovereign: keep the main country
        cands = [c for c in per_country if (pkey, c) not in remote] or list(per_country)
        if len(cands) > 1:
            warn("leader listed for several countries, main one kept",
                 pkey + " " + ",".join(sorted(cands)))
        # most years listed first (a misfiled row in one year loses), then population
        chosen[pkey] = max(sorted(cands), key=lambda c: (len(per_country[c]), population.get(c, 0)))
        surnames[fold(" ".join(names[pkey][1]))].append(pkey)
    # a bare surname shared by leaders of several countries goes to the most populous
    # country's leader (Obama: USA over GNQ); shared within one country it is dropped
    surname_owner = {}
    for skey, owners in surnames.items():
        best = max(population.get(chosen[o], 0) for o in owners)
        top = [o for o in owners if population.get(chosen[o], 0) == best]
        if len(top) == 1:
            surname_owner[skey] = top[0]
    successors = defaultdict(list)  # country -> [(since, year, pkey)]
    for pkey, code in chosen.items():
        for y, s in seen[pkey][code].items():
            successors[code].append((y, s, pkey))
    for pkey, code in sorted(chosen.items()):
        years = sorted(seen[pkey][code])
        allyears = sorted(known_years[code])
        # runs of consecutive *known* years in which the person is listed
        runs, run = [], [years[0]]
        for y in years[1:]:
            between = [k for k in allyears if run[-1] < k < y]
            if between:
                runs.append(run)
                run = [y]
            else:
                run.append(y)
        runs.append(run)
        roles = []
        for run in runs:
            since = seen[pkey][code][run[0]]
            start = since if since and since[:4] <= str(run[0]) else "%d-01-01" % run[0]
            later = [k for k in allyears if k > run[-1]]
            if not later:
                end = ""
            else:
                nxt = later[0]
                cands = sorted(s for (y, s, p) in successors[code]
                               if y == nxt and p != pkey and s and str(run[-1]) <= s[:4] <= str(nxt))
                end = cands[0] if cands else "%d-01-01" % nxt
            if end and end <= start:
                end = "%d-01-01" % (run[-1] + 1)
            if roles and (not roles[-1][2] or start <= roles[-1][2]):
                # the "since" date says the tenure went on through the gap: one tenure
                prev = roles.pop()
                ends = [x for x in (prev[2], end) if x]
                end = "" if not prev[2] or not end else max(ends)
                start = min(prev[1], start)
            roles.append((code + "GOV", start, end))
        # after a tenure and outside the next one the person is a former official (ELI)
        eli = []
        for (c, s, e), nxt in zip(roles, roles[1:] + [None]):
            if e:
                eli.append((code + "ELI", e, nxt[1] if nxt else ""))
        roles = sorted(roles + eli, key=lambda r: r[1])
        given, surname = names[pkey]
        entity = "leader:%s:%s" % (code, "_".join(phrase_words(" ".join(given + surname))).upper())
        forms = {" ".join(given + surname)}
        if len(given) > 1:
            forms.add(" ".join(given[:1] + surname))
        skey = fold(" ".join(surname))
        if surname_owner.get(skey) == pkey and len(skey) >= 4 and skey not in common:
            forms.add(" ".join(surname))
        for form in forms:
            rows.append((phrase_key(form), entity, "person", "-", roles_field(roles)))
    return dedupe(rows, "leaders")


def convert_cabinet(data, book, countries_by_name):
    rows = []
    path = os.path.join(data, "leaders/cia_world_leaders_2019-06.tsv")
    with open(path, encoding="utf-8") as f:
        next(f)
        for lineno, line in enumerate(f, 2):
            cols = line.rstrip("\n").split("\t")
            if len(cols) != 3:
                continue
            country, title, name = cols
            cname = fold(country)
            if ", " in cname:  # "Bahamas, The", "Korea, North", "Congo, Republic of the"
                a, b = cname.split(", ", 1)
                cname = a if b == "the" else b + " " + a
            code = countries_by_name.get(phrase_key(cname)) or \
                countries_by_name.get(phrase_key(country))
            if code is None:
                warn("cabinet country unknown", country)
                continue
            t = title.lower()
            sector = "GOV"
            if re.search(r"\b(armed forces|army|military|defen[cs]e forces|navy|air force)\b", t) \
                    and "minister" not in t:
                sector = "MIL"
            elif re.search(r"\bpolice\b", t) and "minister" not in t:
                sector = "COP"
            elif re.search(r"\b(court|judiciary|justice of)\b", t) and "minister" not in t:
                sector = "JUD"
            elif re.search(r"\b(assembly|parliament|senate)\b", t):
                sector = "LEG"
            p = parse_leader_segment(name)
            if p is None:
                continue
            given, surname, _ = p
            if not given and len(surname) < 2:
                continue
            entity = "cabinet2019:%s:%s" % (code, "_".join(phrase_words(name)).upper())
            rows.append((phrase_key(" ".join(given + surname)), entity, "person", code + sector,
                         "%s%s@2019-06-01..2019-06-30" % (code, sector)))
    return dedupe(rows, "cabinet")


def dedupe(rows, source):
    out = {}
    for r in rows:
        if r[0] in out and out[r[0]][1] != r[1]:
            warn("duplicate phrase, first kept (%s)" % source, r[0])
            continue
        out.setdefault(r[0], r)
    return sorted(out.values())


# ---------------------------------------------------------------- output


def write_tsv(path, columns, rows, what):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write("# GENERATED FILE - do not edit. %s\n" % what)
        f.write("# Regenerate with: %s\n" % CMD)
        f.write("# Sources and licences: data/actors/SOURCES.md\n")
        f.write("#" + "\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(r) + "\n")
    print("%-40s %6d rows" % (path, len(rows)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="data/actors")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    pet = os.path.join(a.data, "events/petrarch2")
    book = build_codebook(a.data)
    write_tsv(os.path.join(a.out, "cameo_codebook.tsv"), ["code", "type", "name"],
              sorted((c, t, n) for c, (t, n) in book.items()),
              "CAMEO actor code groups: countries, regions, international, roles, religions.")
    actor_cols = ["phrase", "entity", "kind", "code", "roles"]
    ctry_entries = read_petrarch_actors(os.path.join(pet, "Phoenix.Countries.actors.txt"))
    gaz = convert_gazetteer(a.data, book, ctry_entries)
    place_kind = {k: (c, kd) for (k, c, kd) in gaz}
    leader_rows = convert_leaders(a.data, book)
    leaders = {}
    for (key, _entity, _kind, _code, roles) in leader_rows:
        leaders[key] = [(r.split("@")[0],) + tuple(r.split("@")[1].split("..")) for r in roles.split(";")]
    for fname, source, out in [("Phoenix.Countries.actors.txt", "countries", "phoenix_countries.tsv"),
                               ("Phoenix.International.actors.txt", "international", "phoenix_international.tsv"),
                               ("Phoenix.MilNonState.actors.txt", "nonstate", "phoenix_nonstate.tsv")]:
        rows = []
        convert_actors(os.path.join(pet, fname), source, book, rows, place_kind, leaders)
        write_tsv(os.path.join(a.out, out), actor_cols, sorted(rows),
                  "PETRARCH2 %s; roles are CODE@FROM..TO (ISO dates, empty = open)." % fname)
    agents = convert_agents(os.path.join(pet, "Phoenix.agents.txt"), book)
    write_tsv(os.path.join(a.out, "agents.tsv"), ["phrase", "code", "position"], sorted(agents),
              "PETRARCH2 Phoenix.agents.txt expanded (plurals, substitution sets); "
              "position suffix = ~CODE (appended to the actor), prefix = CODE~.")
    write_tsv(os.path.join(a.out, "countries.tsv"), ["phrase", "code", "kind"], gaz,
              "GeoNames/GDELT country names and capitals, Phoenix country aliases and demonyms.")
    by_name = {k: c for (k, c, kind) in gaz if kind in ("name", "alias")}
    write_tsv(os.path.join(a.out, "leaders.tsv"), actor_cols, leader_rows,
              "CIA World Factbook 1990-2025 chiefs of state and heads of government; "
              "GOV while listed, ELI after.")
    write_tsv(os.path.join(a.out, "cabinet_2019.tsv"), actor_cols,
              convert_cabinet(a.data, book, by_name),
              "CIA World Leaders 2019-06 cabinets; code is the default, role dated to the snapshot.")
    print("\nDropped or adjusted (count, first example):")
    for kind, n in sorted(WARN.items()):
        print("  %6d  %s  e.g. %s" % (n, kind, WARN_EXAMPLES[kind]))


if __name__ == "__main__":
    sys.exit(main())
