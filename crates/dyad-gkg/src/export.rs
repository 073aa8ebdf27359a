//! GDELT GKG 2.1 export: one tab-separated row of the 27 codebook columns per document.
//!
//! The fields dyad has are written in the codebook's block formats (themes, locations,
//! persons, organizations, tone, dates, quotations, names, amounts); the fields it does not
//! produce (the GDELT count types, GCAM dimensions beyond the word count, images, embeds,
//! translation information, extras XML) are left empty, as GDELT leaves a field with nothing
//! in it. Offsets are character offsets into the cleaned text ([`Document::text`]), the
//! "approximate character offset" of the codebook. Country codes are FIPS 10-4, as GDELT
//! uses them (`data/gkg/fips.tsv`, from GeoNames); ADM1 codes are FIPS country + state code
//! for US places and the country's code alone elsewhere, where dyad has no FIPS ADM1 codes.
//! Text inside a field has the delimiters of its block format replaced by spaces.

use std::collections::HashMap;
use std::fmt::Write;
use std::sync::OnceLock;

use dyad_core::Document;

use crate::{DateResolution, Feature, Gazetteer, Gkg, Location, NameKind};

const FIPS_TSV: &str = include_str!("../../../data/gkg/fips.tsv");

/// The column names of a GKG 2.1 row, in order.
pub const COLUMNS: [&str; 27] = [
    "GKGRECORDID",
    "V2.1DATE",
    "V2SOURCECOLLECTIONIDENTIFIER",
    "V2SOURCECOMMONNAME",
    "V2DOCUMENTIDENTIFIER",
    "V1COUNTS",
    "V2.1COUNTS",
    "V1THEMES",
    "V2ENHANCEDTHEMES",
    "V1LOCATIONS",
    "V2ENHANCEDLOCATIONS",
    "V1PERSONS",
    "V2ENHANCEDPERSONS",
    "V1ORGANIZATIONS",
    "V2ENHANCEDORGANIZATIONS",
    "V1.5TONE",
    "V2.1ENHANCEDDATES",
    "V2GCAM",
    "V2.1SHARINGIMAGE",
    "V2.1RELATEDIMAGES",
    "V2.1SOCIALIMAGEEMBEDS",
    "V2.1SOCIALVIDEOEMBEDS",
    "V2.1QUOTATIONS",
    "V2.1ALLNAMES",
    "V2.1AMOUNTS",
    "V2.1TRANSLATIONINFO",
    "V2EXTRASXML",
];

/// ISO3 to FIPS 10-4.
fn fips() -> &'static HashMap<&'static str, &'static str> {
    static M: OnceLock<HashMap<&str, &str>> = OnceLock::new();
    M.get_or_init(|| {
        FIPS_TSV
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .collect()
    })
}

/// Country names by ISO3 and US state names by code, from the gazetteer.
fn place_names() -> &'static (HashMap<String, String>, HashMap<String, String>) {
    static M: OnceLock<(HashMap<String, String>, HashMap<String, String>)> = OnceLock::new();
    M.get_or_init(|| {
        let (mut countries, mut states) = (HashMap::new(), HashMap::new());
        if let Ok(g) = Gazetteer::builtin() {
            for p in g.places() {
                match p.feature {
                    Feature::Country => {
                        countries.insert(p.iso3.to_string(), p.name.to_string());
                    }
                    Feature::Adm1 if p.iso3 == "USA" => {
                        states.insert(p.admin1.to_string(), p.name.to_string());
                    }
                    _ => {}
                }
            }
        }
        (countries, states)
    })
}

/// `s` with the characters that delimit GKG blocks and fields replaced by spaces.
fn field(s: &str) -> String {
    text_field(s, true)
}

/// [`field`], keeping commas where the block format does not split on them (location full
/// names, quotations).
fn text_field(s: &str, no_commas: bool) -> String {
    s.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' | ';' | '#' | '|' => ' ',
            ',' if no_commas => ' ',
            c => c,
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Character offset of byte offset `b` in `text`.
struct CharOffsets<'a> {
    text: &'a str,
}

impl CharOffsets<'_> {
    fn at(&self, b: usize) -> usize {
        let b = b.min(self.text.len());
        let mut b = b;
        while !self.text.is_char_boundary(b) {
            b -= 1;
        }
        self.text[..b].chars().count()
    }
}

/// The `#`-separated location fields of V1LOCATIONS (without the trailing offset), with
/// `adm2` (empty) inserted for V2ENHANCEDLOCATIONS when `enhanced`.
fn location_block(l: &Location, enhanced: bool) -> String {
    let (countries, states) = place_names();
    let cc = fips().get(l.country.as_str()).copied().unwrap_or("");
    let country = countries.get(&l.country).cloned().unwrap_or_default();
    let us = l.country == "USA";
    let state = us.then(|| states.get(&l.admin1).cloned()).flatten();
    let (kind, full, adm1, feature_id) = match l.feature {
        Feature::Country => (1, country.clone(), cc.to_string(), cc.to_string()),
        Feature::Adm1 => {
            let adm1 = format!("{cc}{}", l.admin1);
            let k = if us { 2 } else { 5 };
            (k, format!("{}, {country}", l.name), adm1.clone(), adm1)
        }
        Feature::City => {
            let full = match &state {
                Some(s) => format!("{}, {s}, {country}", l.name),
                None => format!("{}, {country}", l.name),
            };
            let adm1 = if us {
                format!("{cc}{}", l.admin1)
            } else {
                cc.to_string()
            };
            (if us { 3 } else { 4 }, full, adm1, l.geonameid.to_string())
        }
    };
    let adm2 = if enhanced { "#" } else { "" };
    format!(
        "{kind}#{}#{cc}#{adm1}{adm2}#{}#{}#{feature_id}",
        text_field(&full, false),
        l.lat,
        l.lon
    )
}

fn resolution(r: DateResolution) -> u8 {
    match r {
        DateResolution::Day | DateResolution::Week => 3,
        DateResolution::Month => 2,
        DateResolution::Year => 1,
        DateResolution::MonthDay => 4,
    }
}

/// The numbers of an ISO date at its resolution: (month, day, year), 0 where absent.
fn date_parts(d: &str) -> (u32, u32, i64) {
    if let Some(md) = d.strip_prefix("--") {
        let mut p = md.split('-');
        let m = p.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        let dd = p.next().and_then(|x| x.parse().ok()).unwrap_or(0);
        return (m, dd, 0);
    }
    let mut p = d.split('-');
    let y = p.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let m = p.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    let dd = p.next().and_then(|x| x.parse().ok()).unwrap_or(0);
    (m, dd, y)
}

fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// One GKG 2.1 row (27 tab-separated columns, no newline) for `doc` and its [`Gkg`] record.
/// `record_id` goes in GKGRECORDID (GDELT's `YYYYMMDDHHMMSS-N` batch numbering does not
/// apply outside GDELT; callers pass the document id or their own serial).
pub fn gkg_row(doc: &Document, gkg: &Gkg, record_id: &str) -> String {
    let off = CharOffsets { text: &doc.text };
    let mut cols: Vec<String> = vec![String::new(); COLUMNS.len()];
    cols[0] = field(record_id);
    cols[1] = doc
        .doc
        .date
        .as_deref()
        .map(|d| {
            let (m, dd, y) = date_parts(d);
            format!("{y:04}{m:02}{dd:02}000000")
        })
        .unwrap_or_else(|| "0".into());
    let source = doc.doc.source.as_str();
    let web = source.starts_with("http://") || source.starts_with("https://");
    cols[2] = if web { "1" } else { "2" }.into();
    cols[3] = if web {
        field(source.split('/').nth(2).unwrap_or(source))
    } else {
        field(source.rsplit('/').next().unwrap_or(source))
    };
    cols[4] = field(source);
    let mut v1 = String::new();
    let mut v2 = String::new();
    for t in &gkg.themes {
        let _ = write!(v1, "{};", t.code);
        for o in &t.offsets {
            let _ = write!(v2, "{},{};", t.code, off.at(*o));
        }
    }
    (cols[7], cols[8]) = (v1, v2);
    let mut v1 = String::new();
    let mut v2 = String::new();
    let mut seen: Vec<&str> = Vec::new();
    for l in &gkg.locations {
        if !seen.contains(&l.mention.as_str()) {
            seen.push(&l.mention);
            let _ = write!(v1, "{};", location_block(l, false));
        }
        let _ = write!(v2, "{}#{};", location_block(l, true), off.at(l.span.start));
    }
    (cols[9], cols[10]) = (v1, v2);
    for (kind, c1, c2) in [(NameKind::Person, 11, 12), (NameKind::Organization, 13, 14)] {
        let mut v1 = String::new();
        let mut v2 = String::new();
        for n in gkg.names.iter().filter(|n| n.kind == kind) {
            let name = field(&n.name);
            let _ = write!(v1, "{};", name.to_lowercase());
            for o in &n.offsets {
                let _ = write!(v2, "{name},{};", off.at(*o));
            }
        }
        (cols[c1], cols[c2]) = (v1, v2);
    }
    cols[15] = gkg.tone.to_gdelt();
    let mut dates = String::new();
    for d in &gkg.dates {
        if let Some(iso) = &d.date {
            let (m, dd, y) = date_parts(iso);
            let r = resolution(d.resolution);
            let _ = write!(dates, "{r},{m},{dd},{y},{};", off.at(d.span.start));
        }
    }
    cols[16] = dates;
    cols[17] = format!("wc:{}", gkg.tone.word_count);
    let quotes: Vec<String> = gkg
        .quotes
        .iter()
        .map(|q| {
            format!(
                "{}|{}|{}|{}",
                off.at(q.span.start),
                q.text.chars().count(),
                field(q.verb.as_deref().unwrap_or("")),
                text_field(&q.text, false)
            )
        })
        .collect();
    cols[22] = quotes.join("#");
    let mut all = String::new();
    let mut mentions: Vec<(usize, &str)> = gkg
        .names
        .iter()
        .flat_map(|n| n.offsets.iter().map(move |o| (*o, n.name.as_str())))
        .collect();
    mentions.sort();
    for (o, n) in mentions {
        let _ = write!(all, "{},{};", field(n), off.at(o));
    }
    cols[23] = all;
    let mut amounts = String::new();
    for a in &gkg.amounts {
        let _ = write!(
            amounts,
            "{},{},{};",
            number(a.value),
            field(&a.unit),
            off.at(a.span.start)
        );
    }
    cols[24] = amounts;
    cols.join("\t")
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::{DocMeta, Entity, Span};

    #[test]
    fn row_has_the_codebook_columns_and_fields() {
        let text = "Antony Blinken said on Wednesday in Brussels that refugees need $308 million. \
                    \"We will help them now,\" Blinken said.";
        let mut d = Document::new(
            DocMeta::new("https://www.example.com/a/b.html", text.as_bytes()),
            String::new(),
        );
        d.doc.date = Some("2021-03-25".into());
        dyad_text::clean_into(&mut d, text, Span::new(0, text.len()));
        dyad_text::annotate(&mut d);
        d.entities.push(Entity {
            span: Span::new(0, 14),
            label: "PER".into(),
            tokens: [0, 2],
        });
        let g = crate::annotate_gkg(&d).unwrap();
        let row = gkg_row(&d, &g, "doc-1");
        let f: Vec<&str> = row.split('\t').collect();
        assert_eq!(f.len(), 27);
        assert!(!row.contains('\n'));
        assert_eq!(f[0], "doc-1");
        assert_eq!(f[1], "20210325000000");
        assert_eq!((f[2], f[3]), ("1", "www.example.com"));
        assert_eq!(f[5], "", "no GDELT counts");
        assert!(f[7].contains("REFUGEES;"), "{}", f[7]);
        // Brussels: a world city in Belgium (FIPS BE), with an offset in the enhanced field.
        assert!(f[9].starts_with("4#Brussels, Belgium#BE#BE#"), "{}", f[9]);
        let brussels = text.find("Brussels").unwrap();
        assert!(f[10].ends_with(&format!("#{brussels};")), "{}", f[10]);
        assert_eq!(f[11], "antony blinken;");
        assert!(f[12].starts_with("Antony Blinken,0;"), "{}", f[12]);
        assert_eq!(f[15].split(',').count(), 7);
        assert!(f[16].starts_with("3,3,24,2021,"), "{}", f[16]);
        assert!(f[17].starts_with("wc:"));
        assert!(f[22].contains("|said|We will help them now"), "{}", f[22]);
        assert!(f[24].starts_with("308000000,USD,"), "{}", f[24]);
        for i in [18, 19, 20, 21, 25, 26] {
            assert_eq!(f[i], "", "column {}", COLUMNS[i]);
        }
    }

    #[test]
    fn delimiters_inside_text_are_neutralised() {
        assert_eq!(field("a;b#c|d,e\tf\ng"), "a b c d e f g");
        assert_eq!(date_parts("--03-03"), (3, 3, 0));
        assert_eq!(date_parts("2021-03"), (3, 0, 2021));
        assert_eq!(number(308e6), "308000000");
        assert_eq!(number(1.5), "1.5");
    }
}
