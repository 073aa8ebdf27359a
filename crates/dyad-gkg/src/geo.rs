//! Geoparsing: place names found over the tokens and resolved to GeoNames entries.
//!
//! The gazetteer (`data/gkg/places.tsv`, generated from GeoNames, CC BY 4.0) holds countries,
//! US states and cities of 15,000+ people; `data/gkg/country_aliases.tsv` adds the short
//! names news uses ("U.S.", "Britain"). Names are keyed by their lower-cased text with the
//! spaces removed, so a key compares directly with a run of tokens ("New York" = `new`+`york`,
//! "Saint-Denis" = `saint`+`-`+`denis`) whatever the tokenizer did with hyphens. The table
//! is embedded and its rows parsed by `dyad-places` (shared with the actor resolver); the
//! name index over them is this module's own (`geo_table.rs`), built at build time by
//! `build.rs` into static tables, so no run pays for reading and indexing 34,000 places.
//!
//! Candidates are runs of capitalised tokens (with `of`, `the`, `de`, `-` inside), longest
//! match first. A city whose name is also an English tonal word ("Nice", "Hope") is only
//! taken inside a longer run, never alone, because that is mostly the word. Each candidate is
//! then resolved among the places of its name: a country beats a state, a state beats a small
//! city, and within a level population decides, unless the document's context points
//! elsewhere: countries named in the document, the country of the dateline, and the countries
//! of the places that have only one reading. This is the classic population + context
//! heuristic of GDELT-era geocoders; it needs no model.

use std::borrow::Cow;

use rustc_hash::FxHashSet;

use dyad_core::{Document, Span, Token};
use serde::{Deserialize, Serialize};

use crate::geo_table::{key_into, Tables};
use crate::{GkgError, ToneLexicon};

#[cfg(test)]
const ALIASES_TSV: &str = include_str!("../../../data/gkg/country_aliases.tsv");

// `BUILTIN`: the tables of the embedded places and aliases, built by `build.rs`.
include!(concat!(env!("OUT_DIR"), "/geo_tables.rs"));

/// The kind of a place; the table's reader, `dyad-places`, defines it.
pub use dyad_places::Feature;

/// One gazetteer entry.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub geonameid: u64,
    pub feature: Feature,
    pub name: String,
    pub iso2: String,
    pub iso3: String,
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

/// One gazetteer entry borrowed from the gazetteer's tables; [`PlaceRef::to_place`] makes
/// the owned [`Place`].
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PlaceRef<'a> {
    pub geonameid: u64,
    pub feature: Feature,
    pub name: &'a str,
    pub iso2: &'a str,
    pub iso3: &'a str,
    pub admin1: &'a str,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
}

impl PlaceRef<'_> {
    pub fn to_place(&self) -> Place {
        Place {
            geonameid: self.geonameid,
            feature: self.feature,
            name: self.name.to_string(),
            iso2: self.iso2.to_string(),
            iso3: self.iso3.to_string(),
            admin1: self.admin1.to_string(),
            lat: self.lat,
            lon: self.lon,
            population: self.population,
        }
    }
}

/// One place mention resolved to a gazetteer entry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Location {
    /// The words of the mention, as in the text.
    pub mention: String,
    pub span: Span,
    /// The gazetteer name of the place.
    pub name: String,
    /// ISO 3166-1 alpha-3 country code.
    pub country: String,
    /// GeoNames admin1 code (US state code for US places); empty for countries.
    pub admin1: String,
    pub lat: f64,
    pub lon: f64,
    pub geonameid: u64,
    pub feature: Feature,
}

/// The places and the name index over them: columns and a sorted key table (see
/// `geo_table.rs`), built at build time for the embedded tables.
#[derive(Debug)]
pub struct Gazetteer {
    t: Cow<'static, Tables>,
}

/// The index key of a name: lower case, spaces removed.
fn key(s: &str) -> String {
    let mut k = String::with_capacity(s.len());
    key_into(s, &mut k);
    k
}

/// The document's context: ISO2 codes of its countries and (ISO2, admin1) of its states.
/// (Fast sets: the codes are the gazetteer's own, and only membership is asked.)
#[derive(Default)]
struct Context<'a> {
    countries: FxHashSet<&'a str>,
    states: FxHashSet<(&'a str, &'a str)>,
}

impl Gazetteer {
    /// Parses `places.tsv` and `country_aliases.tsv` texts; `#` lines are comments. The
    /// places are read by the shared reader of `dyad-places`, whose errors keep their line.
    /// (The embedded tables are built the same way, at build time: [`Gazetteer::builtin`].)
    pub fn parse(places: &str, aliases: &str) -> Result<Gazetteer, GkgError> {
        let t = Tables::build(places, aliases)
            .map_err(|e| GkgError::table(e.file, e.line, e.message))?;
        Ok(Gazetteer { t: Cow::Owned(t) })
    }

    /// The gazetteer of the embedded tables, built at build time.
    pub fn builtin() -> Result<&'static Gazetteer, &'static GkgError> {
        static GAZ: Gazetteer = Gazetteer {
            t: Cow::Borrowed(&BUILTIN),
        };
        Ok(&GAZ)
    }

    /// Place `i`, borrowed from the tables.
    fn place(&self, i: u32) -> PlaceRef<'_> {
        let (t, i) = (&*self.t, i as usize);
        PlaceRef {
            geonameid: t.geonameid[i],
            feature: t.feature[i],
            name: t.field(i, 0),
            iso2: t.field(i, 1),
            iso3: t.field(i, 2),
            admin1: t.field(i, 3),
            lat: t.lat[i],
            lon: t.lon[i],
            population: t.population[i],
        }
    }

    /// Every place, in the order of `places.tsv`.
    pub fn places(&self) -> impl ExactSizeIterator<Item = PlaceRef<'_>> + '_ {
        (0..self.t.len() as u32).map(|i| self.place(i))
    }

    /// The places called `name`, by primary name, alias or alternate name.
    pub fn lookup(&self, name: &str) -> Vec<PlaceRef<'_>> {
        self.candidates(&key(name))
            .iter()
            .map(|&(i, _)| self.place(i))
            .collect()
    }

    /// True if some place is called `name` (what `!lookup(name).is_empty()` says).
    pub fn contains(&self, name: &str) -> bool {
        !self.candidates(&key(name)).is_empty()
    }

    /// Place indexes for a key, each flagged true when the key is its primary name or alias.
    fn candidates(&self, k: &str) -> &[(u32, bool)] {
        self.t.candidates(k)
    }

    /// Finds and resolves the place mentions of `doc`. `lex` marks common words.
    pub fn locate(&self, doc: &Document, lex: &ToneLexicon) -> Vec<Location> {
        self.locate_with_dateline(doc, lex).0
    }

    /// [`Gazetteer::locate`], and the place of the document's dateline (`BRUSSELS (Reuters)
    /// -`, kept in [`dyad_core::DocMeta::dateline`] by the reader) resolved in the same
    /// context, when it names a known place. The dateline is metadata, outside the text, so
    /// it is a place, not a [`Location`] with a span.
    pub fn locate_with_dateline(
        &self,
        doc: &Document,
        lex: &ToneLexicon,
    ) -> (Vec<Location>, Option<PlaceRef<'_>>) {
        let mut found: Vec<(Span, Vec<(u32, bool)>)> = Vec::new();
        let surnames = self.surnames(doc);
        for s in 0..doc.sentences.len() {
            self.scan(doc.sentence_tokens(s), lex, &surnames, &mut found);
        }
        // Context: countries named outright, the dateline, places with one reading.
        let mut context = Context::default();
        for (_, c) in &found {
            if let [(one, _)] = c.as_slice() {
                // A small town gives no context: it may itself be a misreading.
                let p = self.place(*one);
                if p.feature != Feature::City || p.population >= 100_000 {
                    context.countries.insert(p.iso2);
                }
                if p.feature == Feature::Adm1 {
                    context.states.insert((p.iso2, p.admin1));
                }
            }
            for &(i, _) in c {
                if self.t.feature[i as usize] == Feature::Country {
                    context.countries.insert(self.place(i).iso2);
                }
            }
        }
        let mut dateline = None;
        if let Some(dl) = doc.doc.dateline.as_deref() {
            // "KYIV, Ukraine": the whole line, else the place before the comma.
            let mut c = self.candidates(&key(dl));
            if c.is_empty() {
                c = self.candidates(&key(dl.split(',').next().unwrap_or(dl)));
            }
            if let Some(best) = self.best(c, &context) {
                let p = self.place(best);
                context.countries.insert(p.iso2);
                context.states.insert((p.iso2, p.admin1));
                dateline = Some(p);
            }
        }
        let mut out = Vec::new();
        for (span, c) in found {
            let Some(best) = self.best(&c, &context) else {
                continue;
            };
            let p = self.place(best);
            // A town of under 100,000 people is taken only in a story about its country:
            // otherwise "Olympic" or "Jupiter" would be towns.
            if p.feature == Feature::City
                && p.population < 100_000
                && !context.countries.contains(p.iso2)
            {
                continue;
            }
            out.push(Location {
                mention: span.get(&doc.text).unwrap_or_default().to_string(),
                span,
                name: p.name.to_string(),
                country: p.iso3.to_string(),
                admin1: p.admin1.to_string(),
                lat: p.lat,
                lon: p.lon,
                geonameid: p.geonameid,
                feature: p.feature,
            });
        }
        (out, dateline)
    }

    /// The most likely reading among `cands` given the document's countries.
    fn best(&self, cands: &[(u32, bool)], context: &Context) -> Option<u32> {
        let score = |&(i, primary): &(u32, bool)| {
            let p = self.place(i);
            let base = match p.feature {
                Feature::Country => 12.0,
                // A state ranks like a city of about 300,000 people, so "Washington" is the
                // capital and "Texas" the state.
                Feature::Adm1 => 5.5,
                Feature::City => (p.population as f64 + 10.0).log10(),
            };
            // An alternate name (other language, old spelling) is a weaker reading: "New
            // York" is the city's alternate name, and a city of millions still wins.
            let alt = if primary { 0.0 } else { -1.0 };
            // The document's countries favour their places, but only enough to beat a city
            // about 30 times larger: a US story's "Moscow" is still Russia's. A named state
            // favours its own towns more (a Texas story's "Paris").
            let country = if context.countries.contains(p.iso2) {
                1.5
            } else {
                0.0
            };
            let state =
                if p.feature == Feature::City && context.states.contains(&(p.iso2, p.admin1)) {
                    2.0
                } else {
                    0.0
                };
            base + alt + country + state
        };
        cands
            .iter()
            .map(|c| (score(c), c.0))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)))
            .map(|c| c.1)
    }

    /// Last words of multi-word capitalised runs that are not places ("Feliciano Lopez",
    /// "Antony Blinken"): said alone later, they are people, not the town of Lopez.
    fn surnames(&self, doc: &Document) -> FxHashSet<String> {
        let mut out = FxHashSet::default();
        let toks = &doc.tokens;
        let mut k = String::new();
        let mut i = 0;
        while i < toks.len() {
            let mut e = i;
            while toks.get(e).is_some_and(|t| capitalised(&t.text)) {
                e += 1;
            }
            if (2..=3).contains(&(e - i)) {
                k.clear();
                for t in &toks[i..e] {
                    push_lower(&mut k, &t.text);
                }
                if self.candidates(&k).is_empty() {
                    out.insert(toks[e - 1].text.clone());
                }
            }
            i = e.max(i + 1);
        }
        out
    }

    /// Collects candidate mentions in one sentence: longest gazetteer match over runs that
    /// start and end on a capitalised token.
    fn scan(
        &self,
        toks: &[Token],
        lex: &ToneLexicon,
        surnames: &FxHashSet<String>,
        out: &mut Vec<(Span, Vec<(u32, bool)>)>,
    ) {
        let mut k = String::new();
        let mut i = 0;
        while i < toks.len() {
            if !capitalised(&toks[i].text) {
                i += 1;
                continue;
            }
            let mut hit = None;
            k.clear();
            let max = (i + self.t.longest * 2).min(toks.len());
            for j in i..max {
                let t = &toks[j].text;
                if j > i && !(capitalised(t) || is_connector(t)) {
                    break;
                }
                if j > i && toks[j].span.start > toks[j - 1].span.end + 1 {
                    break;
                }
                push_lower(&mut k, t);
                if capitalised(t) {
                    let c = self.candidates(&k);
                    if !c.is_empty() {
                        hit = Some((j + 1, c));
                    }
                }
            }
            match hit {
                Some((end, c)) => {
                    let mut c = self.drop_common_word(&toks[i..end], c, lex);
                    if in_name(toks, i, end) || (end == i + 1 && surnames.contains(&toks[i].text)) {
                        c.retain(|&(p, _)| self.t.feature[p as usize] != Feature::City);
                    }
                    if !c.is_empty() {
                        out.push((Span::new(toks[i].span.start, toks[end - 1].span.end), c));
                    }
                    i = end;
                }
                None => i += 1,
            }
        }
    }

    /// Drops city readings of a one-word mention that is an ordinary English word.
    fn drop_common_word(
        &self,
        run: &[Token],
        c: &[(u32, bool)],
        lex: &ToneLexicon,
    ) -> Vec<(u32, bool)> {
        if run.len() != 1 {
            return c.to_vec();
        }
        let w = run[0].text.to_lowercase();
        if lex.valence(&w).is_none() && !is_calendar_word(&w) {
            return c.to_vec();
        }
        c.iter()
            .copied()
            .filter(|&(i, _)| self.t.feature[i as usize] != Feature::City)
            .collect()
    }
}

/// Appends `t` lower-cased as `str::to_lowercase` does (without its copy for ASCII).
fn push_lower(k: &mut String, t: &str) {
    if t.is_ascii() {
        let from = k.len();
        k.push_str(t);
        k[from..].make_ascii_lowercase();
    } else {
        k.push_str(&t.to_lowercase());
    }
}

/// True if tokens `start..end` look like part of a person's or organisation's name rather
/// than a place: inside a longer capitalised run ("Antony Blinken", "European Union",
/// "Barack Obama") or followed by a speech verb ("Obama said").
fn in_name(toks: &[Token], start: usize, end: usize) -> bool {
    let before = start > 0
        && capitalised(&toks[start - 1].text)
        && toks[start - 1].span.end + 1 >= toks[start].span.start;
    let after = toks.get(end).is_some_and(|t| {
        (capitalised(&t.text) && t.span.start <= toks[end - 1].span.end + 1)
            || matches!(t.text.as_str(), "said" | "says" | "told" | "added")
    });
    before || after
}

/// Month and day names, which are also towns (March, Cambridgeshire).
fn is_calendar_word(w: &str) -> bool {
    crate::dates::MONTHS.contains(&w) || crate::dates::WEEKDAYS.contains(&w)
}

fn capitalised(t: &str) -> bool {
    t.starts_with(|c: char| c.is_uppercase())
}

fn is_connector(t: &str) -> bool {
    matches!(
        t,
        "of" | "the" | "de" | "del" | "la" | "al" | "el" | "-" | "and" | "upon"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    fn gaz() -> &'static Gazetteer {
        Gazetteer::builtin().expect("embedded gazetteer parses")
    }

    fn locate(text: &str) -> Vec<Location> {
        let d = crate::test_doc(text);
        gaz().locate(&d, ToneLexicon::builtin().unwrap())
    }

    #[test]
    fn tables_parse_and_are_sorted() {
        let g = gaz();
        assert!(g.places().len() > 30_000);
        let countries = g.places().filter(|p| p.feature == Feature::Country).count();
        assert!(countries > 240);
        let mut prev = String::new();
        for line in ALIASES_TSV.lines().filter(|l| !l.starts_with('#')) {
            assert!(
                line > prev.as_str(),
                "country_aliases.tsv unsorted at {line}"
            );
            prev = line.to_string();
        }
        let mut ids = HashSet::new();
        for p in g.places() {
            assert!(
                ids.insert((p.geonameid, p.feature as u8)),
                "duplicate {}",
                p.geonameid
            );
            assert!((-90.0..=90.0).contains(&p.lat) && (-180.0..=180.0).contains(&p.lon));
            assert_eq!(p.iso3.len(), 3, "{}", p.name);
        }
    }

    #[test]
    fn the_tables_built_at_build_time_are_those_parse_builds() {
        let built = Tables::build(dyad_places::PLACES_TSV, ALIASES_TSV).unwrap();
        assert!(
            built == BUILTIN,
            "build.rs output differs from Tables::build"
        );
        // Every key is found through the hash table, with its own candidates.
        let keys = BUILTIN.key_bounds.len() - 1;
        assert!(
            keys > 40_000 && BUILTIN.slots.len() >= 2 * keys,
            "{keys} keys"
        );
        for n in 0..keys {
            let k =
                &BUILTIN.keys[BUILTIN.key_bounds[n] as usize..BUILTIN.key_bounds[n + 1] as usize];
            let r = BUILTIN.cand_bounds[n] as usize..BUILTIN.cand_bounds[n + 1] as usize;
            assert_eq!(BUILTIN.candidates(k), &BUILTIN.cands[r], "{k}");
        }
        assert!(BUILTIN.candidates("nowhereville").is_empty());
        let paris = gaz().lookup("Paris");
        assert!(paris
            .iter()
            .any(|p| p.iso3 == "FRA" && p.feature == Feature::City));
        assert!(gaz().contains("new york") && !gaz().contains("new yorkshire pudding"));
    }

    #[test]
    fn brussels_is_in_belgium() {
        let l = locate("He later told U.S. diplomats in Brussels he wanted to mend ties.");
        let b = l
            .iter()
            .find(|l| l.mention == "Brussels")
            .expect("Brussels found");
        assert_eq!(b.country, "BEL");
        assert_eq!(b.feature, Feature::City);
        assert!((b.lat - 50.85).abs() < 0.1 && (b.lon - 4.35).abs() < 0.1);
        let us = l.iter().find(|l| l.mention == "U.S.").expect("U.S. found");
        assert_eq!((us.country.as_str(), us.feature), ("USA", Feature::Country));
    }

    #[test]
    fn longest_match_and_states() {
        let l = locate("Officials in New York and Texas met people from South Korea.");
        let m: Vec<(&str, &str, Feature)> = l
            .iter()
            .map(|l| (l.mention.as_str(), l.country.as_str(), l.feature))
            .collect();
        assert_eq!(
            m,
            vec![
                ("New York", "USA", Feature::City),
                ("Texas", "USA", Feature::Adm1),
                ("South Korea", "KOR", Feature::Country)
            ]
        );
    }

    #[test]
    fn country_context_disambiguates() {
        // Without context the largest Paris is the French capital...
        let l = locate("She flew to Paris.");
        assert_eq!(l[0].country, "FRA");
        // ...but a Texas story's Paris is the Texan one.
        let l = locate("In Texas, she drove to Paris and Dallas.");
        let p = l.iter().find(|l| l.mention == "Paris").unwrap();
        assert_eq!((p.country.as_str(), p.admin1.as_str()), ("USA", "TX"));
    }

    #[test]
    fn dateline_place_is_resolved_whole_or_before_its_comma() {
        let lex = ToneLexicon::builtin().unwrap();
        let text = "Officials met on Monday.";
        for (dl, want) in [
            ("BRUSSELS", Some("BEL")),
            ("KYIV, Ukraine", Some("UKR")),
            ("Nowhereville", None),
        ] {
            let mut d = crate::test_doc(text);
            d.doc.dateline = Some(dl.into());
            let (_, place) = gaz().locate_with_dateline(&d, lex);
            assert_eq!(place.map(|p| p.iso3), want, "{dl}");
        }
    }

    #[test]
    fn translated_city_names_made_of_english_words_are_not_places() {
        // Casablanca's GeoNames alternate "White House" is dropped by the table generator.
        let lex = ToneLexicon::builtin().unwrap();
        let text = "This is a President and a White House who met officials in Casablanca.";
        let d = crate::test_doc(text);
        let found: Vec<_> = gaz()
            .locate(&d, lex)
            .into_iter()
            .map(|l| l.mention)
            .collect();
        assert_eq!(found, ["Casablanca"]);
    }

    #[test]
    fn dateline_gives_context() {
        let text = "Officials in Paris met.";
        let mut d = crate::test_doc(text);
        d.doc.dateline = Some("Dallas".into());
        let l = gaz().locate(&d, ToneLexicon::builtin().unwrap());
        assert_eq!(l[0].country, "USA");
    }

    #[test]
    fn parts_of_names_are_not_cities() {
        assert!(locate("Antony Blinken met officials of the European Union.").is_empty());
        assert!(locate("President Barack Obama did so.").is_empty());
        assert!(locate("Yesterday Obama said no.").is_empty());
        // Countries stay: "U.S. Secretary of State".
        assert_eq!(locate("U.S. Secretary of State")[0].country, "USA");
    }

    #[test]
    fn surnames_and_small_towns_without_context_are_not_cities() {
        let l = locate("Feliciano Lopez won in Madrid. Later Lopez rested.");
        let m: Vec<&str> = l.iter().map(|l| l.mention.as_str()).collect();
        assert_eq!(m, vec!["Madrid"]);
        assert!(locate("The Olympic team won.").is_empty());
        assert!(locate("An Olympic-size pool.").is_empty());
        assert_eq!(locate("Greenbelt, Maryland")[0].admin1, "MD");
    }

    #[test]
    fn common_words_are_not_cities() {
        assert!(locate("In March they met.").is_empty());
        assert!(locate("Nice work, he said.").is_empty());
        assert!(locate("the talks were good").is_empty());
    }

    #[test]
    fn keys_are_the_lower_cased_names_without_spaces() {
        let plain = |s: &str| -> String {
            s.chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let mut names = vec![
            "New York",
            "Saint-Denis",
            "ÅLAND\tIslands",
            "İzmir",
            "Ciudad\u{a0}Juárez",
            "A\x0bB\x0cC",
            "ΣΟΦΙΑ Σ",
        ];
        for row in dyad_places::builtin() {
            let row = row.unwrap();
            names.push(row.name);
            names.extend(row.alternates());
        }
        for n in names {
            assert_eq!(key(n), plain(n), "{n:?}");
        }
    }

    #[test]
    fn bad_rows_are_errors_with_lines() {
        let e = Gazetteer::parse("# h\n1\tcity\tX\n", "").unwrap_err();
        assert!(e
            .to_string()
            .starts_with("data/gkg/places.tsv:2: expected 10 fields"));
        let row = "1\tcountry\tX\tXX\tXXX\t\t1\t2\t3\t\n";
        let e = Gazetteer::parse(row, "Y\tZZZ\n").unwrap_err();
        assert!(e
            .to_string()
            .contains("country_aliases.tsv:1: unknown country"));
        assert!(Gazetteer::parse(row, "Y\tXXX\n").is_ok());
    }
}
