//! Scoring produced codings against a validation file's expected ones (`dyad eval petrarch`).
//!
//! PETRARCH's own harness reports per record whether all codings came out right. The issue
//! asks for rates instead: per category, the expected codings found and missed, and the
//! produced codings that were not expected (false positives). A coding counts as found when
//! source, target and event code all match; each expected coding can be claimed once (the
//! comparison is between multisets). Because dyad's actor coder may name an actor
//! differently while the event is right, the event code alone is also scored
//! (`code_found`), to tell coder errors from actor errors. Records expecting no events,
//! or an input error, expect zero codings: whatever they produce is a false positive.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use serde::Serialize;

use crate::validation_reader::{Coding, ValidationRecord};

/// Counts for one category, or for all.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Tally {
    pub records: usize,
    pub expected: usize,
    pub produced: usize,
    /// Expected codings produced exactly (source, target, code).
    pub found: usize,
    pub missed: usize,
    /// Produced codings matching no expected one.
    pub false_positives: usize,
    /// Expected codings whose event code was produced, whatever the actors.
    pub code_found: usize,
}

impl Tally {
    /// Found / expected (recall-like); `None` when nothing was expected.
    pub fn found_rate(&self) -> Option<f64> {
        (self.expected > 0).then(|| self.found as f64 / self.expected as f64)
    }

    /// False positives / produced; `None` when nothing was produced.
    pub fn false_positive_rate(&self) -> Option<f64> {
        (self.produced > 0).then(|| self.false_positives as f64 / self.produced as f64)
    }

    /// Found / produced (precision-like).
    pub fn precision(&self) -> Option<f64> {
        (self.produced > 0).then(|| self.found as f64 / self.produced as f64)
    }

    fn add(&mut self, o: &RecordOutcome) {
        self.records += 1;
        self.expected += o.found.len() + o.missed.len();
        self.produced += o.found.len() + o.false_positives.len();
        self.found += o.found.len();
        self.missed += o.missed.len();
        self.false_positives += o.false_positives.len();
        self.code_found += o.code_found;
    }
}

/// What one record came to.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct RecordOutcome {
    pub id: String,
    pub category: String,
    pub found: Vec<Coding>,
    pub missed: Vec<Coding>,
    pub false_positives: Vec<Coding>,
    pub code_found: usize,
}

impl RecordOutcome {
    /// Compare a record's expected codings with the produced ones.
    pub fn compare(record: &ValidationRecord, produced: &[Coding]) -> RecordOutcome {
        let mut left: Vec<Coding> = record.expected.clone();
        let mut out = RecordOutcome {
            id: record.id.clone(),
            category: record.category.clone(),
            ..Default::default()
        };
        for p in produced {
            match left.iter().position(|e| e == p) {
                Some(i) => out.found.push(left.swap_remove(i)),
                None => out.false_positives.push(p.clone()),
            }
        }
        out.missed = left;
        out.missed.sort();
        let mut codes: Vec<&str> = produced.iter().map(|p| p.code.as_str()).collect();
        for e in &record.expected {
            if let Some(i) = codes.iter().position(|c| *c == e.code) {
                codes.swap_remove(i);
                out.code_found += 1;
            }
        }
        out
    }

    pub fn is_perfect(&self) -> bool {
        self.missed.is_empty() && self.false_positives.is_empty()
    }
}

/// Tallies per category and in total, plus every record's outcome.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Scoreboard {
    pub categories: BTreeMap<String, Tally>,
    pub total: Tally,
    pub outcomes: Vec<RecordOutcome>,
}

impl Scoreboard {
    pub fn new() -> Scoreboard {
        Scoreboard::default()
    }

    /// Score one record and add it to the tallies.
    pub fn add(&mut self, record: &ValidationRecord, produced: &[Coding]) -> &RecordOutcome {
        let o = RecordOutcome::compare(record, produced);
        self.categories
            .entry(o.category.clone())
            .or_default()
            .add(&o);
        self.total.add(&o);
        self.outcomes.push(o);
        self.outcomes.last().expect("just pushed")
    }

    /// A plain-text table: one row per category and a total row.
    pub fn table(&self) -> String {
        let pct = |x: Option<f64>| x.map_or("-".to_string(), |v| format!("{:.1}%", 100.0 * v));
        let mut s = String::new();
        let _ = writeln!(
            s,
            "{:<12} {:>7} {:>8} {:>6} {:>6} {:>6} {:>7} {:>8} {:>7}",
            "category", "records", "expected", "found", "missed", "fp", "found%", "fp%out", "code%"
        );
        let rows = self
            .categories
            .iter()
            .map(|(k, v)| (k.as_str(), v))
            .chain(std::iter::once(("TOTAL", &self.total)));
        for (name, t) in rows {
            let code = (t.expected > 0).then(|| t.code_found as f64 / t.expected as f64);
            let _ = writeln!(
                s,
                "{:<12} {:>7} {:>8} {:>6} {:>6} {:>6} {:>7} {:>8} {:>7}",
                name,
                t.records,
                t.expected,
                t.found,
                t.missed,
                t.false_positives,
                pct(t.found_rate()),
                pct(t.false_positive_rate()),
                pct(code)
            );
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str, t: &str, code: &str) -> Coding {
        Coding {
            source: s.into(),
            target: t.into(),
            code: code.into(),
        }
    }

    fn rec(id: &str, cat: &str, expected: Vec<Coding>) -> ValidationRecord {
        ValidationRecord {
            id: id.into(),
            category: cat.into(),
            expected,
            ..Default::default()
        }
    }

    #[test]
    fn counts_found_missed_and_false_positives_per_category() {
        let mut sb = Scoreboard::new();
        let r1 = rec(
            "a",
            "DEMO",
            vec![
                c("ARN", "GON", "064"),
                c("ARN", "GON", "064"),
                c("GON", "ARN", "111"),
            ],
        );
        // one duplicate found once, the other missed; a wrong-actor coding is an FP but its
        // code counts for code_found
        let o = sb
            .add(&r1, &[c("ARN", "GON", "064"), c("ARN", "MOR", "111")])
            .clone();
        assert_eq!(o.found, vec![c("ARN", "GON", "064")]);
        assert_eq!(
            o.missed,
            vec![c("ARN", "GON", "064"), c("GON", "ARN", "111")]
        );
        assert_eq!(o.false_positives, vec![c("ARN", "MOR", "111")]);
        assert_eq!(o.code_found, 2);
        let mut r2 = rec("b", "VERB", vec![]);
        r2.no_events = true;
        sb.add(&r2, &[c("X", "Y", "010")]);
        sb.add(
            &rec("c", "DEMO", vec![c("A", "B", "042")]),
            &[c("A", "B", "042")],
        );

        let demo = &sb.categories["DEMO"];
        assert_eq!(
            (
                demo.records,
                demo.expected,
                demo.found,
                demo.missed,
                demo.false_positives
            ),
            (2, 4, 2, 2, 1)
        );
        assert_eq!(demo.found_rate(), Some(0.5));
        let verb = &sb.categories["VERB"];
        assert_eq!(
            (verb.expected, verb.false_positives, verb.produced),
            (0, 1, 1)
        );
        assert_eq!(verb.found_rate(), None);
        let t = &sb.total;
        assert_eq!(
            (
                t.records,
                t.expected,
                t.produced,
                t.found,
                t.missed,
                t.false_positives
            ),
            (3, 4, 4, 2, 2, 2)
        );
        assert_eq!(t.false_positive_rate(), Some(0.5));
        assert_eq!(t.precision(), Some(0.5));
        assert!(sb.outcomes[2].is_perfect() && !sb.outcomes[0].is_perfect());
        let table = sb.table();
        assert!(
            table
                .lines()
                .any(|l| l.starts_with("TOTAL") && l.contains("50.0%")),
            "{table}"
        );
        assert_eq!(table.lines().count(), 4);
    }
}
