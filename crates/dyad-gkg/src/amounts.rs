//! Amounts: numbers with what they count, like GDELT's V2.1AMOUNTS ("$308 million",
//! "1.5 billion euros", "300 troops", "20 percent").
//!
//! A number is digits (with thousands commas and a decimal point) or a number word up to
//! twenty, optionally scaled by `thousand`/`million`/`billion`/`trillion` (or `bn`, `m`), and
//! preceded or followed by a currency (`$`, `€`, `US$`, `dollars`, `euros`...). Without a
//! currency, the amount takes as its unit `percent` (`%`, `per cent`) or the next lower-case
//! word ("300 troops"), skipping a few function words. The tokenizer may keep `$308` whole or
//! split it, so both shapes are read. Spans already taken by dates ("in 2009", "March 3")
//! are skipped, so the caller passes them in.

use std::borrow::Cow;

use dyad_core::{Document, Span, Token};
use serde::{Deserialize, Serialize};

/// One amount.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Amount {
    pub text: String,
    pub span: Span,
    /// The number with its scale applied: "$308 million" is 308000000.
    pub value: f64,
    /// ISO 4217 code when the amount is money.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// What is counted: `percent`, `troops`, or the currency code for money.
    pub unit: String,
}

const CURRENCY_SYMBOLS: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₽", "RUB"),
];
const CURRENCY_WORDS: &[(&str, &str)] = &[
    ("dollar", "USD"),
    ("dollars", "USD"),
    ("euro", "EUR"),
    ("euros", "EUR"),
    ("pound", "GBP"),
    ("pounds", "GBP"),
    ("sterling", "GBP"),
    ("yen", "JPY"),
    ("yuan", "CNY"),
    ("renminbi", "CNY"),
    ("rupee", "INR"),
    ("rupees", "INR"),
    ("rouble", "RUB"),
    ("roubles", "RUB"),
    ("ruble", "RUB"),
    ("rubles", "RUB"),
    ("francs", "CHF"),
    ("usd", "USD"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
];
const SCALES: &[(&str, f64)] = &[
    ("hundred", 1e2),
    ("thousand", 1e3),
    ("million", 1e6),
    ("millions", 1e6),
    ("m", 1e6),
    ("mln", 1e6),
    ("billion", 1e9),
    ("billions", 1e9),
    ("bn", 1e9),
    ("trillion", 1e12),
    ("tn", 1e12),
];
/// Number words by value; "zero" and "one" are left empty, they are mostly not counts
/// ("one knows", "no one").
const NUMBER_WORDS: &[&str] = &[
    "",
    "",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
];
/// Words that are never what an amount counts.
const NOT_UNITS: &[&str] = &[
    "of", "to", "and", "or", "the", "a", "an", "in", "on", "at", "for", "from", "by", "with",
    "was", "were", "is", "are", "be", "has", "have", "had", "said", "says", "that", "which", "who",
    "as", "than", "per", "more", "less", "over", "under", "about", "between", "while", "other",
    "others", "times", "p.m.", "a.m.", "am", "pm",
];

fn scale(w: &str) -> Option<f64> {
    SCALES.iter().find(|(s, _)| *s == w).map(|(_, v)| *v)
}

/// A plain number: `308`, `1,500`, `1.5`; `None` for anything else.
fn parse_number(s: &str) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !s
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    s.replace(',', "").parse().ok()
}

/// Splits a token like `$308`, `1.2bn` or `20%` into (currency, number, glued suffix).
fn split_token(t: &str) -> Option<(Option<&'static str>, f64, &str)> {
    // A number starts with a digit, after a currency symbol (`$`, `US$` or one outside
    // ASCII): any other first byte means no amount, the answer for most tokens.
    if !t
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || matches!(b, b'$' | b'U') || !b.is_ascii())
    {
        return None;
    }
    let mut rest = t;
    let mut cur = None;
    for (sym, code) in CURRENCY_SYMBOLS {
        if let Some(r) = rest.strip_prefix(sym) {
            cur = Some(*code);
            rest = r;
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'))
        .unwrap_or(rest.len());
    let (num, suffix) = rest.split_at(end);
    let num = num.trim_end_matches(['.', ',']);
    let v = parse_number(num)?;
    if !suffix.is_empty() && suffix != "%" && scale(&suffix.to_lowercase()).is_none() {
        return None;
    }
    Some((cur, v, suffix))
}

/// Finds the amounts of `doc`, skipping tokens inside any of `taken` (date spans).
pub fn find_amounts(doc: &Document, taken: &[Span]) -> Vec<Amount> {
    find_amounts_lowered(doc, &crate::tone::lowered(&doc.tokens), taken)
}

/// [`find_amounts`] given the lower-case forms of the document's tokens.
pub(crate) fn find_amounts_lowered(
    doc: &Document,
    lower: &[Cow<'_, str>],
    taken: &[Span],
) -> Vec<Amount> {
    let mut out = Vec::new();
    for i in 0..doc.sentences.len() {
        let (toks, lower) = crate::tone::sentence_lowered(doc, lower, i);
        scan_lowered(&doc.text, toks, lower, taken, &mut out);
    }
    out
}

/// Finds the amounts in one sentence's tokens.
pub fn scan_sentence(text: &str, toks: &[Token], taken: &[Span], out: &mut Vec<Amount>) {
    // (The same lower-case forms, borrowed from the tokens already in lower case.)
    scan_lowered(text, toks, &crate::tone::lowered(toks), taken, out);
}

/// [`scan_sentence`] given the lower-case forms of the tokens.
fn scan_lowered(
    text: &str,
    toks: &[Token],
    lower: &[Cow<'_, str>],
    taken: &[Span],
    out: &mut Vec<Amount>,
) {
    let w = |k: usize| lower.get(k).map(|s| s.as_ref()).unwrap_or("");
    let mut i = 0;
    while i < toks.len() {
        if taken.iter().any(|s| s.overlaps(toks[i].span)) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut currency: Option<&str> = None;
        // A currency symbol token before the number.
        if let Some((_, code)) = CURRENCY_SYMBOLS.iter().find(|(s, _)| *s == toks[j].text) {
            currency = Some(code);
            j += 1;
        }
        let parsed = toks.get(j).and_then(|t| {
            split_token(&t.text).or_else(|| {
                NUMBER_WORDS
                    .iter()
                    .position(|n| !n.is_empty() && *n == w(j))
                    .map(|n| (None, n as f64, ""))
            })
        });
        let Some((glued_cur, mut value, suffix)) = parsed else {
            i += 1;
            continue;
        };
        if taken.iter().any(|s| s.overlaps(toks[j].span)) || part_of_name(toks, j) {
            i = j + 1;
            continue;
        }
        currency = currency.or(glued_cur);
        j += 1;
        let mut unit: Option<String> = None;
        if suffix == "%" {
            unit = Some("percent".into());
        } else if let Some(s) = scale(&suffix.to_lowercase()) {
            value *= s;
        }
        if unit.is_none() {
            if let Some(s) = scale(w(j)) {
                value *= s;
                j += 1;
            }
        }
        if unit.is_none() {
            if let Some((_, code)) = CURRENCY_WORDS.iter().find(|(c, _)| *c == w(j)) {
                currency = currency.or(Some(code));
                j += 1;
            } else if currency.is_none() {
                if w(j) == "%" || w(j) == "percent" || w(j) == "pct" {
                    unit = Some("percent".into());
                    j += 1;
                } else if w(j) == "per" && w(j + 1) == "cent" {
                    unit = Some("percent".into());
                    j += 2;
                } else if toks.get(j).is_some_and(|t| is_unit_word(&t.text))
                    && !looks_like_year(&toks[start].text)
                    && !NOT_UNITS.contains(&w(j))
                    && countable(w(j))
                {
                    unit = Some(w(j).to_string());
                    j += 1;
                }
            }
        }
        let unit = match (currency, unit) {
            (Some(c), _) => c.to_string(),
            (None, Some(u)) => u,
            (None, None) => {
                i = j;
                continue;
            }
        };
        let span = Span::new(toks[start].span.start, toks[j - 1].span.end);
        out.push(Amount {
            text: span.get(text).unwrap_or_default().to_string(),
            span,
            value,
            currency: currency.map(str::to_string),
            unit,
        });
        i = j;
    }
}

/// True if the number at `j` is glued to a name ("COVID-19") or follows a capitalised word
/// inside a sentence ("Nord Stream 2"), so it names a thing rather than counting one.
fn part_of_name(toks: &[Token], j: usize) -> bool {
    if j == 0 {
        return false;
    }
    let prev = &toks[j - 1];
    let glued = prev.span.end == toks[j].span.start && prev.text == "-";
    let after_name = j >= 2
        && prev.text.starts_with(|c: char| c.is_uppercase())
        && !toks[j - 2].text.ends_with(['.', '"', '“']);
    glued || after_name
}

/// A bare four-digit number from 1800 to 2100 is a year ("the 2018 analysis").
fn looks_like_year(t: &str) -> bool {
    t.len() == 4
        && t.bytes().all(|b| b.is_ascii_digit())
        && (b"18".as_slice()..=b"21".as_slice()).contains(&&t.as_bytes()[..2])
}

/// Plural nouns and a few collective ones: the words an amount counts. Without the parse this
/// keeps adjectives out ("four abrasive years", "one particular focus").
fn countable(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is"))
        || matches!(
            w,
            "people"
                | "police"
                | "personnel"
                | "staff"
                | "children"
                | "men"
                | "women"
                | "cattle"
                | "livestock"
                | "feet"
                | "geese"
                | "mice"
                | "sheep"
                | "fish"
                | "aircraft"
                | "militia"
                | "crew"
        )
}

/// A lower-case word of letters (hyphens allowed): "troops", "asylum-seekers".
fn is_unit_word(w: &str) -> bool {
    w.starts_with(|c: char| c.is_lowercase()) && w.chars().all(|c| c.is_alphabetic() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn amounts(text: &str) -> Vec<(String, f64, String)> {
        let d = crate::test_doc(text);
        let dates: Vec<Span> = crate::dates::find_dates(&d)
            .iter()
            .map(|m| m.span)
            .collect();
        find_amounts(&d, &dates)
            .into_iter()
            .map(|a| (a.text, a.value, a.unit))
            .collect()
    }

    #[test]
    fn money_with_scale_and_currency() {
        assert_eq!(
            amounts("The deal is worth $308 million, officials said."),
            vec![("$308 million".to_string(), 308e6, "USD".to_string())]
        );
        assert_eq!(
            amounts("It will cost 1.5 billion euros."),
            vec![("1.5 billion euros".to_string(), 1.5e9, "EUR".to_string())]
        );
        let a = amounts("A loan of £2,500 and US$1.2bn.");
        assert_eq!(a[0], ("£2,500".to_string(), 2500.0, "GBP".to_string()));
        assert_eq!(a[1].1, 1.2e9);
        assert_eq!(a[1].2, "USD");
    }

    #[test]
    fn counts_and_percentages() {
        assert_eq!(
            amounts("They sent 300 troops and 20 percent more."),
            vec![
                ("300 troops".to_string(), 300.0, "troops".to_string()),
                ("20 percent".to_string(), 20.0, "percent".to_string())
            ]
        );
        let a = amounts("Prices rose 3.5% and three people died.");
        assert_eq!(a[0].1, 3.5);
        assert_eq!(a[0].2, "percent");
        assert_eq!(
            a[1],
            ("three people".to_string(), 3.0, "people".to_string())
        );
    }

    #[test]
    fn dates_and_bare_numbers_are_not_amounts() {
        assert!(amounts("Obama did so in 2009.").is_empty());
        assert!(amounts("On March 3, 12 of them left.").is_empty());
        assert!(amounts("Nord Stream 2 is a pipeline.").is_empty());
    }

    #[test]
    fn names_and_adjectives_are_not_counted() {
        assert!(amounts("the COVID-19 pandemic").is_empty());
        assert!(amounts("the Nord Stream 2 pipeline").is_empty());
        assert!(amounts("four abrasive years with one particular focus").is_empty());
        assert_eq!(
            amounts("No one knows. The 2018 analysis of 17 bus stops."),
            vec![]
        );
        assert_eq!(amounts("He met 12 officials and one other.").len(), 1);
    }

    #[test]
    fn spans_cover_the_amount() {
        let text = "About 1,200 refugees arrived.";
        let d = crate::test_doc(text);
        let a = find_amounts(&d, &[]);
        assert_eq!(a[0].span.get(&d.text), Some("1,200 refugees"));
        assert_eq!(a[0].currency, None);
    }
}
