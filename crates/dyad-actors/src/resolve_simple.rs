//! The pre-parse actor layer: resolution from the token sequence alone.
//!
//! This is the layer that works before (or without) a dependency parse. It reads the
//! dictionary matches of one sentence left to right and applies a few local patterns,
//! each named in the mention's `rule`:
//!
//! * `country+agent` - "Belgium 's Foreign Minister", "Chinese envoys": a country, capital
//!   or demonym, an optional possessive, then an agent compose as PETRARCH does
//!   (BEL + ~GOV = BELGOV; NGO~ goes in front).
//! * `country+agent+name` - the same followed by capitalised tokens no dictionary knows
//!   ("U.S. Secretary of State Antony Blinken"): a person, whose surname then resolves
//!   later bare mentions in the same call (`surname`).
//! * `country+agent+person` / `agent+person` - a title before a dictionary person.
//! * `agent+of+country` - "the Foreign Minister of Belgium".
//! * `agent+of+country's organization` - "exiled leaders of Egypt's Muslim Brotherhood":
//!   members of a body coded for the possessor country are that body (EGYOPPMUS).
//! * `capital-metonymy` - a capital not preceded by a locative preposition stands for
//!   its government ("Washington opposes" -> USAGOV). Flagged by its rule name because it
//!   is a guess the parse-based layer should confirm ("Brussels" may mean the EU).
//! * `dictionary` - any other match, coded as its entry says on the document date.
//! * `agent` - an agent with no country: an actor with a sector and a null code.
//!
//! Weapons ("missiles", "Russian drones") are no actors: the agent dictionaries list some
//! as `MIL`, but a weapon is what an actor uses, so such phrases give no mention.
//!
//! Person mentions ending in the same word share the entity id of the first one, so the
//! dictionary entries of different sources for one person become one entity per call.
//! Appositions ("Sophie Wilmes, Belgium's foreign minister"), pronouns and cross-sentence
//! coreference need the parse and belong to the later, parse-based layer.

use dyad_core::calendar::{MONTHS, WEEKDAYS};
use dyad_core::Token;
use rustc_hash::FxHashMap;

use crate::codebook::map_members;
use crate::date::Date;
use crate::dictionary::Dictionary;
use crate::entry::{AgentPosition, EntryKind};
use crate::matcher::DictMatch;
use crate::mention::{ActorKind, ActorMention};
use crate::normalize::{fold, has_upper};

const LOCATIVE: &[&str] = &[
    "in", "at", "from", "to", "near", "into", "outside", "across", "around", "via", "toward",
    "towards", "through", "inside",
];

fn is_possessive(t: &str) -> bool {
    matches!(t, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// The country group of a country-like code (`USA` of `USAGOV`), member by member for a
/// joint code (`FRO/BIL/SAM`), so that an agent composes onto every member.
fn countries(code: &str) -> String {
    map_members(code, |c| c[..3.min(c.len())].to_string())
}

/// A capitalised word that can be part of a name ("Antony", "Wilmes", "de" is not).
fn is_name_token(t: &str) -> bool {
    t.chars().next().is_some_and(char::is_uppercase)
        && t.chars()
            .all(|c| c.is_alphabetic() || c == '-' || c == '.' || c == '\'')
        && !(t.len() > 1
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
            && t.len() <= 3)
}

/// "U.S. Attorney James Kennedy Jr.", "Governor John Bel Edwards": a one-word dictionary
/// person after a title that a name goes on from is a first name, not that person ("James",
/// "John": Factbook entries of Dominica and elsewhere).
fn first_name(cx: &Ctx, p: &DictMatch) -> bool {
    p.entry.kind == EntryKind::Person
        && p.tokens.1 == p.tokens.0 + 1
        && p.tokens.1 < cx.tokens.len()
        && is_name_token(cx.text(p.tokens.1))
        && !calendar_word(&fold(cx.text(p.tokens.1)))
}

/// Day and month names, which follow a titled name without being part of it ("President
/// Obama Tuesday said").
fn calendar_word(w: &str) -> bool {
    WEEKDAYS.contains(&w) || MONTHS.contains(&w)
}

/// Weapons the agent dictionaries list as `MIL` ("cruise missile"). A weapon is what an
/// actor uses, never an actor: "a missile believed to be fired by rebels" must leave the
/// rebels as the attacker, so a weapon phrase, with or without a country, is no mention.
const WEAPONS: &[&str] = &[
    "missile",
    "missiles",
    "rocket",
    "rockets",
    "bomb",
    "bombs",
    "tank",
    "tanks",
    "drone",
    "drones",
    "warplane",
    "warplanes",
    "artillery",
];

/// An agent-built mention whose last word is a weapon ("a think tank" is a body).
fn is_weapon(m: &ActorMention) -> bool {
    let folded = fold(&m.mention);
    let mut words = folded.rsplit(' ');
    let last = words.next().unwrap_or("");
    m.rule.contains("agent") && WEAPONS.contains(&last) && words.next() != Some("think")
}

fn looks_plural(t: &str) -> bool {
    let t = t.to_lowercase();
    (t.ends_with('s') && !t.ends_with("ss")) || matches!(t.as_str(), "police" | "people" | "forces")
}

/// "kind file:line" of an entry, written straight into the rule that names it.
struct Origin<'e>(&'e crate::entry::Entry);

fn origin<'e>(x: &DictMatch<'e>) -> Origin<'e> {
    Origin(x.entry)
}

impl std::fmt::Display for Origin<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.0.kind.as_str())?;
        f.write_str(" ")?;
        f.write_str(&self.0.origin)
    }
}

struct Ctx<'a> {
    dict: &'a Dictionary,
    tokens: &'a [Token],
}

impl Ctx<'_> {
    fn mention(
        &self,
        (a, b): (usize, usize),
        code: Option<&str>,
        kind: ActorKind,
        entity: Option<String>,
        rule: String,
    ) -> ActorMention {
        let mut m = ActorMention::uncoded(&self.tokens[a..b], kind, entity, rule);
        m.set_code(code, self.dict.codebook());
        m
    }

    fn text(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.text.as_str())
    }
}

/// Resolves the actors of one token sequence (a sentence or a short document) using only
/// the tokens and the document date. See the module docs for the rules.
pub fn resolve_simple(
    dict: &Dictionary,
    tokens: &[Token],
    date: Option<Date>,
) -> Vec<ActorMention> {
    // "protesters' demands": the tokenizer keeps a plural possessive's apostrophe on the
    // word; a common noun is matched without it (proper nouns keep theirs: "the United
    // States'" is left to the parse)
    let texts: Vec<&str> = tokens
        .iter()
        .map(|t| {
            let w = t.text.as_str();
            let bare = w.trim_end_matches(['\'', '\u{2019}']);
            let plural_possessive =
                bare.len() < w.len() && bare.chars().count() > 2 && bare.ends_with(['s', 'S']);
            if plural_possessive && t.upos.as_deref() != Some("PROPN") {
                bare
            } else {
                w
            }
        })
        .collect();
    let matches = dict.find(&texts, date);
    let cx = Ctx { dict, tokens };
    let mut out: Vec<ActorMention> = Vec::new();
    let mut covered = vec![false; tokens.len()];
    let mut surnames: FxHashMap<String, (Option<String>, String)> = FxHashMap::default();
    // the first match starting at each token (a scan per lookup grows with the document)
    let mut first_at: Vec<u32> = vec![u32::MAX; tokens.len()];
    for (i, m) in matches.iter().enumerate().rev() {
        if let Some(x) = first_at.get_mut(m.tokens.0) {
            *x = i as u32;
        }
    }
    let at = |start: usize| {
        first_at
            .get(start)
            .filter(|&&i| i != u32::MAX)
            .map(|&i| &matches[i as usize])
    };
    let mut skip_until = 0usize;
    for m in &matches {
        let (a, mut b) = m.tokens;
        if a < skip_until {
            continue;
        }
        let e = m.entry;
        let mut mention: Option<ActorMention> = None;
        if e.kind.is_country_like() {
            let country = m.code.map(countries);
            let mut j = b;
            if is_possessive(cx.text(j)) {
                j += 1;
            }
            let agent = at(j).and_then(|n| as_agent(&cx, n, date));
            let agent = agent.as_ref();
            if let (Some(n), Some(c)) = (agent, country.as_deref()) {
                let pos = n.entry.position.unwrap_or(AgentPosition::Suffix);
                let code = map_members(c, |c| pos.compose(c, n.code.unwrap_or("")));
                b = n.tokens.1;
                let rule = format!("country+agent ({}; {})", origin(m), origin(n));
                mention = Some(name_after(
                    &cx,
                    (a, b),
                    &code,
                    rule,
                    &matches,
                    &mut surnames,
                    n,
                ));
            } else if e.kind == EntryKind::Capital || e.kind == EntryKind::City {
                let prev = if a > 0 {
                    fold(cx.text(a - 1))
                } else {
                    String::new()
                };
                if e.kind == EntryKind::Capital && !LOCATIVE.contains(&prev.as_str()) {
                    if let Some(c) = &country {
                        let code = map_members(c, |c| format!("{c}GOV"));
                        let rule = format!("capital-metonymy ({})", origin(m));
                        mention = Some(cx.mention(
                            (a, b),
                            Some(&code),
                            ActorKind::Country,
                            Some(format!("country:{c}")),
                            rule,
                        ));
                    }
                }
            } else {
                let rule = format!("dictionary ({})", origin(m));
                let entity = country.as_ref().map(|c| format!("country:{c}"));
                mention = Some(cx.mention((a, b), m.code, ActorKind::Country, entity, rule));
            }
        } else if e.kind == EntryKind::Agent {
            let pos = e.position.unwrap_or(AgentPosition::Suffix);
            let mut j = b;
            let of_country = if fold(cx.text(j)) == "of" {
                j += 1;
                if fold(cx.text(j)) == "the" {
                    j += 1;
                }
                at(j).filter(|n| n.entry.kind.is_country_like() && n.code.is_some())
            } else {
                None
            };
            // "leaders of Egypt's Muslim Brotherhood": the members of a body the country
            // owns are that body, coded as the dictionary codes it
            let body = of_country
                .filter(|n| is_possessive(cx.text(n.tokens.1)))
                .and_then(|n| at(n.tokens.1 + 1).map(|o| (n, o)))
                .filter(|(n, o)| {
                    o.entry.kind == EntryKind::Organization
                        && o.code.and_then(|c| c.get(..3)).is_some()
                        && o.code.and_then(|c| c.get(..3)) == n.code.and_then(|c| c.get(..3))
                });
            if let Some((n, o)) = body {
                let code = o.code.unwrap_or_default();
                let rule = format!(
                    "agent+of+country's organization ({}; {}; {})",
                    origin(m),
                    origin(n),
                    origin(o)
                );
                b = o.tokens.1;
                let kind = if looks_plural(cx.text(m.tokens.1 - 1)) {
                    ActorKind::Group
                } else {
                    ActorKind::Person
                };
                mention = Some(cx.mention((a, b), Some(code), kind, None, rule));
            } else if let Some(n) = of_country {
                let c = n.code.map(countries).unwrap_or_default();
                let code = map_members(&c, |c| pos.compose(c, m.code.unwrap_or("")));
                let rule = format!("agent+of+country ({}; {})", origin(m), origin(n));
                b = n.tokens.1;
                let kind = if looks_plural(cx.text(m.tokens.1 - 1)) {
                    ActorKind::Group
                } else {
                    ActorKind::Person
                };
                mention = Some(cx.mention((a, b), Some(&code), kind, None, rule));
            } else if let Some(p) =
                at(b).filter(|p| p.entry.kind == EntryKind::Person && !first_name(&cx, p))
            {
                let rule = format!("agent+person ({}; {})", origin(m), origin(p));
                b = p.tokens.1;
                mention = Some(cx.mention(
                    (a, b),
                    p.code,
                    ActorKind::Person,
                    Some(p.entry.entity.clone()),
                    rule,
                ));
            } else {
                let kind = if looks_plural(cx.text(b - 1)) {
                    ActorKind::Group
                } else {
                    ActorKind::Person
                };
                let mut x = cx.mention((a, b), None, kind, None, format!("agent ({})", origin(m)));
                x.sector = m.code.map(|c| c[..3.min(c.len())].to_string());
                mention = Some(x);
            }
        } else if let Some(n) = is_name_token(cx.text(b))
            .then(|| as_agent(&cx, m, date))
            .flatten()
        {
            // a title the dictionary also lists as an actor ("Secretary of State") + a name
            let code = m.code.unwrap_or("");
            let rule = format!("title ({}; {})", origin(m), origin(&n));
            let mut x = name_after(&cx, (a, b), code, rule, &matches, &mut surnames, &n);
            x.rule = x.rule.replacen("title", "title+name", 1);
            mention = Some(x);
        } else {
            let rule = format!("dictionary ({})", origin(m));
            let kind = ActorKind::from(e.kind);
            mention = Some(cx.mention((a, b), m.code, kind, Some(e.entity.clone()), rule));
        }
        if let Some(x) = mention {
            b = tokens_end(&x, tokens, a).max(b);
            covered[a..b].iter_mut().for_each(|c| *c = true);
            skip_until = b;
            if !is_weapon(&x) {
                out.push(x);
            }
        }
    }
    // bare surnames of people named above with a title ("... Antony Blinken. Blinken said")
    if !surnames.is_empty() {
        for (i, t) in tokens.iter().enumerate() {
            if covered[i] || !has_upper(&t.text) {
                continue;
            }
            if let Some((code, entity)) = surnames.get(&fold(&t.text)) {
                let rule = format!("surname (of {entity})");
                out.push(cx.mention(
                    (i, i + 1),
                    code.as_deref(),
                    ActorKind::Person,
                    Some(entity.clone()),
                    rule,
                ));
            }
        }
        out.sort_by_key(|m| m.span.start);
    }
    unify_person_entities(&mut out);
    out
}

/// One entity id per surname within the call: "U.S. President Joe Biden" (a Phoenix
/// entry) and a later bare "Biden" (a Factbook entry) are one person, so all person
/// mentions ending in the same word take the entity id of the first one.
fn unify_person_entities(mentions: &mut [ActorMention]) {
    let mut first: FxHashMap<String, String> = FxHashMap::default();
    for m in mentions.iter_mut() {
        if m.kind != ActorKind::Person {
            continue;
        }
        let (Some(entity), Some(last)) = (&m.entity, m.mention.split(' ').next_back()) else {
            continue;
        };
        let key = fold(last);
        match first.get(&key) {
            Some(e) => m.entity = Some(e.clone()),
            None => {
                first.insert(key, entity.clone());
            }
        }
    }
}

/// The match itself if it is an agent, or its agent reading when the same phrase is also
/// in the agents dictionary ("Secretary of State" is both a Phoenix USA actor and a role).
fn as_agent<'d>(cx: &Ctx<'d>, m: &DictMatch<'d>, date: Option<Date>) -> Option<DictMatch<'d>> {
    if m.entry.kind == EntryKind::Agent {
        return Some(*m);
    }
    if m.entry.kind.is_country_like() {
        return None;
    }
    let texts: Vec<&str> = (m.tokens.0..m.tokens.1).map(|i| cx.text(i)).collect();
    let matcher = cx.dict.matcher();
    let entry_id = matcher
        .candidate_slice(&texts)
        .iter()
        .map(|&c| c as usize)
        .find(|&c| matcher.entries()[c].kind == EntryKind::Agent)?;
    let entry = &matcher.entries()[entry_id];
    Some(DictMatch {
        tokens: m.tokens,
        entry_id,
        entry,
        code: entry.code_at(date),
    })
}

/// The token index just past a mention that starts at token `a`.
fn tokens_end(m: &ActorMention, tokens: &[Token], a: usize) -> usize {
    let mut b = a;
    while b < tokens.len() && tokens[b].span.end <= m.span.end {
        b += 1;
    }
    b
}

/// Extends a country+agent mention with the name that follows it, if any.
#[allow(clippy::too_many_arguments)]
fn name_after(
    cx: &Ctx,
    (a, b): (usize, usize),
    code: &str,
    rule: String,
    matches: &[DictMatch],
    surnames: &mut FxHashMap<String, (Option<String>, String)>,
    agent: &DictMatch,
) -> ActorMention {
    // PETRARCH dictionaries list a leader as a bare actor line with the country's code
    // ("ROMENDACIL [BRE]"): after a title of that country it is the titled person, coded
    // by the title ("Bree Prime Minister Romendacil" is one BREGOV, not BREGOV and BRE)
    let same_country = |p: &DictMatch| {
        p.entry.kind == EntryKind::Country
            && code.len() > 3
            && p.code.and_then(|c| c.get(..3)) == code.get(..3)
            && is_name_token(cx.text(p.tokens.0))
    };
    if let Some(p) = matches.iter().find(|p| {
        p.tokens.0 == b
            && (p.entry.kind == EntryKind::Person || same_country(p))
            && !first_name(cx, p)
    }) {
        // the dictionary knows the person: its dated code wins when it has one
        let code = match p.entry.kind {
            EntryKind::Person => p.code.unwrap_or(code),
            _ => code,
        };
        let rule = format!("{rule} + person ({})", p.entry.origin).replacen(
            "country+agent",
            "country+agent+person",
            1,
        );
        return cx.mention(
            (a, p.tokens.1),
            Some(code),
            ActorKind::Person,
            Some(p.entry.entity.clone()),
            rule,
        );
    }
    let mut end = b;
    while end < cx.tokens.len()
        && end - b < 4
        && is_name_token(cx.text(end))
        && !matches.iter().any(|m| {
            m.tokens.0 <= end && end < m.tokens.1 && !(m.tokens.0 == b && first_name(cx, m))
        })
    {
        end += 1;
    }
    if end > b {
        let name: Vec<String> = (b..end).map(|i| fold(cx.text(i))).collect();
        let entity = format!("name:{}", name.join("_"));
        if end - b >= 2 {
            surnames.insert(
                name[name.len() - 1].clone(),
                (Some(code.to_string()), entity.clone()),
            );
        }
        let rule = rule.replacen("country+agent", "country+agent+name", 1);
        return cx.mention((a, end), Some(code), ActorKind::Person, Some(entity), rule);
    }
    let kind = if looks_plural(cx.text(agent.tokens.1 - 1)) {
        ActorKind::Group
    } else {
        ActorKind::Person
    };
    cx.mention((a, b), Some(code), kind, None, rule)
}
