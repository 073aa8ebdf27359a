#!/usr/bin/env python3
"""Generate dyad's event codebooks (data/events/*) from the shared source data.

Usage:  python3 tools/gen_event_tables.py [--data ../shared/data] [--out data/events]

Python 3 standard library only. The output is deterministic (sorted by code, unique keys),
so a re-run on the same inputs gives byte-identical files and a reviewable diff. Every file
starts with comment lines saying it is generated and by which command.

Files written:
  cameo_codes.tsv    CAMEO event code -> name (GDELT lookup table, plus code 106 which that
                     table lacks; name taken from the CAMEO manual chapter 6)
  goldstein.tsv      CAMEO event code -> Goldstein scale value (GDELT lookup table)
  quad_class.tsv     CAMEO root (01..20) -> QuadClass 1..4, cross-checked against the
                     GDELT table with QuadClass headers
  cameo_plover.tsv   every CAMEO code -> PLOVER type, mode, context, and how it was found
                     (the code's own line in CAMEO2PLOVER-2021.txt, or a documented fallback)
  CAMEO.2.0.txt      PETRARCH2's verb dictionary, verbatim after a generated-file header
                     (its own MIT licence text is kept inside it)
  Phoenix.discards.txt  PETRARCH2's discard list (sports, history), verbatim after a
                     generated-file header (MIT, petrarch2/LICENSE)

Anything odd in the sources (mojibake, missing codes, duplicate or unknown mapping lines) is
printed at the end; data/events/SOURCES.md records it by hand when it changes.
"""

import argparse
import hashlib
import os
import re
import sys

CMD = "python3 tools/gen_event_tables.py --data ../shared/data --out data/events"
NOTES = []


def note(msg):
    NOTES.append(msg)


def header(what, columns):
    return (
        "# GENERATED FILE - do not edit. " + what + "\n"
        "# Regenerate with: " + CMD + "\n"
        "# Sources and licences: data/events/SOURCES.md\n"
        "#" + "\t".join(columns) + "\n"
    )


def code_key(code):
    """Sort CAMEO codes as strings: '01' < '010' < '0211' < '02' ... is wrong, so sort
    by the digit string itself, which puts a root right before its children."""
    return code


def read_tsv(path, expect_header):
    rows = []
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()
    if not lines or lines[0].strip() != expect_header:
        sys.exit(f"{path}:1: expected header {expect_header!r}, found {lines[0]!r}")
    for n, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            sys.exit(f"{path}:{n}: expected 2 tab-separated fields, found {len(parts)}")
        rows.append((n, parts[0].strip(), parts[1].strip()))
    return rows


CODE_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{0,2}$")

# Known damage in the GDELT name table, repaired here so the repo copy reads cleanly.
NAME_FIXES = {
    "044": "Meet at a 'third' location",
}


def cameo_codes(src):
    path = os.path.join(src, "cameo", "CAMEO.eventcodes.txt")
    names = {}
    for n, code, name in read_tsv(path, "CAMEOEVENTCODE\tEVENTDESCRIPTION"):
        if not CODE_RE.match(code):
            sys.exit(f"{path}:{n}: malformed CAMEO code {code!r}")
        if code in names:
            sys.exit(f"{path}:{n}: duplicate CAMEO code {code}")
        if code in NAME_FIXES:
            note(f"name of {code} repaired: {name!r} -> {NAME_FIXES[code]!r}")
            name = NAME_FIXES[code]
        if not name.isascii():
            note(f"non-ASCII name kept for {code}: {name!r}")
        names[code] = name
    note(f"{len(names)} codes in CAMEO.eventcodes.txt")
    return names


def manual_codes(src, names, source):
    """Add codes that the GDELT name table lacks but the CAMEO manual (chapter 6) has: 106,
    and the later cyber and bombing codes (155, 176, 1834, 1951, 1952), which PETRARCH's
    CAMEO.2.0.txt emits. A code whose parent is not a code (1883, a misprint of 183 in the
    manual) is reported and left out."""
    manual = os.path.join(src, "cameo", "CAMEO_manual_ch6_event_codes.md")
    with open(manual, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"^(?:## )?(\d{2,4}): (.+?)\s*$", line)
            if not m or m.group(1) in names or not CODE_RE.match(m.group(1)):
                continue
            code, name = m.group(1), m.group(2)
            if code[:-1] not in names and code[:2] not in names:
                note(f"code {code} in the manual ({name!r}) has no parent code: left out (misprint?)")
                continue
            if len(code) == 4 and code[:3] not in names:
                note(f"code {code} in the manual ({name!r}) has no parent code: left out (misprint?)")
                continue
            names[code] = name
            source[code] = "manual"
            note(f"code {code} missing from CAMEO.eventcodes.txt, added from the manual: {name!r}")


def goldstein(src, names):
    path = os.path.join(src, "cameo", "CAMEO.goldsteinscale.txt")
    values = {}
    for n, code, value in read_tsv(path, "CAMEOEVENTCODE\tGOLDSTEINSCALE"):
        if code in values:
            sys.exit(f"{path}:{n}: duplicate code {code}")
        v = float(value)
        if not -10.0 <= v <= 10.0:
            sys.exit(f"{path}:{n}: Goldstein value {v} outside -10..10")
        values[code] = v
    return values


def plover_codes(src, names, source):
    """Codes that only CAMEO2PLOVER-2021.txt lists (1213, 1214: reject judicial and
    intelligence cooperation; CAMEO.2.0.txt emits 1213), named from that file's comments."""
    path = os.path.join(src, "plover", "CAMEO2PLOVER-2021.txt")
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            m = re.match(r"^(\d{3,4}):[^#]*#\s*(.+?)\s*$", line)
            if not m or m.group(1) in names:
                continue
            code, name = m.group(1), m.group(2)
            if code[:-1] in names:
                names[code] = name
                source[code] = "cameo2plover"
                note(f"code {code} only in CAMEO2PLOVER-2021.txt line {n}, added: {name!r}")


def goldstein_rows(names, gold):
    rows = []
    for code in sorted(names):
        if code in gold:
            rows.append((code, gold[code], "table"))
            continue
        c = code[:-1]
        while len(c) >= 2 and c not in gold:
            c = c[:-1]
        if len(c) < 2:
            sys.exit(f"code {code} has no Goldstein value, nor any ancestor")
        rows.append((code, gold[c], "from " + c))
        note(f"Goldstein: {code} takes {c}'s value {gold[c]}")
    return rows


QUAD_LABELS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def quad_of_root(root):
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def quad_classes(src, names):
    """QuadClass per root from the documented ranges, checked against the header table."""
    path = os.path.join(src, "cameo", "CAMEO.eventcodes.with_quadclass_headers.txt")
    with open(path, encoding="utf-8", newline="") as f:
        lines = f.read().splitlines()[1:]
    current = None
    for n, line in enumerate(lines, start=2):
        code = line.split("\t")[0].strip()
        if re.match(r"^[1-4]$", code):
            current = int(code)
        elif len(code) == 2:
            if current != quad_of_root(code):
                note(f"QuadClass: {os.path.basename(path)}:{n} puts root {code} under {current}; "
                     f"dyad follows the documented ranges (01-05, 06-08, 09-13, 14-20): {quad_of_root(code)}")
    roots = sorted(c for c in names if len(c) == 2)
    return [(r, quad_of_root(r)) for r in roots]


def plover_lines(src, names):
    path = os.path.join(src, "plover", "CAMEO2PLOVER-2021.txt")
    table = {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, start=1):
            body, _, comment = line.partition("#")
            body = body.strip()
            if not body or body.startswith("~"):
                continue
            m = re.match(r"^(\d{2,4}):\s*(.*)$", body)
            if not m:
                sys.exit(f"{path}:{n}: unreadable line {line.rstrip()!r}")
            code, rest = m.group(1), m.group(2)
            fields = [x.strip() for x in rest.split(",")]
            if len(code) == 2:
                continue  # section headers ("08: CONCEDE", "08: RETREAT"): not mappings
            while len(fields) < 3:
                fields.append("")
            ptype, mode, context = fields[0], fields[1], ",".join(fields[2:]).strip()
            if not re.match(r"^[A-Z]+$", ptype):
                sys.exit(f"{path}:{n}: PLOVER type {ptype!r} is not an upper-case word")
            mode = re.sub(r"\s+", " ", mode)
            context = re.sub(r"\s*;\s*", "; ", context)
            entry = (ptype, mode, context)
            if code in table:
                if table[code][0] != entry:
                    sys.exit(f"{path}:{n}: code {code} mapped twice, differently")
                note(f"CAMEO2PLOVER: code {code} listed twice (line {table[code][1]} and {n}), same mapping")
                continue
            if code not in names:
                note(f"CAMEO2PLOVER: line {n} maps {code}, which is not a CAMEO code; ignored")
                continue
            table[code] = (entry, n)
    return table


def plover_mapping(names, table):
    """Resolve every CAMEO code: own line, else the nearest ancestor's, else dropped."""
    out = []
    fallbacks = []
    for code in sorted(names):
        root = code[:2]
        if root in ("01", "02"):
            out.append((code, "", "", "", "dropped"))
            continue
        if code in table:
            (ptype, mode, context), _ = table[code]
            out.append((code, ptype, mode, context, "table"))
            continue
        # a root (e.g. "04") takes its "not specified" child ("040"); deeper codes their parent
        chain = [code + "0"] if len(code) == 2 else []
        c = code[:-1]
        while len(c) >= 3:
            chain.append(c)
            c = c[:-1]
        chain.append(root + "0")
        for cand in chain:
            if cand in table:
                (ptype, mode, context), _ = table[cand]
                out.append((code, ptype, mode, context, "from " + cand))
                fallbacks.append(f"{code}->{cand}")
                break
        else:
            sys.exit(f"no PLOVER mapping for {code} nor any ancestor")
    note(f"PLOVER: {len(fallbacks)} codes take an ancestor's mapping: {' '.join(fallbacks)}")
    dropped = sum(1 for r in out if r[4] == "dropped")
    note(f"PLOVER: {dropped} codes in roots 01/02 are dropped by PLOVER (no type)")
    return out


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default="../shared/data")
    ap.add_argument("--out", default="data/events")
    args = ap.parse_args()
    src = os.path.join(args.data, "events")
    os.makedirs(args.out, exist_ok=True)

    names = cameo_codes(src)
    source = {c: "gdelt" for c in names}
    manual_codes(src, names, source)
    plover_codes(src, names, source)
    gold = goldstein(src, names)
    for code in sorted(set(gold) - set(names)):
        note(f"Goldstein value for {code}, which has no name: left out")
    gold_rows = goldstein_rows(names, gold)
    quads = quad_classes(src, names)
    table = plover_lines(src, names)
    mapping = plover_mapping(names, table)

    codes = sorted(names)
    text = header("CAMEO event codes and names. source: gdelt = GDELT lookup table, manual = "
                  "CAMEO manual ch. 6, cameo2plover = CAMEO2PLOVER-2021.txt.",
                  ["code", "name", "source"])
    text += "".join(f"{c}\t{names[c]}\t{source[c]}\n" for c in codes)
    write(os.path.join(args.out, "cameo_codes.tsv"), text)

    text = header("Goldstein scale per CAMEO event code (GDELT lookup table). via: 'table' = "
                  "the code's own value, 'from X' = a code missing from the table takes its "
                  "nearest ancestor X's value.", ["code", "goldstein", "via"])
    text += "".join(f"{c}\t{v:.1f}\t{via}\n" for c, v, via in gold_rows)
    write(os.path.join(args.out, "goldstein.tsv"), text)

    text = header("QuadClass per CAMEO root: 1 verbal cooperation, 2 material cooperation, "
                  "3 verbal conflict, 4 material conflict.", ["root", "quad_class", "label"])
    text += "".join(f"{r}\t{q}\t{QUAD_LABELS[q]}\n" for r, q in quads)
    write(os.path.join(args.out, "quad_class.tsv"), text)

    text = header("CAMEO -> PLOVER type, mode, context (CAMEO2PLOVER-2021.txt). via: 'table' = "
                  "the code's own line, 'from X' = ancestor X's line, 'dropped' = roots 01/02, "
                  "which PLOVER eliminated.", ["code", "type", "mode", "context", "via"])
    text += "".join("\t".join(r) + "\n" for r in mapping)
    write(os.path.join(args.out, "cameo_plover.tsv"), text)

    verbs_src = os.path.join(src, "petrarch2", "CAMEO.2.0.txt")
    with open(verbs_src, "rb") as f:
        raw = f.read()
    digest = hashlib.sha256(raw).hexdigest()
    text = (
        "# GENERATED FILE - do not edit. PETRARCH2 verb dictionary CAMEO.2.0.txt, verbatim below\n"
        "# these five lines (MIT licence, Open Event Data Alliance; see the licence text below).\n"
        "# Regenerate with: " + CMD + "\n"
        "# Source sha256: " + digest + "\n"
        "# Sources and licences: data/events/SOURCES.md\n"
    )
    write(os.path.join(args.out, "CAMEO.2.0.txt"), text + raw.decode("ascii"))

    discards_src = os.path.join(src, "petrarch2", "Phoenix.discards.txt")
    with open(discards_src, "rb") as f:
        draw = f.read()
    text = (
        "# GENERATED FILE - do not edit. PETRARCH2 discard list Phoenix.discards.txt, verbatim\n"
        "# below these five lines (MIT licence, Open Event Data: shared/data/events/petrarch2/LICENSE).\n"
        "# Regenerate with: " + CMD + "\n"
        "# Source sha256: " + hashlib.sha256(draw).hexdigest() + "\n"
        "# Sources and licences: data/events/SOURCES.md\n"
    )
    write(os.path.join(args.out, "Phoenix.discards.txt"), text + draw.decode("ascii"))

    for n in NOTES:
        print("note:", n)
    print(f"wrote {len(codes)} codes, {len(gold_rows)} Goldstein values, {len(quads)} roots, "
          f"{len(mapping)} PLOVER rows, CAMEO.2.0.txt ({len(raw)} bytes, sha256 {digest[:12]})")


if __name__ == "__main__":
    main()
