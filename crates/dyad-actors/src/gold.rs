//! Hand-annotated actor mentions (`testdata/actors/`) and their scoring.
//!
//! A gold file is the news text itself with each actor mention marked inline as
//! `{{mention text|CODE}}`, so an annotator reads and writes whole sentences, and a diff of
//! the file shows exactly what changed. Leading `# key: value` lines hold the metadata
//! (`source`, `date`). `CODE` is a full CAMEO actor code (`USAGOV`, `IGOEUREEC`), or one
//! with an unknown country written `---GOV`, or `-` for an actor nothing can be said of.
//!
//! Scoring matches every gold mention with the predicted mention that overlaps it most,
//! and compares the country and sector fields (each over the gold mentions that have one)
//! and the full code (over gold codes with a known country). A gold mention with a
//! country that no predicted mention covers, or whose predicted country is null, counts
//! as unresolved.
//!
//! Each accuracy comes in two forms: over all gold mentions that have the field (coverage
//! and precision together: an unresolved mention counts as wrong), and over those where the
//! resolver committed to a value (`*_resolved`: precision alone, since null codes for
//! unknown names are by design). Both are printed side by side so a change that trades
//! coverage for wrong codes shows up.

use dyad_core::Span;
use serde::Serialize;

use crate::codebook::Codebook;
use crate::date::Date;
use crate::error::ActorError;
use crate::mention::ActorMention;

/// One annotated mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldMention {
    /// Byte span in [`GoldDoc::text`].
    pub span: Span,
    pub text: String,
    /// The annotated code as written (`USAGOV`, `---GOV`), `None` for `-`.
    pub code: Option<String>,
    /// Line of the gold file (1-based).
    pub line: usize,
}

/// One annotated document.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GoldDoc {
    pub source: String,
    pub date: Option<Date>,
    /// The text without markup and header.
    pub text: String,
    pub mentions: Vec<GoldMention>,
}

/// Reads a gold file; `file` names it in errors.
pub fn read_gold(input: &str, file: &str) -> Result<GoldDoc, ActorError> {
    let mut doc = GoldDoc::default();
    let mut in_header = true;
    for (i, line) in input.lines().enumerate() {
        let n = i + 1;
        if in_header {
            if let Some(meta) = line.strip_prefix("# ") {
                let (k, v) = meta
                    .split_once(": ")
                    .ok_or_else(|| ActorError::syntax(file, n, "expected `# key: value`"))?;
                match k {
                    "source" => doc.source = v.to_string(),
                    "date" => {
                        doc.date = Some(Date::parse_iso(v).ok_or_else(|| {
                            ActorError::syntax(file, n, "date must be YYYY-MM-DD")
                        })?)
                    }
                    _ => {}
                }
                continue;
            }
            in_header = false;
        }
        let mut rest = line;
        while let Some(open) = rest.find("{{") {
            doc.text.push_str(&rest[..open]);
            let after = &rest[open + 2..];
            let close = after
                .find("}}")
                .ok_or_else(|| ActorError::syntax(file, n, "`{{` without `}}`"))?;
            let (mention, code) = after[..close]
                .rsplit_once('|')
                .ok_or_else(|| ActorError::syntax(file, n, "expected {{mention|CODE}}"))?;
            let valid = code == "-"
                || (code.len() >= 3
                    && code.len() % 3 == 0
                    && code.bytes().all(|b| b.is_ascii_uppercase() || b == b'-'));
            if mention.is_empty() || mention.contains("{{") || !valid {
                return Err(ActorError::syntax(
                    file,
                    n,
                    format!("bad mention {{{{{mention}|{code}}}}}"),
                ));
            }
            let start = doc.text.len();
            doc.text.push_str(mention);
            doc.mentions.push(GoldMention {
                span: Span::new(start, doc.text.len()),
                text: mention.to_string(),
                code: (code != "-").then(|| code.to_string()),
                line: n,
            });
            rest = &after[close + 2..];
        }
        if rest.contains("}}") {
            return Err(ActorError::syntax(file, n, "`}}` without `{{`"));
        }
        doc.text.push_str(rest);
        doc.text.push('\n');
    }
    Ok(doc)
}

/// Counts of one scoring run; add several with [`Score::add`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Score {
    pub mentions: usize,
    /// Gold mentions overlapped by a predicted mention.
    pub found: usize,
    pub with_country: usize,
    pub country_correct: usize,
    pub with_sector: usize,
    pub sector_correct: usize,
    pub with_code: usize,
    pub code_correct: usize,
    /// Gold mentions with a country that got no predicted country.
    pub unresolved: usize,
    /// Gold mentions with a sector whose predicted mention has a sector.
    pub sector_predicted: usize,
}

/// A gold mention the prediction got wrong (for `--errors`).
#[derive(Clone, Debug, Serialize)]
pub struct Miss {
    pub line: usize,
    pub gold: String,
    pub gold_code: Option<String>,
    pub predicted: Option<String>,
    pub predicted_code: Option<String>,
    pub rule: Option<String>,
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.mentions += o.mentions;
        self.found += o.found;
        self.with_country += o.with_country;
        self.country_correct += o.country_correct;
        self.with_sector += o.with_sector;
        self.sector_correct += o.sector_correct;
        self.with_code += o.with_code;
        self.code_correct += o.code_correct;
        self.unresolved += o.unresolved;
        self.sector_predicted += o.sector_predicted;
    }
    pub fn country_accuracy(&self) -> f64 {
        ratio(self.country_correct, self.with_country)
    }
    pub fn sector_accuracy(&self) -> f64 {
        ratio(self.sector_correct, self.with_sector)
    }
    /// Country accuracy over the gold mentions that got a predicted country.
    pub fn country_accuracy_resolved(&self) -> f64 {
        ratio(self.country_correct, self.with_country - self.unresolved)
    }
    /// Sector accuracy over the gold mentions that got a predicted sector.
    pub fn sector_accuracy_resolved(&self) -> f64 {
        ratio(self.sector_correct, self.sector_predicted)
    }
    pub fn code_exact(&self) -> f64 {
        ratio(self.code_correct, self.with_code)
    }
    pub fn unresolved_share(&self) -> f64 {
        ratio(self.unresolved, self.with_country)
    }
}

/// Scores `predicted` (spans in [`GoldDoc::text`]) against the gold mentions.
pub fn score(gold: &GoldDoc, predicted: &[ActorMention], book: &Codebook) -> (Score, Vec<Miss>) {
    let mut s = Score::default();
    let mut misses = Vec::new();
    for g in &gold.mentions {
        s.mentions += 1;
        let overlap = |p: &ActorMention| {
            let a = p.span.start.max(g.span.start);
            let b = p.span.end.min(g.span.end);
            b.saturating_sub(a)
        };
        let best = predicted
            .iter()
            .filter(|p| overlap(p) > 0)
            .max_by_key(|p| (overlap(p), std::cmp::Reverse(p.span.end - p.span.start)));
        if best.is_some() {
            s.found += 1;
        }
        let parts = g.code.as_deref().map(|c| book.split(c)).unwrap_or_default();
        let mut wrong = false;
        if let Some(c) = &parts.country {
            s.with_country += 1;
            match best.and_then(|p| p.country.as_ref()) {
                Some(pc) if pc == c => s.country_correct += 1,
                Some(_) => wrong = true,
                None => {
                    s.unresolved += 1;
                    wrong = true
                }
            }
        }
        if let Some(sec) = &parts.sector {
            s.with_sector += 1;
            let predicted = best.and_then(|p| p.sector.as_ref());
            if predicted.is_some() {
                s.sector_predicted += 1;
            }
            if predicted == Some(sec) {
                s.sector_correct += 1;
            } else {
                wrong = true;
            }
        }
        if let Some(code) = g.code.as_deref().filter(|c| !c.starts_with('-')) {
            s.with_code += 1;
            if best.and_then(|p| p.code.as_deref()) == Some(code) {
                s.code_correct += 1;
            } else {
                wrong = true;
            }
        }
        if wrong {
            misses.push(Miss {
                line: g.line,
                gold: g.text.clone(),
                gold_code: g.code.clone(),
                predicted: best.map(|p| p.mention.clone()),
                predicted_code: best.and_then(|p| p.code.clone()),
                rule: best.map(|p| p.rule.clone()),
            });
        }
    }
    (s, misses)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mention::ActorKind;

    fn book() -> Codebook {
        Codebook::from_tsv(
            crate::dictionary::CODEBOOK_TSV.1,
            crate::dictionary::CODEBOOK_TSV.0,
        )
        .unwrap()
    }

    fn predicted(span: (usize, usize), code: Option<&str>) -> ActorMention {
        let mut m = ActorMention {
            mention: "x".into(),
            span: Span::new(span.0, span.1),
            code: None,
            country: None,
            sector: None,
            group: None,
            kind: ActorKind::Person,
            entity: None,
            rule: "test".into(),
        };
        m.set_code(code, &book());
        m
    }

    #[test]
    fn markup_becomes_text_and_spans() {
        let g = read_gold(
            "# source: t\n# date: 2021-03-25\n{{Blinken|USAGOV}} met {{officials|---GOV}}.\nok {{Zed|-}}",
            "t.txt",
        )
        .unwrap();
        assert_eq!(g.text, "Blinken met officials.\nok Zed\n");
        assert_eq!(g.date, Date::parse_iso("2021-03-25"));
        assert_eq!(g.mentions.len(), 3);
        assert_eq!(g.mentions[1].span.get(&g.text), Some("officials"));
        assert_eq!(g.mentions[2].code, None);
        assert_eq!(g.mentions[2].line, 4);
    }

    #[test]
    fn malformed_markup_names_file_and_line() {
        let e = read_gold("# source: t\nok\n{{Blinken USAGOV}}", "g.txt").unwrap_err();
        assert!(e.to_string().starts_with("g.txt:3:"), "{e}");
        let e = read_gold("a {{b|usagov}}", "g.txt").unwrap_err();
        assert!(e.to_string().starts_with("g.txt:1:"), "{e}");
        let e = read_gold("a {{b|USA", "g.txt").unwrap_err();
        assert!(e.to_string().contains("without"), "{e}");
    }

    #[test]
    fn scoring_counts_country_sector_code_and_unresolved() {
        let g = read_gold(
            "{{Blinken|USAGOV}} met {{officials|---GOV}} and {{Wilmes|BELGOV}} and {{Zed|RUS}}",
            "t",
        )
        .unwrap();
        let p = vec![
            predicted((0, 7), Some("USAGOV")),
            predicted((12, 21), Some("CHNGOV")),
            predicted((26, 32), None),
        ];
        let (s, misses) = score(&g, &p, &book());
        assert_eq!(s.mentions, 4);
        assert_eq!(s.found, 3);
        assert_eq!((s.with_country, s.country_correct), (3, 1));
        assert_eq!((s.with_sector, s.sector_correct), (3, 2));
        assert_eq!((s.with_code, s.code_correct), (3, 1));
        assert_eq!(s.unresolved, 2);
        assert_eq!(misses.len(), 2);
        assert_eq!(misses[0].gold, "Wilmes");
        // resolved-only: 1 of the 1 predicted countries, 2 of the 2 predicted sectors
        assert_eq!(s.sector_predicted, 2);
        assert_eq!(s.country_accuracy_resolved(), 1.0);
        assert_eq!(s.sector_accuracy_resolved(), 1.0);
        assert!((s.country_accuracy() - 1.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn resolved_accuracy_counts_wrong_codes_but_not_null_ones() {
        let g = read_gold("{{A|USAGOV}} {{B|RUSMIL}} {{C|FRAGOV}} {{D|DEU}}", "t").unwrap();
        let p = vec![
            predicted((0, 1), Some("USAGOV")),
            predicted((2, 3), Some("RUSGOV")),
            predicted((4, 5), Some("ESPGOV")),
            predicted((6, 7), None),
        ];
        let (mut s, _) = score(&g, &p, &book());
        assert_eq!((s.with_country, s.country_correct, s.unresolved), (4, 2, 1));
        assert!((s.country_accuracy() - 0.5).abs() < 1e-9);
        assert!((s.country_accuracy_resolved() - 2.0 / 3.0).abs() < 1e-9);
        assert_eq!(
            (s.with_sector, s.sector_correct, s.sector_predicted),
            (3, 2, 3)
        );
        assert!((s.sector_accuracy_resolved() - 2.0 / 3.0).abs() < 1e-9);
        // adding scores adds the predicted counts too
        let copy = s.clone();
        s.add(&copy);
        assert_eq!(s.sector_predicted, 6);
        assert!((s.country_accuracy_resolved() - 2.0 / 3.0).abs() < 1e-9);
        // nothing resolved: zero, not a division by zero
        assert_eq!(Score::default().country_accuracy_resolved(), 0.0);
    }
}
