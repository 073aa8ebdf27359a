//! Calendar dates for dated roles.
//!
//! Roles change on a given day ("USAGOV from 2009-01-20"), so a role's bounds and the
//! document date are days: dyad-core's [`dyad_core::Day`], a day count, so that comparing
//! two dates is comparing two integers and the per-match role lookup stays branch-light.
//! PETRARCH's `YYMMDD` dates pivot at 30 (`00`-`30` are 2000-2030, `31`-`99` are
//! 1931-1999), which fits every date in the Phoenix files ([`Date::parse_compact`]).

pub use dyad_core::calendar::Day as Date;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn petrarch_dates_and_iso_dates_agree() {
        let d = Date::parse_iso("2021-03-25").unwrap();
        assert_eq!(Date::parse_compact("20210325"), Some(d));
        assert_eq!(Date::parse_compact("210325"), Some(d));
        assert_eq!(
            Date::parse_compact("450703").unwrap().to_string(),
            "1945-07-03"
        );
        assert!(Date::parse_compact("991231") < Date::parse_compact("000101"));
        assert!(Date::parse_iso("2009-01-20") < Date::parse_iso("2017-01-20"));
    }
}
