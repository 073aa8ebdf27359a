//! Date mentions, absolute and relative, resolved against the document date.
//!
//! News text dates events relative to the day of publication: "on Thursday", "yesterday",
//! "last month", "in 2009", "March 3". The scanner walks the tokens of each sentence and
//! recognises a handful of shapes; each mention gets its span, the resolved date as ISO text
//! (`2021-03-24`, `2021-02`, `2009`) and the resolution of that date, like GDELT's
//! V2.1ENHANCEDDATES (which also has month-and-day dates without a year).
//!
//! A bare weekday refers, by news convention, to the most recent such day on or before the
//! document date (a Thursday story's "Wednesday" is the day before, its "Thursday" the same
//! day), unless the clause speaks of the future ("will address ... on Thursday"), then it is
//! the first such day on or after. Without a document date relative mentions are still
//! reported, with no date. Calendar arithmetic is dyad-core's [`Day`] (days since 1970-01-01).

use std::borrow::Cow;

use dyad_core::{Document, Span, Token};
use serde::{Deserialize, Serialize};

/// How precise a resolved date is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateResolution {
    Day,
    /// The date is the Monday of the week.
    Week,
    Month,
    Year,
    /// Month and day, year unknown (GDELT resolution 4); the date reads `--03-03`.
    MonthDay,
}

/// One date mention.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateMention {
    /// The words of the mention, as in the text.
    pub text: String,
    pub span: Span,
    /// ISO date at its resolution: `2021-03-24` (a day, or the Monday of a week), `2021-03`,
    /// `2021`, or `--03-03` for a month and day without a year. `None` for a relative date
    /// in a document without a date.
    pub date: Option<String>,
    pub resolution: DateResolution,
    /// True if the mention is relative to the document date ("yesterday", "on Thursday").
    pub relative: bool,
}

pub use dyad_core::calendar::{Day, MONTHS, WEEKDAYS};

fn month_number(w: &str) -> Option<u32> {
    let w = w.trim_end_matches('.');
    // Compared without a lower-case copy (this runs on every token): a word with a letter
    // outside ASCII has none in lower case either (the Kelvin sign aside, and no month name
    // has a k).
    if !w.is_ascii() {
        return None;
    }
    // Every name and abbreviation below has 3 to 9 letters and starts with one of these:
    // most tokens stop here, before the comparisons.
    let first = w.bytes().next().map(|b| b.to_ascii_lowercase());
    if !(3..=9).contains(&w.len())
        || !matches!(
            first,
            Some(b'j' | b'f' | b'm' | b'a' | b's' | b'o' | b'n' | b'd')
        )
    {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return Some(i as u32 + 1);
    }
    let abbr = [
        "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ];
    if w.eq_ignore_ascii_case("sept") {
        return Some(9);
    }
    abbr.iter()
        .position(|m| !m.is_empty() && m.eq_ignore_ascii_case(w))
        .map(|i| i as u32 + 1)
}

fn number_word(w: &str) -> Option<i64> {
    let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve",
    ];
    // (Without a lower-case copy, as in `month_number`: no number word has a k.)
    if w.is_ascii() {
        if let Some(i) = words.iter().position(|x| x.eq_ignore_ascii_case(w)) {
            return Some(i as i64);
        }
        if w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an") {
            return Some(1);
        }
    }
    w.parse().ok().filter(|n| (0..1000).contains(n))
}

const FUTURE_MARKERS: &[&str] = &[
    "will",
    "'ll",
    "shall",
    "would",
    "next",
    "upcoming",
    "scheduled",
    "expected",
    "plans",
    "planned",
    "due",
    "until",
    "tomorrow",
];
const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "by", "until", "till", "from", "before", "after", "during", "through", "of",
    "to", "early", "late", "mid",
];

/// Finds the date mentions of `doc`, resolved against `doc.doc.date` when it parses.
pub fn find_dates(doc: &Document) -> Vec<DateMention> {
    find_dates_lowered(doc, &crate::tone::lowered(&doc.tokens))
}

/// [`find_dates`] given the lower-case forms of the document's tokens.
pub(crate) fn find_dates_lowered(doc: &Document, lower: &[Cow<'_, str>]) -> Vec<DateMention> {
    let today = doc.doc.date.as_deref().and_then(Day::parse_iso);
    let mut out = Vec::new();
    for i in 0..doc.sentences.len() {
        let (toks, lower) = crate::tone::sentence_lowered(doc, lower, i);
        scan_lowered(&doc.text, toks, lower, today, &mut out);
    }
    out
}

/// Finds the date mentions in one sentence's tokens.
pub fn scan_sentence(text: &str, toks: &[Token], today: Option<Day>, out: &mut Vec<DateMention>) {
    scan_lowered(text, toks, &crate::tone::lowered(toks), today, out);
}

/// [`scan_sentence`] given the lower-case forms of the tokens.
fn scan_lowered(
    text: &str,
    toks: &[Token],
    lower: &[Cow<'_, str>],
    today: Option<Day>,
    out: &mut Vec<DateMention>,
) {
    let mut i = 0;
    while i < toks.len() {
        let found = match_at(lower, toks, i, today);
        if let Some((end, date, resolution, relative)) = found {
            let span = Span::new(toks[i].span.start, toks[end - 1].span.end);
            out.push(DateMention {
                text: span.get(text).unwrap_or_default().to_string(),
                span,
                date,
                resolution,
                relative,
            });
            i = end;
        } else {
            i += 1;
        }
    }
}

type Match = (usize, Option<String>, DateResolution, bool);

fn match_at(lower: &[Cow<'_, str>], toks: &[Token], i: usize, today: Option<Day>) -> Option<Match> {
    let w = |k: usize| lower.get(k).map(|s| s.as_ref()).unwrap_or("");
    let cur = w(i);
    // yesterday / today / tomorrow / tonight
    let offset = match cur {
        "yesterday" => Some(-1),
        "today" | "tonight" => Some(0),
        "tomorrow" => Some(1),
        _ => None,
    };
    if let Some(o) = offset {
        return Some((
            i + 1,
            today.map(|d| Day(d.0 + o).iso()),
            DateResolution::Day,
            true,
        ));
    }
    // [last|next|this] weekday
    let (prefix, wd_at) = if matches!(cur, "last" | "next" | "this" | "past" | "coming") {
        (cur, i + 1)
    } else {
        ("", i)
    };
    // Every weekday name ends in "day": most tokens stop at that check.
    let wd_word = w(wd_at);
    let weekday = if wd_word.ends_with("day") {
        WEEKDAYS.iter().position(|d| *d == wd_word)
    } else {
        None
    };
    if let Some(wd) = weekday {
        let future = match prefix {
            "next" | "coming" => true,
            "last" | "past" => false,
            _ => (0..i)
                .rev()
                .take(10)
                .any(|k| FUTURE_MARKERS.contains(&w(k))),
        };
        let strict = matches!(prefix, "next" | "last");
        let date = today.map(|d| d.nearest_weekday(wd as u32, future, strict).iso());
        return Some((wd_at + 1, date, DateResolution::Day, true));
    }
    // last/next/this week|month|year
    if matches!(cur, "last" | "next" | "this" | "past") {
        let unit = w(i + 1);
        if matches!(unit, "week" | "month" | "year") {
            let sign = match cur {
                "last" | "past" => -1,
                "next" => 1,
                _ => 0,
            };
            let (date, res) = shift_unit(today, unit, sign);
            return Some((i + 2, date, res, true));
        }
    }
    // N days|weeks|months|years ago
    // (The cheap "ago" check first: the number word is read only before one.)
    let ago = w(i + 2) == "ago";
    if let Some(n) = ago.then(|| number_word(cur)).flatten() {
        let unit = w(i + 1).trim_end_matches('s');
        if matches!(unit, "day" | "week" | "month" | "year") {
            let (date, res) = match unit {
                "day" => (today.map(|d| Day(d.0 - n).iso()), DateResolution::Day),
                "week" => (today.map(|d| Day(d.0 - 7 * n).iso()), DateResolution::Day),
                _ => shift_unit(today, unit, -n),
            };
            return Some((i + 3, date, res, true));
        }
    }
    // ISO date token
    if cur.len() == 10 {
        if let Some(d) = Day::parse_iso(cur) {
            return Some((i + 1, Some(d.iso()), DateResolution::Day, false));
        }
    }
    // Month [day][,] [year] | day Month [year] | Month year
    if let Some(m) = month_number(&toks[i].text) {
        // "may" and "march" are also common words: require a capital and a number or a
        // date preposition before.
        let capital = toks[i].text.starts_with(char::is_uppercase);
        if capital {
            if let Some(d) = day_number(w(i + 1)) {
                let mut end = i + 2;
                let mut year = None;
                let k = if w(end) == "," { end + 1 } else { end };
                if let Some(y) = year_number(w(k)) {
                    year = Some(y);
                    end = k + 1;
                }
                return Some(month_day(m, d, year, today, end));
            }
            if let Some(y) = year_number(w(i + 1)) {
                return Some((
                    i + 2,
                    Some(format!("{y:04}-{m:02}")),
                    DateResolution::Month,
                    false,
                ));
            }
            let prev = if i > 0 { w(i - 1) } else { "" };
            if matches!(
                prev,
                "in" | "since" | "until" | "by" | "early" | "late" | "mid" | "last" | "next"
            ) && !matches!(m, 5)
            {
                let y = today.map(|d| d.ymd().0);
                return Some((
                    i + 1,
                    y.map(|y| format!("{y:04}-{m:02}")),
                    DateResolution::Month,
                    true,
                ));
            }
        }
    }
    if let Some(d) = day_number(cur) {
        if let Some(m) = toks.get(i + 1).and_then(|t| month_number(&t.text)) {
            if toks[i + 1].text.starts_with(char::is_uppercase) {
                let year = year_number(w(i + 2));
                let end = if year.is_some() { i + 3 } else { i + 2 };
                return Some(month_day(m, d, year, today, end));
            }
        }
    }
    // in 2009
    if let Some(y) = year_number(cur) {
        if i > 0 && YEAR_PREPOSITIONS.contains(&w(i - 1)) {
            return Some((i + 1, Some(format!("{y:04}")), DateResolution::Year, false));
        }
    }
    None
}

fn month_day(m: u32, d: u32, year: Option<i64>, today: Option<Day>, end: usize) -> Match {
    match year {
        Some(y) => match Day::from_ymd(y, m, d) {
            Some(day) => (end, Some(day.iso()), DateResolution::Day, false),
            None => (end, None, DateResolution::Day, false),
        },
        // Without a year, news means the nearest such day: the document's year, or the
        // previous one when that would lie more than two months ahead.
        None => match today {
            Some(t) => {
                let (ty, _, _) = t.ymd();
                let this = Day::from_ymd(ty, m, d);
                let day = match this {
                    Some(x) if x.0 - t.0 > 62 => Day::from_ymd(ty - 1, m, d),
                    other => other,
                };
                (end, day.map(Day::iso), DateResolution::Day, true)
            }
            None => (
                end,
                Some(format!("--{m:02}-{d:02}")),
                DateResolution::MonthDay,
                false,
            ),
        },
    }
}

fn shift_unit(today: Option<Day>, unit: &str, n: i64) -> (Option<String>, DateResolution) {
    let Some(t) = today else {
        let res = match unit {
            "week" => DateResolution::Week,
            "month" => DateResolution::Month,
            _ => DateResolution::Year,
        };
        return (None, res);
    };
    let (y, m, _) = t.ymd();
    match unit {
        "week" => {
            let monday = t.0 - t.weekday() as i64 + 7 * n;
            (Some(Day(monday).iso()), DateResolution::Week)
        }
        "month" => {
            let total = y * 12 + (m as i64 - 1) + n;
            let (yy, mm) = (total.div_euclid(12), total.rem_euclid(12) + 1);
            (Some(format!("{yy:04}-{mm:02}")), DateResolution::Month)
        }
        _ => (Some(format!("{:04}", y + n)), DateResolution::Year),
    }
}

fn day_number(w: &str) -> Option<u32> {
    // A day opens with a digit (the suffixes are trimmed from the end): most tokens stop here.
    if !w.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let w = w
        .trim_end_matches("st")
        .trim_end_matches("nd")
        .trim_end_matches("rd")
        .trim_end_matches("th");
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(w: &str) -> Option<i64> {
    if w.len() != 4 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    w.parse().ok().filter(|y| (1800..=2100).contains(y))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_names_and_abbreviations_in_any_case() {
        for (i, m) in MONTHS.iter().enumerate() {
            let n = Some(i as u32 + 1);
            let title = format!("{}{}", m[..1].to_uppercase(), &m[1..]);
            for w in [
                m.to_string(),
                m.to_uppercase(),
                title.clone(),
                format!("{title}."),
            ] {
                assert_eq!(month_number(&w), n, "{w}");
            }
            if i != 4 {
                assert_eq!(month_number(&format!("{}.", &title[..3])), n, "{m}");
            }
        }
        assert_eq!(month_number("Sept."), Some(9));
        for w in [
            "",
            ".",
            "Ma",
            "Mayor",
            "Jun3",
            "Decembers",
            "Monday",
            "2020",
            "Mär",
        ] {
            assert_eq!(month_number(w), None, "{w}");
        }
    }
    use dyad_core::{DocMeta, Sentence};

    fn doc(text: &str, date: Option<&str>) -> Document {
        let mut d = Document::new(DocMeta::new("t", text.as_bytes()), text.to_string());
        d.doc.date = date.map(str::to_string);
        let mut pos = 0;
        for w in text.split(' ') {
            d.tokens
                .push(Token::new(Span::new(pos, pos + w.len()), text));
            pos += w.len() + 1;
        }
        d.sentences.push(Sentence {
            span: Span::new(0, text.len()),
            tokens: [0, d.tokens.len()],
        });
        d
    }

    fn dates(text: &str) -> Vec<(String, Option<String>)> {
        find_dates(&doc(text, Some("2021-03-25")))
            .into_iter()
            .map(|m| (m.text, m.date))
            .collect()
    }

    fn one(text: &str) -> String {
        let d = dates(text);
        assert_eq!(d.len(), 1, "{text}: {d:?}");
        d[0].1.clone().unwrap_or_default()
    }

    #[test]
    fn day_arithmetic_round_trips() {
        let d = Day::from_ymd(2021, 3, 25).unwrap();
        assert_eq!(d.iso(), "2021-03-25");
        assert_eq!(d.weekday(), 3, "2021-03-25 is a Thursday");
        assert_eq!(Day(0).iso(), "1970-01-01");
        assert_eq!(Day::from_ymd(2024, 2, 29).unwrap().iso(), "2024-02-29");
        assert!(Day::from_ymd(2023, 2, 29).is_none());
        assert_eq!(Day::parse_iso("2021-03-25T10:00:00Z"), Some(d));
        assert_eq!(Day::parse_iso("2021/03/25"), None);
        assert_eq!(Day::parse_iso("21"), None);
    }

    #[test]
    fn bare_weekdays_look_back_from_the_document_date() {
        assert_eq!(one("he said on Wednesday"), "2021-03-24");
        assert_eq!(one("Blinken said on Thursday that"), "2021-03-25");
        assert_eq!(one("China's decision on Monday to retaliate"), "2021-03-22");
        assert_eq!(one("they met on Friday"), "2021-03-19");
    }

    #[test]
    fn future_clauses_look_forward() {
        assert_eq!(
            one("Biden will address EU leaders later on Thursday"),
            "2021-03-25"
        );
        assert_eq!(one("she will travel on Monday"), "2021-03-29");
        assert_eq!(one("next Thursday"), "2021-04-01");
        assert_eq!(one("last Thursday"), "2021-03-18");
        let d = find_dates(&doc("last Thursday", Some("2021-03-25")));
        assert_eq!(d[0].text, "last Thursday");
    }

    #[test]
    fn relative_days_weeks_months_years() {
        assert_eq!(one("yesterday"), "2021-03-24");
        assert_eq!(one("tomorrow"), "2021-03-26");
        assert_eq!(one("last month"), "2021-02");
        assert_eq!(one("next year"), "2022");
        assert_eq!(one("last week"), "2021-03-15");
        assert_eq!(one("three days ago"), "2021-03-22");
        assert_eq!(one("two years ago"), "2019");
    }

    #[test]
    fn absolute_dates() {
        assert_eq!(one("Obama did so in 2009 ."), "2009");
        assert_eq!(one("on March 3 ,"), "2021-03-03");
        assert_eq!(one("on March 3 , 2019"), "2019-03-03");
        assert_eq!(one("on 3 March 2019"), "2019-03-03");
        assert_eq!(one("in December 2020"), "2020-12");
        assert_eq!(one("on Sept. 11"), "2020-09-11");
        assert_eq!(one("on 2020-01-31"), "2020-01-31");
    }

    #[test]
    fn common_words_and_numbers_are_not_dates() {
        assert!(dates("they may march 300 troops").is_empty());
        assert!(dates("2009 people came").is_empty());
        assert!(dates("the March of Dimes").is_empty());
    }

    #[test]
    fn without_document_date_relative_dates_have_none() {
        let d = find_dates(&doc("on Wednesday and in 2009", None));
        assert_eq!(d.len(), 2);
        assert_eq!(d[0].date, None);
        assert_eq!(d[1].date.as_deref(), Some("2009"));
        let md = find_dates(&doc("on March 3", None));
        assert_eq!(md[0].date.as_deref(), Some("--03-03"));
        assert_eq!(md[0].resolution, DateResolution::MonthDay);
    }

    #[test]
    fn spans_point_at_the_words() {
        let d = doc("said on Wednesday", Some("2021-03-25"));
        let m = find_dates(&d);
        assert_eq!(&d.text[m[0].span.start..m[0].span.end], "Wednesday");
        assert!(m[0].relative);
    }
}
