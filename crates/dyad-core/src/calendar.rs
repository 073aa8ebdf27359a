//! Calendar days: the one date arithmetic every stage shares.
//!
//! Dates enter dyad in three places: the document date of a record, dated roles in the actor
//! dictionaries ("USAGOV from 2009-01-20"), and relative dates in the text ("on Wednesday",
//! "last month") that the event coder and the knowledge-graph stage resolve against the
//! document date. All of them need the same few operations (parse an ISO or PETRARCH date,
//! compare, add days, weekday, print), so they live here once. A day is a count of days since
//! 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's civil-from-days algorithms):
//! comparing and shifting dates is integer arithmetic.

use std::fmt;

/// Weekday names, lower case, Monday first ([`Day::weekday`] numbers them the same way).
pub const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A calendar day, as days since 1970-01-01; ordered chronologically.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i64);

/// Days in month `m` (1-12) of year `y`.
pub fn days_in_month(y: i64, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Day {
    /// The day `y-m-d`, or `None` if that day does not exist (month 13, February 30) or the
    /// year is outside 0..=9999.
    pub fn from_ymd(y: i64, m: u32, d: u32) -> Option<Day> {
        if !(0..=9999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        let y = if m <= 2 { y - 1 } else { y };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let mp = (i64::from(m) + 9) % 12;
        let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Some(Day(era * 146_097 + doe - 719_468))
    }

    /// `YYYY-MM-DD`, alone or followed by a time (`2021-03-25T10:00:00Z`, `2021-03-25 10:00`).
    pub fn parse_iso(s: &str) -> Option<Day> {
        let b = s.as_bytes();
        if b.len() < 10
            || b[4] != b'-'
            || b[7] != b'-'
            || (b.len() > 10 && !matches!(b[10], b'T' | b't' | b' '))
        {
            return None;
        }
        Day::from_ymd(
            digits(&s[..4])?,
            digits(&s[5..7])? as u32,
            digits(&s[8..10])? as u32,
        )
    }

    /// PETRARCH's dates: `YYYYMMDD`, or `YYMMDD` with two-digit years pivoting at 30
    /// (`00`-`30` are 2000-2030, `31`-`99` are 1931-1999, which fits every Phoenix file).
    pub fn parse_compact(s: &str) -> Option<Day> {
        let n = digits(s)?;
        match s.len() {
            8 => Day::from_ymd(n / 10_000, (n / 100 % 100) as u32, (n % 100) as u32),
            6 => {
                let yy = n / 10_000;
                let year = if yy <= 30 { 2000 + yy } else { 1900 + yy };
                Day::from_ymd(year, (n / 100 % 100) as u32, (n % 100) as u32)
            }
            _ => None,
        }
    }

    /// An ISO date (with or without a time) or a PETRARCH `YYYYMMDD`/`YYMMDD` date, after
    /// trimming white space.
    pub fn parse(s: &str) -> Option<Day> {
        let s = s.trim();
        Day::parse_iso(s).or_else(|| Day::parse_compact(s))
    }

    /// Year, month (1-12), day (1-31).
    pub fn ymd(self) -> (i64, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i64::from(m <= 2), m, d)
    }

    pub fn year(self) -> i64 {
        self.ymd().0
    }

    /// 0 = Monday ... 6 = Sunday.
    pub fn weekday(self) -> u32 {
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The day `n` days later (earlier when `n` is negative).
    pub fn plus(self, n: i64) -> Day {
        Day(self.0 + n)
    }

    /// The day of weekday `wd` (0 = Monday) nearest this day: on or before it, or on or after
    /// it when `future`; `strict` excludes this day itself ("last Thursday" on a Thursday is a
    /// week back). A news story's bare "Wednesday" is the most recent one, its "will meet on
    /// Friday" the next one.
    pub fn nearest_weekday(self, wd: u32, future: bool, strict: bool) -> Day {
        let (dw, wd) = (i64::from(self.weekday()), i64::from(wd));
        let step = if future {
            (wd - dw).rem_euclid(7)
        } else {
            -(dw - wd).rem_euclid(7)
        };
        match (step, strict) {
            (0, true) if future => self.plus(7),
            (0, true) => self.plus(-7),
            _ => self.plus(step),
        }
    }

    /// `YYYY-MM-DD`.
    pub fn iso(self) -> String {
        self.to_string()
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

/// The number written by `s` when it is all ASCII digits (at most 9 of them).
fn digits(s: &str) -> Option<i64> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn parses_iso_and_petrarch_forms() {
        let d = Day::parse_iso("2021-03-25").unwrap();
        assert_eq!(d.to_string(), "2021-03-25");
        assert_eq!(d.weekday(), 3, "2021-03-25 was a Thursday");
        assert_eq!(Day::parse_iso("2021-03-25T08:00:00Z"), Some(d));
        assert_eq!(Day::parse("  20210325 "), Some(d));
        assert_eq!(Day::parse_compact("210325"), Some(d));
        assert_eq!(Day::parse_compact("450703").unwrap().iso(), "1945-07-03");
        assert_eq!(Day::parse_iso("1970-01-01"), Some(Day(0)));
        for bad in [
            "2021-13-01",
            "2021-02-29",
            "2021/03/25",
            "20x1-03-25",
            "2021-03-25x",
            "2021-3-25",
            "+021-03-25",
            "",
        ] {
            assert_eq!(Day::parse(bad), None, "{bad:?}");
        }
        assert_eq!(Day::parse_compact("2004017"), None);
        assert_eq!(Day::parse_compact("9008223"), None);
        assert_eq!(Day::parse_iso("2000-02-29").unwrap().iso(), "2000-02-29");
        assert_eq!(Day::parse_iso("1900-02-29"), None);
    }

    #[test]
    fn orders_chronologically() {
        assert!(Day::parse("2009-01-20") < Day::parse("2017-01-20"));
        assert!(Day::parse_compact("991231") < Day::parse_compact("000101"));
    }

    #[test]
    fn nearest_weekdays_from_a_thursday() {
        let thu = Day::parse_iso("2021-03-25").unwrap();
        let near = |wd, future, strict| thu.nearest_weekday(wd, future, strict).iso();
        assert_eq!(near(2, false, false), "2021-03-24"); // on Wednesday
        assert_eq!(near(3, false, false), "2021-03-25"); // on Thursday
        assert_eq!(near(3, false, true), "2021-03-18"); // last Thursday
        assert_eq!(near(4, true, false), "2021-03-26"); // will meet on Friday
        assert_eq!(near(3, true, true), "2021-04-01"); // next Thursday
        assert_eq!(near(0, true, false), "2021-03-29");
        assert_eq!(near(4, false, false), "2021-03-19");
    }

    proptest! {
        #[test]
        fn days_round_trip_through_ymd_and_text(n in -700_000i64..2_900_000) {
            let d = Day(n);
            let (y, m, dd) = d.ymd();
            prop_assert_eq!(Day::from_ymd(y, m, dd), Some(d));
            prop_assert_eq!(Day::parse_iso(&d.iso()), Some(d));
            prop_assert_eq!(d.plus(1).weekday(), (d.weekday() + 1) % 7);
        }
    }
}
