//! The date of an event from its sentence: relative days resolved against the document date.
//!
//! News reports date events relative to publication: "on Wednesday", "yesterday", "last
//! Friday". The event coder only needs the day those words point to, so this is a small
//! resolver over one sentence's tokens rather than a general date finder (dyad-gkg has
//! that, for the knowledge-graph fields): a bare weekday is the most recent such day on or
//! before the document date, or the next one when the clause speaks of the future
//! ("will meet on Friday", "next Friday"). Days are counted as days since 1970-01-01.

use dyad_core::Token;

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Days since 1970-01-01 of `y-m-d` (H. Hinnant's days-from-civil), `None` if invalid.
pub fn days_from_ymd(y: i64, m: u32, d: u32) -> Option<i64> {
    let mdays = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let max = if m == 2 && leap {
        29
    } else {
        *mdays.get(m.checked_sub(1)? as usize)?
    };
    if d == 0 || d > max {
        return None;
    }
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m as i64 + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d as i64 - 1;
    Some(era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468)
}

/// `YYYY-MM-DD` of a day count.
pub fn iso_of_days(days: i64) -> String {
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The day of an ISO date or timestamp (`2021-03-25`, `2021-03-25T10:00Z`) or a PETRARCH
/// date (`20210325`).
pub fn parse_day(s: &str) -> Option<i64> {
    let s = s.trim();
    let (y, m, d) = if s.len() >= 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-' {
        (s.get(..4)?, s.get(5..7)?, s.get(8..10)?)
    } else if s.len() == 8 && s.bytes().all(|b| b.is_ascii_digit()) {
        (&s[..4], &s[4..6], &s[6..8])
    } else {
        return None;
    };
    days_from_ymd(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// 0 = Monday ... 6 = Sunday.
fn weekday(days: i64) -> i64 {
    (days + 3).rem_euclid(7)
}

/// The day the sentence `toks` dates its events to, relative to `today` (days since
/// 1970-01-01); `future` says the event is stated as to come. `None` when the sentence
/// names no relative day.
pub fn relative_day(toks: &[Token], today: i64, future: bool) -> Option<i64> {
    for (i, t) in toks.iter().enumerate() {
        let w = t.text.to_lowercase();
        let prev = i
            .checked_sub(1)
            .map(|p| toks[p].text.to_lowercase())
            .unwrap_or_default();
        match w.as_str() {
            "today" | "tonight" => return Some(today),
            "yesterday" => return Some(today - 1),
            "tomorrow" => return Some(today + 1),
            _ => {}
        }
        let Some(wd) = WEEKDAYS.iter().position(|d| *d == w) else {
            continue;
        };
        let wd = wd as i64;
        let dw = weekday(today);
        let back = (dw - wd).rem_euclid(7);
        let ahead = (wd - dw).rem_euclid(7);
        return Some(match prev.as_str() {
            "last" => today - if back == 0 { 7 } else { back },
            "next" => today + if ahead == 0 { 7 } else { ahead },
            _ if future => today + ahead,
            _ => today - back,
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use dyad_core::Span;

    fn toks(s: &str) -> Vec<Token> {
        s.split(' ')
            .map(|w| Token {
                text: w.into(),
                span: Span::new(0, 0),
                ..Default::default()
            })
            .collect()
    }

    #[test]
    fn weekdays_resolve_against_the_document_date() {
        let today = parse_day("2021-03-25").unwrap(); // a Thursday
        assert_eq!(weekday(today), 3);
        assert_eq!(iso_of_days(today), "2021-03-25");
        assert_eq!(parse_day("20210325"), Some(today));
        let r = |s: &str, f| relative_day(&toks(s), today, f).map(iso_of_days);
        assert_eq!(
            r("Blinken met Wilmes on Wednesday", false).unwrap(),
            "2021-03-24"
        );
        assert_eq!(r("They met on Thursday", false).unwrap(), "2021-03-25");
        assert_eq!(r("They will meet on Friday", true).unwrap(), "2021-03-26");
        assert_eq!(r("They met last Thursday", false).unwrap(), "2021-03-18");
        assert_eq!(r("They meet next Monday", false).unwrap(), "2021-03-29");
        assert_eq!(r("Rohan attacked yesterday", false).unwrap(), "2021-03-24");
        assert_eq!(r("Rohan attacked Gondor", false), None);
        assert_eq!(parse_day("2021-02-30"), None);
        assert_eq!(parse_day("garbage"), None);
        assert_eq!(iso_of_days(parse_day("2000-02-29").unwrap()), "2000-02-29");
    }
}
