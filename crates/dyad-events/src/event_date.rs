//! The date of an event from its sentence: relative days resolved against the document date.
//!
//! News reports date events relative to publication: "on Wednesday", "yesterday", "last
//! Friday". The event coder only needs the day those words point to, so this is a small
//! resolver over one sentence's tokens rather than a general date finder (dyad-gkg has
//! that, for the knowledge-graph fields): a bare weekday is the most recent such day on or
//! before the document date, or the next one when the clause speaks of the future
//! ("will meet on Friday", "next Friday"). The calendar is dyad-core's [`Day`].

use dyad_core::calendar::{Day, WEEKDAYS};
use dyad_core::Token;

/// The day the sentence `toks` dates its events to, relative to `today`; `future` says the
/// event is stated as to come. `None` when the sentence names no relative day.
pub fn relative_day(toks: &[Token], today: Day, future: bool) -> Option<Day> {
    day_words(toks, today, future).first().map(|&(_, d)| d)
}

/// Every word of `toks` naming a relative day, with its position and the day it names,
/// in text order.
pub fn day_words(toks: &[Token], today: Day, future: bool) -> Vec<(usize, Day)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        let w = Lowered::of(&t.text);
        if w.is("today") || w.is("tonight") {
            out.push((i, today));
        } else if w.is("yesterday") {
            out.push((i, today.plus(-1)));
        } else if w.is("tomorrow") {
            out.push((i, today.plus(1)));
        }
        let Some(wd) = WEEKDAYS.iter().position(|d| w.is(d)) else {
            continue;
        };
        let prev = Lowered::of(i.checked_sub(1).map_or("", |p| toks[p].text.as_str()));
        out.push((
            i,
            if prev.is("last") {
                today.nearest_weekday(wd as u32, false, true)
            } else if prev.is("next") {
                today.nearest_weekday(wd as u32, true, true)
            } else {
                today.nearest_weekday(wd as u32, future, false)
            },
        ));
    }
    out
}

/// A word compared as `str::to_lowercase` writes it, without that copy for an ASCII word
/// (every token of most sentences, each compared with a dozen day names).
struct Lowered<'a>(std::borrow::Cow<'a, str>);

impl<'a> Lowered<'a> {
    fn of(s: &'a str) -> Lowered<'a> {
        if s.is_ascii() {
            Lowered(std::borrow::Cow::Borrowed(s))
        } else {
            Lowered(std::borrow::Cow::Owned(s.to_lowercase()))
        }
    }

    /// True when the word in lower case is `lower`, a lower-case ASCII word: for an ASCII
    /// word that is an ASCII case-insensitive comparison, the rest was lowered whole.
    fn is(&self, lower: &str) -> bool {
        self.0.eq_ignore_ascii_case(lower)
    }
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
        let today = Day::parse("2021-03-25").unwrap(); // a Thursday
        let r = |s: &str, f| relative_day(&toks(s), today, f).map(Day::iso);
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
    }
}
