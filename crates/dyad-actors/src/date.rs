//! Calendar dates for dated roles.
//!
//! Roles change on a given day ("USAGOV from 2009-01-20"), so a date is a day, kept as the
//! number `yyyymmdd`: comparing two dates is comparing two integers, which keeps the
//! per-match role lookup branch-light. Two-digit PETRARCH years pivot at 30 (`00`-`30` are
//! 2000-2030, `31`-`99` are 1931-1999), which fits every date in the Phoenix files.

use std::fmt;

/// A calendar day, ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(u32);

impl Date {
    /// A date from its parts; `None` when the month or day is out of range.
    pub fn from_ymd(year: u32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || !(1..=31).contains(&day) || year > 9999 {
            return None;
        }
        Some(Date(year * 10_000 + month * 100 + day))
    }

    /// `YYYY-MM-DD`, optionally followed by a time (`2021-03-25T10:00:00Z`) which is ignored.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T') {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            let t = s.get(r)?;
            if t.bytes().all(|c| c.is_ascii_digit()) {
                t.parse().ok()
            } else {
                None
            }
        };
        Date::from_ymd(num(0..4)?, num(5..7)?, num(8..10)?)
    }

    /// PETRARCH's `YYYYMMDD` or `YYMMDD`.
    pub fn parse_petrarch(s: &str) -> Option<Date> {
        if !s.bytes().all(|c| c.is_ascii_digit()) {
            return None;
        }
        let n: u32 = s.parse().ok()?;
        match s.len() {
            8 => Date::from_ymd(n / 10_000, n / 100 % 100, n % 100),
            6 => {
                let yy = n / 10_000;
                let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
                Date::from_ymd(year, n / 100 % 100, n % 100)
            }
            _ => None,
        }
    }

    pub fn year(self) -> u32 {
        self.0 / 10_000
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:04}-{:02}-{:02}",
            self.0 / 10_000,
            self.0 / 100 % 100,
            self.0 % 100
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_iso_and_petrarch_forms() {
        let d = Date::parse_iso("2021-03-25").unwrap();
        assert_eq!(d.to_string(), "2021-03-25");
        assert_eq!(Date::parse_iso("2021-03-25T08:00:00Z"), Some(d));
        assert_eq!(Date::parse_petrarch("20210325"), Some(d));
        assert_eq!(Date::parse_petrarch("210325"), Some(d));
        assert_eq!(
            Date::parse_petrarch("450703").unwrap().to_string(),
            "1945-07-03"
        );
        assert!(Date::parse_iso("2021-13-01").is_none());
        assert!(Date::parse_iso("2021/03/25").is_none());
        assert!(Date::parse_petrarch("2004017").is_none());
        assert!(Date::parse_petrarch("9008223").is_none());
        assert!(Date::parse_iso("20x1-03-25").is_none());
    }

    #[test]
    fn orders_chronologically() {
        assert!(Date::parse_iso("2009-01-20") < Date::parse_iso("2017-01-20"));
        assert!(Date::parse_petrarch("991231") < Date::parse_petrarch("000101"));
    }
}
