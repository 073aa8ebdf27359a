//! Gold files for quotations and places, and the scores of a system against them.
//!
//! A gold file is tab-separated text; `#` lines are comments. `@doc<TAB>PATH<TAB>DATE` starts a
//! document: PATH is a plain-text file relative to the gold file, DATE its ISO date (or `-`).
//! PATH may also be `FILE.json#PREFIX`: the JSON file (relative to the gold file) is one object
//! whose values carry an `articleBody` string, and the document is the body of the one entry
//! whose key starts with PREFIX. This lets a gold set point at third-party articles that a
//! benchmark redistributes (the article-extraction benchmark's `ground-truth.json`, keyed by
//! sha256) without copying them into the repository; a missing file is an error naming the gold
//! file and line. The lines after `@doc` annotate that document:
//!
//! - `D<TAB>TEXT<TAB>SPEAKER` / `I<TAB>TEXT<TAB>SPEAKER`: a direct (quote marks) or indirect
//!   quotation. TEXT is the quoted words exactly as in the document, or `START ~~ END`: the span
//!   from the first occurrence of START to the first END after it. SPEAKER is the name the
//!   document gives (alternatives separated by `;`), or `-` for an unnamed source.
//! - `G<TAB>MENTION<TAB>ISO3<TAB>FEATURE<TAB>NAME`: every whole-word, case-sensitive occurrence
//!   of MENTION is a place of country ISO3; FEATURE is `country`, `ADM1` or `city`, NAME the
//!   GeoNames name of the place.
//!
//! Text anchors rather than byte offsets keep the files writable and checkable by hand; the
//! reader turns them into spans and says which line does not match its document.
//!
//! Quotes are matched on spans with the punctuation and quote marks at their ends trimmed:
//! *exact* when the trimmed spans are equal, *overlap* when they share at least half of the
//! longer one. A speaker is right when its last word equals the gold name's last word (case
//! aside) and, if both have more words, the words before it agree on their first three
//! letters ("Blinken" = "Antony Blinken" = "Ambassador Antony Blinken", "Kristin Wilkins" =
//! "Kristen Wilkins", "Ahmed Mohamed" ≠ "Mohamed El-Hassan Mohamed"), or when one is the
//! acronym of the other's capitalised words ("KCNA" = "Korean Central News Agency").

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dyad_core::Span;
use serde::Serialize;

use crate::{GkgError, Location, Quote};

/// One annotated document of a gold file.
#[derive(Clone, Debug)]
pub struct GoldDoc {
    /// The text file, as resolved from the gold file.
    pub path: PathBuf,
    pub date: Option<String>,
    pub text: String,
    pub quotes: Vec<GoldQuote>,
    pub places: Vec<GoldPlace>,
}

/// One hand-annotated quotation.
#[derive(Clone, Debug)]
pub struct GoldQuote {
    pub span: Span,
    /// Accepted speaker names; empty for an unnamed source.
    pub speakers: Vec<String>,
    pub direct: bool,
    /// 1-based line in the gold file.
    pub line: usize,
}

/// One hand-annotated place mention (one occurrence in the text).
#[derive(Clone, Debug)]
pub struct GoldPlace {
    pub span: Span,
    pub mention: String,
    pub country: String,
    pub feature: String,
    pub name: String,
}

/// Reads a gold file and the documents it names.
pub fn read_gold(path: &Path) -> Result<Vec<GoldDoc>, GkgError> {
    let file = path.display().to_string();
    let src = std::fs::read_to_string(path).map_err(|e| GkgError::Io {
        file: file.clone(),
        error: e,
    })?;
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut docs: Vec<GoldDoc> = Vec::new();
    let mut json_cache: HashMap<PathBuf, serde_json::Map<String, serde_json::Value>> =
        HashMap::new();
    for (n, line) in src.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let err = |m: String| GkgError::table(&file, n + 1, m);
        let f: Vec<&str> = line.split('\t').collect();
        if f[0] == "@doc" {
            if f.len() != 3 {
                return Err(err(format!("@doc needs 3 fields, found {}", f.len())));
            }
            let (p, text) = match f[1].split_once('#') {
                Some((json, prefix)) => {
                    let p = dir.join(json);
                    let text = json_body(&p, prefix, &mut json_cache).map_err(err)?;
                    (dir.join(f[1]), text)
                }
                None => {
                    let p = dir.join(f[1]);
                    let text = std::fs::read_to_string(&p)
                        .map_err(|e| err(format!("cannot read document {}: {e}", p.display())))?;
                    (p, text)
                }
            };
            docs.push(GoldDoc {
                path: p,
                date: (f[2] != "-").then(|| f[2].to_string()),
                text,
                quotes: Vec::new(),
                places: Vec::new(),
            });
            continue;
        }
        let Some(doc) = docs.last_mut() else {
            return Err(err("annotation before the first @doc line".into()));
        };
        match f[0] {
            "D" | "I" => {
                if f.len() != 3 {
                    return Err(err(format!("a quote needs 3 fields, found {}", f.len())));
                }
                let span = anchor(&doc.text, f[1])
                    .ok_or_else(|| err(format!("{:?} is not in {}", f[1], doc.path.display())))?;
                let speakers = if f[2] == "-" {
                    Vec::new()
                } else {
                    f[2].split(';').map(|s| s.trim().to_string()).collect()
                };
                doc.quotes.push(GoldQuote {
                    span,
                    speakers,
                    direct: f[0] == "D",
                    line: n + 1,
                });
            }
            "G" => {
                if f.len() != 5 {
                    return Err(err(format!("a place needs 5 fields, found {}", f.len())));
                }
                if !matches!(f[3], "country" | "ADM1" | "city") {
                    return Err(err(format!("unknown feature {:?}", f[3])));
                }
                let spans = occurrences(&doc.text, f[1]);
                if spans.is_empty() {
                    return Err(err(format!("{:?} is not in {}", f[1], doc.path.display())));
                }
                for span in spans {
                    doc.places.push(GoldPlace {
                        span,
                        mention: f[1].to_string(),
                        country: f[2].to_string(),
                        feature: f[3].to_string(),
                        name: f[4].to_string(),
                    });
                }
            }
            other => return Err(err(format!("unknown record type {other:?}"))),
        }
    }
    // An occurrence inside a longer annotated mention belongs to that one.
    for d in &mut docs {
        let spans: Vec<Span> = d.places.iter().map(|p| p.span).collect();
        d.places
            .retain(|p| !spans.iter().any(|s| *s != p.span && s.contains(p.span)));
    }
    Ok(docs)
}

/// The `articleBody` of the entry of the JSON object in `path` whose key starts with `prefix`.
/// Parsed files are kept in `cache`, since a gold file names the same benchmark many times.
/// Public because the actor gold sets over the same benchmark read their texts with it.
pub fn json_body(
    path: &Path,
    prefix: &str,
    cache: &mut HashMap<PathBuf, serde_json::Map<String, serde_json::Value>>,
) -> Result<String, String> {
    if prefix.is_empty() {
        return Err(format!("{}#: the key prefix is empty", path.display()));
    }
    if !cache.contains_key(path) {
        let src = std::fs::read_to_string(path).map_err(|e| {
            format!(
                "cannot read {}: {e} (this document lives outside the repository; \
                 the gold set needs that file to be evaluated)",
                path.display()
            )
        })?;
        let value: serde_json::Value = serde_json::from_str(&src)
            .map_err(|e| format!("{} is not valid JSON: {e}", path.display()))?;
        let serde_json::Value::Object(map) = value else {
            return Err(format!("{} is not a JSON object", path.display()));
        };
        cache.insert(path.to_path_buf(), map);
    }
    let map = &cache[path];
    let mut hits = map.iter().filter(|(k, _)| k.starts_with(prefix));
    let (Some((_, entry)), None) = (hits.next(), hits.next()) else {
        let n = map.keys().filter(|k| k.starts_with(prefix)).count();
        return Err(format!(
            "{} has {n} keys starting with {prefix:?}, expected exactly one",
            path.display()
        ));
    };
    entry
        .get("articleBody")
        .and_then(|b| b.as_str())
        .map(str::to_string)
        .ok_or_else(|| {
            format!(
                "the entry {prefix:?} of {} has no string articleBody",
                path.display()
            )
        })
}

/// The span of `START ~~ END` or of a literal text in `text`.
fn anchor(text: &str, a: &str) -> Option<Span> {
    match a.split_once(" ~~ ") {
        Some((s, e)) => {
            let start = text.find(s)?;
            let end = start + text[start..].find(e)? + e.len();
            Some(Span::new(start, end))
        }
        None => text.find(a).map(|s| Span::new(s, s + a.len())),
    }
}

/// Whole-word, case-sensitive occurrences of `w` in `text`.
fn occurrences(text: &str, w: &str) -> Vec<Span> {
    text.match_indices(w)
        .filter(|(i, _)| {
            let before = text[..*i].chars().next_back();
            let after = text[i + w.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
        .map(|(i, _)| Span::new(i, i + w.len()))
        .collect()
}

/// `span` with non-alphanumeric characters trimmed from both ends (how the quote eval
/// compares spans).
pub fn trim(text: &str, span: Span) -> Span {
    let s = span.get(text).unwrap_or_default();
    let lead = s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
    let t = s.trim_end_matches(|c: char| !c.is_alphanumeric());
    if t.len() <= lead {
        return Span::new(span.start, span.start);
    }
    Span::new(span.start + lead, span.start + t.len())
}

/// The first and last words of a span, enough to see where two spans part.
fn ends(text: &str, span: Span) -> String {
    let words: Vec<&str> = span
        .get(text)
        .unwrap_or_default()
        .split_whitespace()
        .collect();
    if words.len() <= 10 {
        return words.join(" ");
    }
    format!(
        "{} ... {}",
        words[..4].join(" "),
        words[words.len() - 5..].join(" ")
    )
}

fn overlaps(a: Span, b: Span) -> bool {
    let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
    let longer = a.len().max(b.len());
    longer > 0 && 2 * inter >= longer
}

/// Whether a system speaker names one of the gold speakers.
pub fn speaker_matches(system: &str, gold: &[String]) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| c.is_whitespace() || c == '.')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let sys = words(system);
    // The words before the surname agree when they share their first three letters
    // ("Kristin" = "Kristen").
    let same = |a: &str, b: &str| a.chars().take(3).eq(b.chars().take(3));
    // An acronym names the organisation whose capitalised words it abbreviates ("KCNA" =
    // "Korean Central News Agency").
    let initials = |s: &str| -> String {
        s.split_whitespace()
            .filter(|w| w.starts_with(|c: char| c.is_uppercase()))
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let acronym = |a: &str, full: &str| {
        a.len() >= 2
            && a.chars().all(|c| c.is_ascii_uppercase())
            && full.split_whitespace().count() >= 2
            && initials(full) == a
    };
    gold.iter().any(|g| {
        if acronym(system, g) || acronym(g, system) {
            return true;
        }
        let g = words(g);
        match (sys.split_last(), g.split_last()) {
            (Some((a, ra)), Some((b, rb))) if a == b => match (ra.last(), rb.last()) {
                (Some(x), Some(y)) => same(x, y),
                _ => true,
            },
            _ => false,
        }
    })
}

/// Precision, recall and F1 counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Serialize)]
pub struct Prf {
    pub gold: usize,
    pub system: usize,
    pub matched: usize,
}

impl Prf {
    pub fn precision(&self) -> f64 {
        ratio(self.matched, self.system)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.matched, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Prf) {
        self.gold += o.gold;
        self.system += o.system;
        self.matched += o.matched;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Quote scores over a set of documents.
#[derive(Clone, Debug, Default, Serialize)]
pub struct QuoteScores {
    pub documents: usize,
    /// Spans equal after trimming, all quotes / direct / indirect.
    pub exact: [Prf; 3],
    /// Spans sharing half of the longer one, all / direct / indirect.
    pub overlap: [Prf; 3],
    /// Gold quotes with a named speaker that were found (overlap).
    pub named_found: usize,
    /// Of those, the ones whose system speaker is right.
    pub speaker_right: usize,
    /// Gold quotes with a named speaker, found or not.
    pub named_gold: usize,
    /// Readable lines on each miss, wrong speaker and spurious quote.
    #[serde(skip)]
    pub errors: Vec<String>,
}

impl QuoteScores {
    /// Speaker accuracy over the found quotes that have a named gold speaker.
    pub fn speaker_accuracy(&self) -> f64 {
        ratio(self.speaker_right, self.named_found)
    }
    /// Right speakers over all gold quotes with a named speaker (a miss counts as wrong).
    pub fn speaker_end_to_end(&self) -> f64 {
        ratio(self.speaker_right, self.named_gold)
    }

    /// Adds the scores of one document.
    pub fn add_doc(&mut self, doc: &GoldDoc, system: &[Quote]) {
        self.documents += 1;
        let name = doc
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = &doc.text;
        let sys: Vec<Span> = system.iter().map(|q| trim(text, q.span)).collect();
        let gold: Vec<Span> = doc.quotes.iter().map(|q| trim(text, q.span)).collect();
        for (k, filter) in [None, Some(true), Some(false)].into_iter().enumerate() {
            for (exact, table) in [(true, &mut self.exact), (false, &mut self.overlap)] {
                let keep_g: Vec<usize> = (0..gold.len())
                    .filter(|&i| filter.is_none_or(|d| doc.quotes[i].direct == d))
                    .collect();
                let keep_s: Vec<usize> = (0..sys.len())
                    .filter(|&i| filter.is_none_or(|d| system[i].direct == d))
                    .collect();
                let pairs = match_spans(&keep_g, &keep_s, &gold, &sys, exact);
                table[k].add(Prf {
                    gold: keep_g.len(),
                    system: keep_s.len(),
                    matched: pairs.len(),
                });
            }
        }
        let all_g: Vec<usize> = (0..gold.len()).collect();
        let all_s: Vec<usize> = (0..sys.len()).collect();
        let pairs = match_spans(&all_g, &all_s, &gold, &sys, false);
        for (gi, g) in doc.quotes.iter().enumerate() {
            let found = pairs.iter().find(|p| p.0 == gi).map(|p| &system[p.1]);
            let short: String = gold[gi]
                .get(text)
                .unwrap_or_default()
                .chars()
                .take(50)
                .collect();
            if !g.speakers.is_empty() {
                self.named_gold += 1;
            }
            let Some(q) = found else {
                self.errors
                    .push(format!("{name} line {}: missed {short:?}", g.line));
                continue;
            };
            let si = pairs.iter().find(|p| p.0 == gi).map_or(0, |p| p.1);
            if sys[si] != gold[gi] {
                self.errors.push(format!(
                    "{name} line {}: boundary: gold {:?} / system {:?}",
                    g.line,
                    ends(text, gold[gi]),
                    ends(text, sys[si])
                ));
            }
            if g.speakers.is_empty() {
                continue;
            }
            self.named_found += 1;
            let spk = q.speaker.as_deref().unwrap_or("");
            if speaker_matches(spk, &g.speakers) {
                self.speaker_right += 1;
            } else {
                self.errors.push(format!(
                    "{name} line {}: speaker {spk:?}, gold {:?} for {short:?}",
                    g.line,
                    g.speakers.join(";")
                ));
            }
        }
        for (si, q) in system.iter().enumerate() {
            if !pairs.iter().any(|p| p.1 == si) {
                let short: String = q.text.chars().take(50).collect();
                self.errors.push(format!("{name}: spurious {short:?}"));
            }
        }
    }
}

/// Greedy one-to-one matching of gold and system spans (the indexes `g` and `s` of them),
/// best overlap first: equal spans with `exact`, else spans overlapping by half the longer.
pub fn match_spans(
    g: &[usize],
    s: &[usize],
    gold: &[Span],
    sys: &[Span],
    exact: bool,
) -> Vec<(usize, usize)> {
    // Best first: higher overlap over union (in thousandths).
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for &gi in g {
        for &si in s {
            let (a, b) = (gold[gi], sys[si]);
            let ok = if exact { a == b } else { overlaps(a, b) };
            if ok {
                let inter = a.end.min(b.end).saturating_sub(a.start.max(b.start));
                let union = a.end.max(b.end) - a.start.min(b.start);
                cands.push((1000 * inter / union.max(1), gi, si));
            }
        }
    }
    cands.sort_by_key(|c| std::cmp::Reverse(c.0));
    let mut out: Vec<(usize, usize)> = Vec::new();
    for (_, gi, si) in cands {
        if !out.iter().any(|p| p.0 == gi || p.1 == si) {
            out.push((gi, si));
        }
    }
    out
}

/// Place scores over a set of documents.
#[derive(Clone, Debug, Default, Serialize)]
pub struct GeoScores {
    pub documents: usize,
    /// Gold mention occurrences.
    pub gold: usize,
    /// Of those, the ones a system location covers.
    pub found: usize,
    /// Found with the gold country.
    pub country_right: usize,
    /// Found gold city mentions, and those resolved to the gold city.
    pub cities_found: usize,
    pub city_right: usize,
    /// System locations over no gold mention.
    pub spurious: usize,
    #[serde(skip)]
    pub errors: Vec<String>,
}

impl GeoScores {
    pub fn recall(&self) -> f64 {
        ratio(self.found, self.gold)
    }
    pub fn country_accuracy(&self) -> f64 {
        ratio(self.country_right, self.found)
    }
    pub fn city_accuracy(&self) -> f64 {
        ratio(self.city_right, self.cities_found)
    }
    pub fn precision(&self) -> f64 {
        ratio(self.found, self.found + self.spurious)
    }

    /// Adds the scores of one document.
    pub fn add_doc(&mut self, doc: &GoldDoc, system: &[Location]) {
        self.documents += 1;
        let name = doc
            .path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for g in &doc.places {
            self.gold += 1;
            let Some(l) = system.iter().find(|l| overlaps(l.span, g.span)) else {
                self.errors.push(format!("{name}: missed {:?}", g.mention));
                continue;
            };
            self.found += 1;
            if l.country == g.country {
                self.country_right += 1;
            } else {
                self.errors.push(format!(
                    "{name}: {:?} -> {} ({}), gold {}",
                    g.mention, l.country, l.name, g.country
                ));
            }
            if g.feature == "city" {
                self.cities_found += 1;
                if l.name == g.name && l.country == g.country {
                    self.city_right += 1;
                } else {
                    self.errors.push(format!(
                        "{name}: city {:?} -> {} {}, gold {} {}",
                        g.mention, l.name, l.country, g.name, g.country
                    ));
                }
            }
        }
        for l in system {
            if !doc.places.iter().any(|g| overlaps(l.span, g.span)) {
                self.spurious += 1;
                self.errors
                    .push(format!("{name}: not a gold place {:?}", l.mention));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn speakers_match_on_surname_and_initial() {
        let g = |s: &str| vec![s.to_string()];
        assert!(speaker_matches("Blinken", &g("Antony Blinken")));
        assert!(speaker_matches("Antony Blinken", &g("Blinken")));
        assert!(!speaker_matches(
            "Ahmed Mohamed",
            &g("Mohamed El-Hassan Mohamed")
        ));
        assert!(!speaker_matches("he", &g("Antony Blinken")));
        assert!(speaker_matches(
            "Afghan Ambassador Hamdullah Mohib",
            &g("Hamdullah Mohib")
        ));
        assert!(!speaker_matches(
            "Department Spokesperson",
            &g("Jeff Rathke")
        ));
        assert!(speaker_matches("KCNA", &["Yonhap".into(), "KCNA".into()]));
        assert!(speaker_matches("Korean Central News Agency", &g("KCNA")));
        assert!(speaker_matches("WHO", &g("World Health Organisation")));
        assert!(!speaker_matches("WHO", &g("World Bank")));
    }

    #[test]
    fn anchors_and_trimming() {
        let t = "He said: \"We will go. We will stay,\" she said.";
        let s = anchor(t, "We will go. ~~ stay").unwrap();
        assert_eq!(s.get(t), Some("We will go. We will stay"));
        assert_eq!(
            trim(t, Span::new(9, 36)).get(t),
            Some("We will go. We will stay")
        );
        assert!(anchor(t, "absent").is_none());
        assert!(overlaps(Span::new(0, 10), Span::new(4, 12)));
        assert!(!overlaps(Span::new(0, 10), Span::new(8, 30)));
    }

    #[test]
    fn gold_file_errors_name_the_line() {
        let dir = std::env::temp_dir().join(format!("dyad-gkg-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("a.txt"), "Paris said \"we are here now\" today.").unwrap();
        let gold = dir.join("g.tsv");
        std::fs::write(&gold, "# c\n@doc\ta.txt\t-\nD\twe are here now\tParis\n").unwrap();
        let docs = read_gold(&gold).unwrap();
        assert_eq!(docs[0].quotes.len(), 1);
        std::fs::write(&gold, "@doc\ta.txt\t-\nD\tnot there\tX\n").unwrap();
        let e = read_gold(&gold).unwrap_err().to_string();
        assert!(e.contains(":2:"), "{e}");
        std::fs::write(&gold, "@doc\ta.txt\t-\nG\tParis\tFRA\ttown\tParis\n").unwrap();
        assert!(read_gold(&gold)
            .unwrap_err()
            .to_string()
            .contains("feature"));
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn json_documents_are_read_by_key_prefix() {
        let dir = std::env::temp_dir().join(format!("dyad-gkg-json-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("bench")).unwrap();
        std::fs::write(
            dir.join("bench/truth.json"),
            r#"{"ab12ff": {"articleBody": "Jones said \"we are here now\" today."},
                "ab34ee": {"articleBody": "Other."}, "cd00": {"url": "x"}}"#,
        )
        .unwrap();
        let gold = dir.join("g.tsv");
        let write = |doc: &str| {
            std::fs::write(
                &gold,
                format!("# c\n@doc\t{doc}\t-\nD\twe are here now\tJones\n"),
            )
            .unwrap()
        };
        write("bench/truth.json#ab12");
        let docs = read_gold(&gold).unwrap();
        assert_eq!(docs[0].text, "Jones said \"we are here now\" today.");
        assert_eq!(
            docs[0].quotes[0].span.get(&docs[0].text),
            Some("we are here now")
        );
        // Ambiguous, unknown and body-less keys, and a missing file, name the gold line.
        for (doc, want) in [
            ("bench/truth.json#ab", "exactly one"),
            ("bench/truth.json#zz", "0 keys"),
            ("bench/truth.json#cd", "articleBody"),
            ("bench/absent.json#ab12", "absent.json"),
            ("absent.txt", "absent.txt"),
        ] {
            write(doc);
            let e = read_gold(&gold).unwrap_err().to_string();
            assert!(e.contains("g.tsv:2:") && e.contains(want), "{doc}: {e}");
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn quote_scores_count_matches_and_speakers() {
        let text = "\"We will win this time,\" Jones said. Smith said that the talks failed.";
        let doc = GoldDoc {
            path: "x.txt".into(),
            date: None,
            text: text.into(),
            quotes: vec![
                GoldQuote {
                    span: anchor(text, "We will win this time").unwrap(),
                    speakers: vec!["Bob Jones".into()],
                    direct: true,
                    line: 1,
                },
                GoldQuote {
                    span: anchor(text, "the talks failed").unwrap(),
                    speakers: vec!["Smith".into()],
                    direct: false,
                    line: 2,
                },
            ],
            places: vec![],
        };
        let q = |s: &str, spk: &str, direct| Quote {
            speaker: Some(spk.into()),
            speaker_span: None,
            text: s.into(),
            span: anchor(text, s).unwrap(),
            verb: None,
            direct,
        };
        let mut sc = QuoteScores::default();
        sc.add_doc(
            &doc,
            &[
                q("We will win this time,", "Jones", true),
                q("Smith said", "X", false),
            ],
        );
        assert_eq!(
            sc.exact[0],
            Prf {
                gold: 2,
                system: 2,
                matched: 1
            }
        );
        assert_eq!(sc.exact[1].matched, 1);
        assert_eq!(sc.exact[2].matched, 0);
        assert_eq!((sc.named_found, sc.speaker_right, sc.named_gold), (1, 1, 2));
        assert!((sc.exact[0].f1() - 0.5).abs() < 1e-9);
        // A span found with other ends is listed as a boundary error, with both spans.
        let mut sc = QuoteScores::default();
        sc.add_doc(&doc, &[q("We will win this time,\" Jones", "Jones", true)]);
        assert!(
            sc.errors
                .iter()
                .any(|e| e.contains("boundary") && e.contains("Jones\"")),
            "{:?}",
            sc.errors
        );
    }
}
