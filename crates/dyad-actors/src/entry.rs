//! Dictionary entries: one named actor or agent with its codes over time.
//!
//! An entry is what a phrase points to. Actors carry an optional default code and dated
//! roles (PETRARCH's `[USAGOV >090120]`); agents carry a role code that composes with an
//! actor (`~GOV` is appended: BEL + GOV = BELGOV; `NGO~` is prepended). Keeping both in one
//! type lets one automaton find actors and agents in a single pass.

use crate::date::Date;

/// What kind of thing an entry names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    Person,
    Organization,
    Country,
    Group,
    /// A country's capital city (candidate for metonymy: "Washington opposes").
    Capital,
    /// Another city that dictionaries tie to a country.
    City,
    /// A demonym or adjective ("Belgian", "Chinese").
    Demonym,
    /// A role noun from the agents dictionary ("minister", "troops").
    Agent,
}

impl EntryKind {
    pub fn parse(s: &str) -> Option<EntryKind> {
        Some(match s {
            "person" => EntryKind::Person,
            "organization" => EntryKind::Organization,
            "country" | "name" | "alias" => EntryKind::Country,
            "group" => EntryKind::Group,
            "capital" => EntryKind::Capital,
            "city" => EntryKind::City,
            "demonym" => EntryKind::Demonym,
            "agent" => EntryKind::Agent,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            EntryKind::Person => "person",
            EntryKind::Organization => "organization",
            EntryKind::Country => "country",
            EntryKind::Group => "group",
            EntryKind::Capital => "capital",
            EntryKind::City => "city",
            EntryKind::Demonym => "demonym",
            EntryKind::Agent => "agent",
        }
    }

    /// Places and demonyms stand for a country and compose with agents.
    pub fn is_country_like(self) -> bool {
        matches!(
            self,
            EntryKind::Country | EntryKind::Capital | EntryKind::City | EntryKind::Demonym
        )
    }
}

/// Where an agent's code goes relative to the actor code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AgentPosition {
    /// `~GOV`: appended (BEL + GOV = BELGOV).
    Suffix,
    /// `NGO~`: prepended (NGO + BEL = NGOBEL).
    Prefix,
}

impl AgentPosition {
    /// Composes an actor code with an agent code.
    pub fn compose(self, actor: &str, agent: &str) -> String {
        match self {
            AgentPosition::Suffix => format!("{actor}{agent}"),
            AgentPosition::Prefix => format!("{agent}{actor}"),
        }
    }
}

/// A code that applies between two dates (inclusive; `None` is open).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    pub code: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
}

impl Role {
    pub fn covers(&self, d: Date) -> bool {
        self.from.is_none_or(|f| f <= d) && self.to.is_none_or(|t| d <= t)
    }
}

/// One dictionary entry.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// The phrase as written in its source (for display).
    pub phrase: String,
    /// Id shared by all phrases of one entity (`leader:USA:BARACK_H._OBAMA`).
    pub entity: String,
    pub kind: EntryKind,
    /// Code used when no dated role applies.
    pub default_code: Option<String>,
    /// Dated roles, first covering one wins.
    pub roles: Vec<Role>,
    /// For agents: where the code goes.
    pub position: Option<AgentPosition>,
    /// Source file and line (`leaders.tsv:4021`), reported as the deciding rule.
    pub origin: String,
}

impl Entry {
    /// The code on `date`: the first role covering it, else the default code. Without a
    /// date, the default code, else the most recent role (the present-day reading); a
    /// default that is a bare group no role starts with (Phoenix's `ELI` for Kofi Annan,
    /// whose role is `IGOUNO`) says less than the role, which wins.
    pub fn code_at(&self, date: Option<Date>) -> Option<&str> {
        let latest = || {
            self.roles
                .iter()
                .max_by_key(|r| r.from)
                .map(|r| r.code.as_str())
        };
        match date {
            Some(d) => self
                .roles
                .iter()
                .find(|r| r.covers(d))
                .map(|r| r.code.as_str())
                .or(self.default_code.as_deref()),
            None => match self.default_code.as_deref() {
                Some(d)
                    if d.len() == 3
                        && !self.roles.is_empty()
                        && self.roles.iter().all(|r| !r.code.starts_with(d)) =>
                {
                    latest()
                }
                Some(d) => Some(d),
                None => latest(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Option<Date> {
        Date::parse_iso(s)
    }

    #[test]
    fn dated_roles_pick_by_document_date() {
        let e = Entry {
            phrase: "barack obama".into(),
            entity: "x".into(),
            kind: EntryKind::Person,
            default_code: None,
            roles: vec![
                Role {
                    code: "USAGOV".into(),
                    from: d("2009-01-20"),
                    to: d("2017-01-20"),
                },
                Role {
                    code: "USAELI".into(),
                    from: d("2017-01-20"),
                    to: None,
                },
            ],
            position: None,
            origin: "t:1".into(),
        };
        assert_eq!(e.code_at(d("2012-05-01")), Some("USAGOV"));
        assert_eq!(e.code_at(d("2021-03-25")), Some("USAELI"));
        assert_eq!(e.code_at(d("2005-01-01")), None);
        assert_eq!(e.code_at(None), Some("USAELI"));
    }

    #[test]
    fn undated_a_bare_default_group_gives_way_to_the_role() {
        let mut e = Entry {
            phrase: "kofi annan".into(),
            entity: "x".into(),
            kind: EntryKind::Person,
            default_code: Some("ELI".into()),
            roles: vec![Role {
                code: "IGOUNO".into(),
                from: d("1997-01-01"),
                to: d("2006-12-31"),
            }],
            position: None,
            origin: "t:1".into(),
        };
        assert_eq!(e.code_at(None), Some("IGOUNO"));
        // dated outside the role: the default
        assert_eq!(e.code_at(d("2010-01-01")), Some("ELI"));
        // a default the roles start with stays (Iraq's IRQ)
        e.default_code = Some("IGO".into());
        assert_eq!(e.code_at(None), Some("IGO"));
    }

    #[test]
    fn agents_compose_on_their_side() {
        assert_eq!(AgentPosition::Suffix.compose("BEL", "GOV"), "BELGOV");
        assert_eq!(AgentPosition::Prefix.compose("BEL", "NGO"), "NGOBEL");
    }
}
