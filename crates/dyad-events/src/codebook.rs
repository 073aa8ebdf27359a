//! The CAMEO codebook: event codes, names, Goldstein values, QuadClass, PLOVER mapping.
//!
//! The tables live as reviewable TSV in `data/events/` (generated from the shared sources by
//! `tools/gen_event_tables.py`) and are compiled in with `include_str!`, so the product never
//! reads files at run time for them. They are parsed once into an immutable [`Codebook`]
//! shared by reference. The parser is strict (sorted, unique, well-formed codes, every code
//! in every table) because the files are generated: any deviation is a bug to see at once.
//! The hygiene tests at the bottom run the same checks and report gaps by name.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::error::EventsError;

const CODES_TSV: &str = include_str!("../../../data/events/cameo_codes.tsv");
const GOLDSTEIN_TSV: &str = include_str!("../../../data/events/goldstein.tsv");
const QUAD_TSV: &str = include_str!("../../../data/events/quad_class.tsv");
const PLOVER_TSV: &str = include_str!("../../../data/events/cameo_plover.tsv");

/// How a code's PLOVER mapping was found in `CAMEO2PLOVER-2021.txt`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PloverVia {
    /// The code has its own line.
    Table,
    /// The code has no line; the named ancestor's line is used (CAMEO roots take their
    /// "not specified" child, e.g. `04` takes `040`).
    Ancestor(String),
}

/// A PLOVER event type with its mode and context, as mapped from a CAMEO code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PloverMapping {
    /// The PLOVER event type, e.g. `CONSULT`.
    #[serde(rename = "type")]
    pub event_type: String,
    /// The PLOVER mode, e.g. `visit`; `None` when the table gives none.
    pub mode: Option<String>,
    /// The PLOVER context(s), e.g. `diplomatic` or `crime; corruption`.
    pub context: Option<String>,
    pub via: PloverVia,
}

/// One CAMEO event code with everything the codebooks say about it.
#[derive(Clone, Debug, PartialEq)]
pub struct CameoCode {
    /// The code as written, 2 to 4 digits: `04`, `042`, `0211`.
    pub code: String,
    pub name: String,
    /// Where the code and name come from: `gdelt` (the GDELT lookup table), `manual` (the
    /// CAMEO manual, chapter 6) or `cameo2plover` (`CAMEO2PLOVER-2021.txt`).
    pub source: String,
    /// Goldstein conflict-cooperation scale, -10..10.
    pub goldstein: f32,
    /// For a code missing from the Goldstein table, the ancestor whose value it takes.
    pub goldstein_from: Option<String>,
    /// QuadClass of the root: 1 verbal cooperation, 2 material cooperation, 3 verbal
    /// conflict, 4 material conflict.
    pub quad_class: u8,
    /// `None` for roots 01 and 02, which PLOVER eliminated.
    pub plover: Option<PloverMapping>,
}

impl CameoCode {
    /// The two-digit root (cue category) of the code.
    pub fn root(&self) -> &str {
        &self.code[..2]
    }
}

/// True if `code` has the shape of a CAMEO event code: 2 to 4 ASCII digits whose first
/// two are a root 01..20. Whether the code exists is [`Codebook::get`]'s question.
pub fn is_well_formed_code(code: &str) -> bool {
    let b = code.as_bytes();
    if !(2..=4).contains(&b.len()) || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let root = (b[0] - b'0') * 10 + (b[1] - b'0');
    (1..=20).contains(&root)
}

/// The QuadClass of a root number by the documented ranges.
pub fn quad_class_of_root(root: u8) -> Option<u8> {
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}

/// The immutable, shared CAMEO codebook.
#[derive(Debug)]
pub struct Codebook {
    codes: Vec<CameoCode>,
    index: HashMap<String, usize>,
}

impl Codebook {
    /// The codebook compiled into the binary from `data/events/`. The tables are generated
    /// and checked by this crate's tests, so a failure here cannot ship; it would panic with
    /// the file and line of the bad row.
    pub fn embedded() -> &'static Codebook {
        static BOOK: OnceLock<Codebook> = OnceLock::new();
        BOOK.get_or_init(|| {
            Codebook::parse(CODES_TSV, GOLDSTEIN_TSV, QUAD_TSV, PLOVER_TSV)
                .unwrap_or_else(|e| panic!("embedded CAMEO codebook is corrupt: {e}"))
        })
    }

    /// Parse the four tables (text of `cameo_codes.tsv`, `goldstein.tsv`, `quad_class.tsv`,
    /// `cameo_plover.tsv`). Rows must be sorted, unique and complete.
    pub fn parse(
        codes_tsv: &str,
        goldstein_tsv: &str,
        quad_tsv: &str,
        plover_tsv: &str,
    ) -> Result<Codebook, EventsError> {
        let names = rows("cameo_codes.tsv", codes_tsv, 3)?;
        let gold = rows("goldstein.tsv", goldstein_tsv, 3)?;
        let quad = rows("quad_class.tsv", quad_tsv, 3)?;
        let plover = rows("cameo_plover.tsv", plover_tsv, 5)?;

        let mut quad_of: HashMap<String, u8> = HashMap::new();
        for (line, r) in &quad {
            let q: u8 = r[1]
                .parse()
                .ok()
                .filter(|q| (1..=4).contains(q))
                .ok_or_else(|| {
                    EventsError::line("quad_class.tsv", *line, format!("bad QuadClass {:?}", r[1]))
                })?;
            quad_of.insert(r[0].to_string(), q);
        }
        let mut gold_of: HashMap<&str, (usize, f32, Option<String>)> = HashMap::new();
        for (line, r) in &gold {
            let err = |m: String| EventsError::line("goldstein.tsv", *line, m);
            let v: f32 = r[1]
                .parse()
                .ok()
                .filter(|v: &f32| (-10.0..=10.0).contains(v))
                .ok_or_else(|| err(format!("bad Goldstein {:?}", r[1])))?;
            let via = match r[2] {
                "table" => None,
                v => match v.strip_prefix("from ") {
                    Some(anc) if is_well_formed_code(anc) && r[0].starts_with(anc) => {
                        Some(anc.to_string())
                    }
                    _ => {
                        return Err(err(format!(
                            "bad 'via' {v:?}: expected table or 'from ANCESTOR'"
                        )))
                    }
                },
            };
            gold_of.insert(r[0], (*line, v, via));
        }
        let mut plover_of: HashMap<&str, Option<PloverMapping>> = HashMap::new();
        for (line, r) in &plover {
            let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
            let via = match r[4] {
                "table" => Some(PloverVia::Table),
                "dropped" => None,
                v => match v.strip_prefix("from ") {
                    Some(anc) if is_well_formed_code(anc) => {
                        Some(PloverVia::Ancestor(anc.to_string()))
                    }
                    _ => {
                        return Err(EventsError::line(
                            "cameo_plover.tsv",
                            *line,
                            format!("bad 'via' {v:?}: expected table, dropped or 'from CODE'"),
                        ))
                    }
                },
            };
            let mapping = match via {
                None => None,
                Some(via) => {
                    if r[1].is_empty() {
                        return Err(EventsError::line(
                            "cameo_plover.tsv",
                            *line,
                            format!("code {} has no PLOVER type", r[0]),
                        ));
                    }
                    Some(PloverMapping {
                        event_type: r[1].to_string(),
                        mode: opt(r[2]),
                        context: opt(r[3]),
                        via,
                    })
                }
            };
            plover_of.insert(r[0], mapping);
        }

        let mut codes = Vec::with_capacity(names.len());
        let mut index = HashMap::new();
        for (line, r) in &names {
            let code = r[0];
            let err = |m: String| EventsError::line("cameo_codes.tsv", *line, m);
            let quad_class = *quad_of
                .get(&code[..2])
                .ok_or_else(|| err(format!("root of {code} has no QuadClass")))?;
            let (_, goldstein, goldstein_from) = gold_of
                .get(code)
                .ok_or_else(|| err(format!("code {code} has no Goldstein value")))?
                .clone();
            let source = match r[2] {
                "gdelt" | "manual" | "cameo2plover" => r[2].to_string(),
                other => return Err(err(format!("unknown source {other:?}"))),
            };
            let plover = plover_of
                .get(code)
                .ok_or_else(|| err(format!("code {code} has no PLOVER row")))?
                .clone();
            index.insert(code.to_string(), codes.len());
            codes.push(CameoCode {
                code: code.to_string(),
                name: r[1].to_string(),
                source,
                goldstein,
                goldstein_from,
                quad_class,
                plover,
            });
        }
        for (code, (line, _, _)) in &gold_of {
            if !index.contains_key(*code) {
                return Err(EventsError::line(
                    "goldstein.tsv",
                    *line,
                    format!("code {code} is not in cameo_codes.tsv"),
                ));
            }
        }
        Ok(Codebook { codes, index })
    }

    /// All codes, sorted.
    pub fn codes(&self) -> &[CameoCode] {
        &self.codes
    }

    /// The entry for `code`, if it is a CAMEO code.
    pub fn get(&self, code: &str) -> Option<&CameoCode> {
        self.index.get(code).map(|&i| &self.codes[i])
    }

    pub fn goldstein(&self, code: &str) -> Option<f32> {
        self.get(code).map(|c| c.goldstein)
    }

    pub fn quad_class(&self, code: &str) -> Option<u8> {
        self.get(code).map(|c| c.quad_class)
    }

    pub fn plover(&self, code: &str) -> Option<&PloverMapping> {
        self.get(code).and_then(|c| c.plover.as_ref())
    }
}

type Row<'a> = (usize, Vec<&'a str>);

/// The data rows of a generated TSV: `#` lines skipped, `width` fields each, first field a
/// well-formed code in strictly increasing order.
fn rows<'a>(file: &str, text: &'a str, width: usize) -> Result<Vec<Row<'a>>, EventsError> {
    let mut out: Vec<Row<'a>> = Vec::new();
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != width {
            return Err(EventsError::line(
                file,
                n,
                format!(
                    "expected {width} tab-separated fields, found {}",
                    fields.len()
                ),
            ));
        }
        if !is_well_formed_code(fields[0]) {
            return Err(EventsError::line(
                file,
                n,
                format!("malformed code {:?}", fields[0]),
            ));
        }
        if let Some((_, prev)) = out.last() {
            if prev[0] >= fields[0] {
                return Err(EventsError::line(
                    file,
                    n,
                    format!(
                        "code {} is not after {} (unsorted or duplicate)",
                        fields[0], prev[0]
                    ),
                ));
            }
        }
        out.push((n, fields));
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_codebook_has_all_codes_with_values() {
        let book = Codebook::embedded();
        // 310 codes of the GDELT name table, 106 and 5 later codes from the CAMEO manual,
        // 1213 and 1214 from CAMEO2PLOVER (see data/events/SOURCES.md).
        assert_eq!(book.codes().len(), 318);
        assert_eq!(
            book.codes().iter().filter(|c| c.source == "gdelt").count(),
            310
        );
        let c176 = book.get("176").unwrap();
        assert_eq!(
            (c176.source.as_str(), c176.goldstein_from.as_deref()),
            ("manual", Some("17"))
        );
        assert_eq!(c176.goldstein, book.goldstein("17").unwrap());
        assert_eq!(book.get("1213").unwrap().source, "cameo2plover");
        assert_eq!(book.goldstein("106"), Some(-5.0));
        assert_eq!(book.get("106").unwrap().goldstein_from, None);
        assert_eq!(book.get("106").unwrap().name, "Demand meeting, negotiation");
        assert_eq!(book.quad_class("042"), Some(1));
        assert_eq!(book.quad_class("0874"), Some(2));
        assert_eq!(book.quad_class("0931"), None);
        assert_eq!(book.quad_class("090"), Some(3));
        assert_eq!(book.quad_class("145"), Some(4));
        assert_eq!(book.quad_class("2042"), Some(4));
        let p = book.plover("042").unwrap();
        assert_eq!(
            (p.event_type.as_str(), p.mode.as_deref(), &p.via),
            ("CONSULT", Some("visit"), &PloverVia::Table)
        );
        assert_eq!(
            book.plover("04").unwrap().via,
            PloverVia::Ancestor("040".into())
        );
        assert!(
            book.plover("0214").is_none(),
            "root 02 is dropped by PLOVER"
        );
        assert_eq!(book.plover("1712").unwrap().event_type, "ASSAULT");
        assert_eq!(book.get("044").unwrap().name, "Meet at a 'third' location");
    }

    #[test]
    fn every_code_well_formed_with_its_root_present() {
        let book = Codebook::embedded();
        for c in book.codes() {
            assert!(is_well_formed_code(&c.code), "{}", c.code);
            assert!(book.get(c.root()).is_some(), "root of {} missing", c.code);
            let root: u8 = c.root().parse().unwrap();
            assert_eq!(Some(c.quad_class), quad_class_of_root(root), "{}", c.code);
            assert!(
                c.name.is_ascii() && !c.name.is_empty(),
                "{}: {:?}",
                c.code,
                c.name
            );
        }
    }

    #[test]
    fn plover_gaps_are_only_roots_01_02_and_root_fallbacks() {
        let book = Codebook::embedded();
        let mut dropped = Vec::new();
        let mut fallback = Vec::new();
        for c in book.codes() {
            match &c.plover {
                None => dropped.push(c.code.as_str()),
                Some(m) if m.via != PloverVia::Table => fallback.push(c.code.as_str()),
                Some(_) => {}
            }
        }
        assert!(dropped
            .iter()
            .all(|c| c.starts_with("01") || c.starts_with("02")));
        assert_eq!(dropped.len(), 39, "{dropped:?}");
        // The 18 roots 03..20 lack a line of their own and take their X0 child; so do the
        // five codes the 2021 table predates (155, 176, 1834, 1951, 1952), via their parent.
        assert_eq!(fallback.len(), 23, "{fallback:?}");
        let non_roots: Vec<&str> = fallback.iter().copied().filter(|c| c.len() > 2).collect();
        assert_eq!(non_roots, ["155", "176", "1834", "1951", "1952"]);
    }

    #[test]
    fn tables_are_sorted_unique_and_complete() {
        // The same strictness the parser applies, checked on each file separately so a
        // failure names the file.
        for (file, text, width) in [
            ("cameo_codes.tsv", CODES_TSV, 3),
            ("goldstein.tsv", GOLDSTEIN_TSV, 3),
            ("quad_class.tsv", QUAD_TSV, 3),
            ("cameo_plover.tsv", PLOVER_TSV, 5),
        ] {
            let r = rows(file, text, width).unwrap_or_else(|e| panic!("{e}"));
            assert!(
                text.starts_with("# GENERATED FILE"),
                "{file} lacks its header"
            );
            assert!(text.contains("tools/gen_event_tables.py"), "{file}");
            let expected = if file == "quad_class.tsv" { 20 } else { 318 };
            assert_eq!(r.len(), expected, "{file}");
        }
    }

    #[test]
    fn parser_rejects_unsorted_duplicate_and_missing_rows() {
        let q = "01\t1\tverbal cooperation\n";
        let p = "01\t\t\t\tdropped\n010\t\t\t\tdropped\n";
        let g = "01\t0.0\ttable\n010\t0.0\tfrom 01\n";
        let ok = Codebook::parse("01\tA\tgdelt\n010\tB\tmanual\n", g, q, p).unwrap();
        assert_eq!(ok.codes().len(), 2);
        assert_eq!(ok.get("010").unwrap().goldstein_from.as_deref(), Some("01"));
        let e = Codebook::parse("010\tB\tgdelt\n01\tA\tgdelt\n", g, q, p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cameo_codes.tsv:2: code 01 is not after 010 (unsorted or duplicate)"
        );
        let e = Codebook::parse("01\tA\tgdelt\n01\tA\tgdelt\n", g, q, p).unwrap_err();
        assert!(e.to_string().starts_with("cameo_codes.tsv:2:"), "{e}");
        let e =
            Codebook::parse("01\tA\tgdelt\n010\tB\tgdelt\n", "01\t0.0\ttable\n", q, p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cameo_codes.tsv:2: code 010 has no Goldstein value"
        );
        let e = Codebook::parse("01\tA\tgdelt\n", "01\t12.5\ttable\n", q, p).unwrap_err();
        assert!(e.to_string().contains("bad Goldstein"), "{e}");
        let e = Codebook::parse("01\tA\tgdelt\n", "01\t1.0\tfrom 02\n", q, p).unwrap_err();
        assert!(e.to_string().contains("bad 'via'"), "{e}");
        let e = Codebook::parse("1x\tA\tgdelt\n", g, q, p).unwrap_err();
        assert_eq!(e.to_string(), "cameo_codes.tsv:1: malformed code \"1x\"");
        let e = Codebook::parse("01\tA\n", g, q, p).unwrap_err();
        assert_eq!(
            e.to_string(),
            "cameo_codes.tsv:1: expected 3 tab-separated fields, found 2"
        );
        let e = Codebook::parse(
            "01\tA\tgdelt\n",
            "01\t0\ttable\n",
            q,
            "01\t\t\t\tfrom nowhere\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("bad 'via'"), "{e}");
    }

    #[test]
    fn well_formed_codes() {
        for ok in ["01", "20", "042", "0211", "1384"] {
            assert!(is_well_formed_code(ok), "{ok}");
        }
        for bad in ["00", "21", "0", "12345", "04a", "---", ""] {
            assert!(!is_well_formed_code(bad), "{bad}");
        }
    }
}
