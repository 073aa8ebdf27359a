//! Steps that read how a mention stands to the words around it, where a country named
//! nearby is, or is not, the mention's own:
//!
//! * `destination` - "the special envoy to Ukraine", "U.S. Ambassador to the European
//!   Union Gordon Sondland": the body or country after a diplomat's "to" is where the
//!   diplomat is posted, not whom the diplomat serves. It gives no country to the role
//!   noun, to a name next to it, nor to a role noun nearby; a coded title before the "to"
//!   ("U.S. Ambassador to"), the destination and the name after them are one person with
//!   the title's code.
//! * `named body` - "the Senate" in a story that also names "the Nigerian Senate": a
//!   bare body name the dictionary files under one country (Phoenix's "Senate" is the US
//!   Congress) is the body the document names with another country, when the document
//!   never names the dictionary's country.
//! * `shared modifier` - "Danish media and government": a country word before the first
//!   of two coordinated role nouns is the country of both (the second keeps its sector).
//! * `member of` - "ministers from the Georgian government": a role noun followed by
//!   "from"/"of" and a coded body is a member of that body, also when the parse hangs
//!   the phrase on the verb.
//!
//! Apart from `compose.rs` because these read the surface order (the parse often attaches
//! a "to" or "from" phrase to the verb) and a mention's neighbours, not the head-noun
//! vocabulary.

use super::{strip, Resolver};
use crate::mention::ActorKind;

/// Role nouns of people posted to another country or body.
const DIPLOMATS: &[&str] = &[
    "ambassador",
    "ambassadors",
    "envoy",
    "envoys",
    "emissary",
    "emissaries",
    "delegate",
    "delegates",
    "delegation",
    "delegations",
    "consul",
    "consuls",
    "attache",
    "attaché",
];
/// Prepositions that mark a diplomat's destination.
const TOWARD: &[&str] = &["to", "toward", "towards"];
/// Prepositions that make a role noun a member of the body after them.
const MEMBER: &[&str] = &["from", "of"];
/// Conjunctions a shared modifier spreads over.
const AND_OR: &[&str] = &["and", "or", "&"];

impl Resolver<'_> {
    /// The token of the preposition before mention `j` (skipping one "the"), when it is
    /// in the same sentence.
    fn preposition_before(&self, j: usize) -> Option<usize> {
        let a = self.out[j].1 .0;
        let mut i = a.checked_sub(1)?;
        if self.folded.get(i)? == "the" {
            i = i.checked_sub(1)?;
        }
        (self.sent_of.get(i) == self.sent_of.get(a)).then_some(i)
    }

    /// Mention `j` is where a diplomat is posted: "envoy to Ukraine", "Ambassador to the
    /// European Union".
    pub(super) fn destination(&self, j: usize) -> bool {
        self.diplomat_before(j).is_some()
    }

    /// The token of the diplomat's role noun before destination `j`.
    fn diplomat_before(&self, j: usize) -> Option<usize> {
        let to = self.preposition_before(j)?;
        if !TOWARD.contains(&self.folded.get(to)?.as_str()) {
            return None;
        }
        let role = to.checked_sub(1)?;
        DIPLOMATS
            .contains(&self.folded.get(role)?.as_str())
            .then_some(role)
    }

    /// For destination `j`, the coded mention holding the diplomat's title ("U.S.
    /// Ambassador to" before "the European Union"), if any.
    pub(super) fn diplomat_title(&self, j: usize) -> Option<usize> {
        let role = self.diplomat_before(j)?;
        let t = self.mention_at(role)?;
        let x = &self.out[t].0;
        (t != j && x.country.is_some() && !self.destination(t)).then_some(t)
    }

    /// "U.S. Ambassador to the European Union Gordon Sondland": a coded diplomat's title,
    /// its destination and the name right after them are one person with the title's code.
    pub(super) fn diplomat_names(&mut self) {
        let mut j = 0;
        while j < self.out.len() {
            let Some(t) = self.diplomat_title(j).filter(|&t| t < j) else {
                j += 1;
                continue;
            };
            let (start, end) = (self.out[t].1 .0, self.out[j].1 .1);
            let next = self.out.get(j + 1).filter(|(p, (pa, _))| {
                *pa == end
                    && p.kind == ActorKind::Person
                    && p.code.is_none()
                    && p.rule.starts_with("ner PER")
            });
            let (end, entity, name) = match next {
                Some((p, (_, pb))) => (*pb, p.entity.clone(), Some(p.mention.clone())),
                None => (end, None, None),
            };
            let title = self.out[t].0.clone();
            let rule = match &name {
                Some(n) => format!("destination (title \"{}\"; name \"{n}\")", title.mention),
                None => format!("destination (title \"{}\")", title.mention),
            };
            let (mut x, r) = self.new_mention((start, end), ActorKind::Person, entity, rule);
            x.set_code(title.code.as_deref(), self.dict.codebook());
            if name.is_some() {
                self.out.remove(j + 1);
            }
            self.out.remove(j);
            self.out[t] = (x, r);
            // mentions between the title and the destination ("the") are none
            self.out
                .retain(|(_, (a, b))| !(*a >= start && *b <= end) || (*a, *b) == (start, end));
            j = t + 1;
        }
    }

    /// "The Senate" coded as the dictionary's country in a story naming another
    /// country's Senate takes that body's code.
    pub(super) fn named_bodies(&mut self) {
        // the words after the country of "Nigerian Senate", "Kenya's National Assembly"
        let mut named: Vec<(Vec<String>, usize)> = Vec::new();
        let mut countries: Vec<String> = Vec::new();
        for (k, (m, (a, b))) in self.out.iter().enumerate() {
            let Some(c) = m.country.clone() else {
                continue;
            };
            let composed =
                m.rule.starts_with("country+agent") || m.rule.starts_with("country+head");
            if composed && b - a >= 2 {
                for s in a + 1..*b {
                    let words = (s..*b).map(|i| self.folded[i].clone()).collect();
                    named.push((words, k));
                }
            }
            let country_word = m.rule.starts_with("dictionary (country")
                || m.rule.starts_with("dictionary (demonym")
                || m.rule.starts_with("dictionary (capital")
                || composed;
            if country_word {
                countries.push(c);
            }
        }
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            let body = m.rule.starts_with("dictionary (organization")
                || m.rule.starts_with("title+name (organization");
            let Some(own) = m.country.clone().filter(|_| body) else {
                continue;
            };
            if countries.contains(&own) {
                continue;
            }
            let a = if self.folded[a] == "the" { a + 1 } else { a };
            let words: Vec<String> = (a..b).map(|i| self.folded[i].clone()).collect();
            let owners: Vec<usize> = named
                .iter()
                .filter(|(w, _)| *w == words)
                .map(|(_, j)| *j)
                .collect();
            let Some(&j) = owners.first() else {
                continue;
            };
            let other = &self.out[j].0;
            if owners
                .iter()
                .any(|&o| self.out[o].0.country != other.country)
                || other.country.as_deref() == Some(own.as_str())
            {
                continue;
            }
            let (code, rule) = (
                other.code.clone(),
                format!("named body (\"{}\": {})", other.mention, strip(&other.rule)),
            );
            let book = self.dict.codebook();
            let m = &mut self.out[k].0;
            m.set_code(code.as_deref(), book);
            m.rule = rule;
        }
    }

    /// "Danish media and government": an uncoded role noun right after "and" that ends a
    /// country+role mention takes that mention's code with its own sector.
    pub(super) fn shared_modifiers(&mut self) {
        for k in 1..self.out.len() {
            let Some(sector) = self.uncoded_role(k) else {
                continue;
            };
            let Some(and) = self.out[k].1 .0.checked_sub(1) else {
                continue;
            };
            if !AND_OR.contains(&self.folded[and].as_str()) {
                continue;
            }
            let Some(j) = self.out.iter().position(|(_, (_, y))| *y == and) else {
                continue;
            };
            let x = &self.out[j].0;
            let composed = x.rule.starts_with("country+agent")
                || x.rule.starts_with("agent+modifier")
                || x.rule.starts_with("demonym");
            let (Some(code), Some(s)) = (x.code.as_deref(), x.sector.as_deref()) else {
                continue;
            };
            if !composed || !code.ends_with(s) {
                continue;
            }
            let code = format!("{}{sector}", &code[..code.len() - s.len()]);
            if self.dict.codebook().is_valid_actor_code(&code) {
                self.borrow_code(k, j, &code, "shared modifier");
            }
        }
    }

    /// "Ministers from the Georgian government": an uncoded role noun followed by
    /// "from"/"of" and a coded body or country is a member of it: a body gives its code, a
    /// country its code with the role's sector.
    pub(super) fn members_of(&mut self) {
        for k in 0..self.out.len() {
            let Some(sector) = self.uncoded_role(k) else {
                continue;
            };
            let b = self.out[k].1 .1;
            let Some(j) = self
                .out
                .iter()
                .position(|(_, (x, _))| *x == b + 1 || *x == b + 2)
                .filter(|&j| self.preposition_before(j) == Some(b))
            else {
                continue;
            };
            if !MEMBER.contains(&self.folded[b].as_str()) {
                continue;
            }
            let x = &self.out[j].0;
            // a named person ("aides of President Biden") lends a country, not a sector
            let named_person = x.kind == ActorKind::Person && !x.rule.starts_with("country+");
            let code = match (&x.country, x.sector.as_deref()) {
                (None, _) | (_, Some("IGO")) => None,
                (Some(_), Some(_)) if !named_person => x.code.clone(),
                (Some(c), _) => Some(format!("{c}{sector}")),
            };
            let book = self.dict.codebook();
            if let Some(code) = code.filter(|c| book.is_valid_actor_code(c)) {
                self.borrow_code(k, j, &code, "member of");
            }
        }
    }

    /// The sector of mention `k` when it is an uncoded role noun ("media", "ministers"),
    /// which the two steps above may give the code of a mention next to it.
    fn uncoded_role(&self, k: usize) -> Option<String> {
        let m = &self.out[k].0;
        if m.code.is_some() || !m.rule.starts_with("agent (") {
            return None;
        }
        m.sector.clone()
    }

    /// Codes role noun `k` as `code`, taken from mention `j` by `step`; the rule names both.
    fn borrow_code(&mut self, k: usize, j: usize, code: &str, step: &str) {
        let (x, m) = (&self.out[j].0, &self.out[k].0);
        let rule = format!(
            "{step} (\"{}\": {}; {})",
            x.mention,
            strip(&x.rule),
            strip(&m.rule)
        );
        let m = &mut self.out[k].0;
        m.set_code(Some(code), self.dict.codebook());
        m.rule = rule;
    }
}
