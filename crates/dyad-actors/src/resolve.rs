//! The parse-based actor resolver: the whole [`Document`] (tokens, dependency parse, NER).
//!
//! It starts from the pre-parse layer ([`resolve_simple`](crate::resolve_simple())), which
//! already composes titles, possessives, demonyms and agents from adjacent tokens, and then
//! uses what only the parse and the NER know. Each step is named in the mention's `rule`:
//!
//! * `capital-metonymy` is dropped when the parse makes the capital a place (an oblique or
//!   nominal modifier marked "in", "to", "of"...) or when it is part or surname of a person
//!   the NER found ("Valeska Paris ... Paris claims"); `Brussels` stands for the EU when the
//!   sentence or its neighbours speak of the EU, else for Belgium's government.
//! * `ner PER (dictionary knows only ...)` - a one-word dictionary person inside or right
//!   after a longer name ("Ahmed Mohamed") is a coincidence of names, not that leader.
//! * `country+head` - "the New Zealand Herald", "Saudi Arabia's Civil Defense Authority":
//!   a country modifying a head noun that names a body (`compose.rs`).
//! * `demonym plural` - "Bangladeshis", "Greeks".
//! * `organization+agent` - "EU officials": an organisation compounded with a role noun
//!   (an international body's members by role: "UN troops" `IGOUNOMIL`).
//! * `prefix agent+actor` - "MSF Arnor": PETRARCH's prefix agents (`NGO~`) before a
//!   country-coded mention (`NGOARN`).
//! * `agent+modifier` - "the Biden administration", "spokesman for the Indonesian
//!   military": a role noun takes the country (or the whole code of a body) of its parse
//!   modifier.
//! * `title in office` / `out of role` - a titled former official is coded in office; a
//!   dictionary person on a date no role covers keeps the country of its roles.
//! * `agent+name` - "Major general Fuad Basya": an uncoded title and the name after it.
//! * `ner` - a person or organisation the NER found and no dictionary knows stays an
//!   actor with a null code (a wrong code would be worse than none).
//! * `apposition` - "Sophie Wilmes, Belgium's foreign minister" and the reverse order: a
//!   coded role and an uncoded name in apposition are one entity with the role's code; a
//!   bare role noun ("the Crown prosecutor, Mark Tedeschi") gives the name its sector only.
//! * `context country` - a role noun with no country ("officials", "the military") takes
//!   the nearest country of its sentence or the one before, else the document's main
//!   country; flagged in the rule because it is a guess. A one-word dictionary person
//!   ("Mohamed") is no evidence for it: it is too often a coincidence of names.
//! * `org+place` - "the Massachusetts Institute of Technology": a NER organisation holding
//!   one place takes its country and the sector of its head noun (`people.rs`).
//! * `+ body` - "NASA Administrator Charles Bolden", "Matthew Ingram of The Globe and
//!   Mail": an unknown person written next to a coded body takes its code.
//! * `+ document country` - an unknown person in a document whose country is plain (a
//!   dateline, or one country dominating actors and places) takes it, with the sector of
//!   its title or `CVL`.
//! * `surname`, `pronoun`, `title` - coreference to a person named before (`coref.rs`):
//!   "The President" after "President Donald Trump"; a pronoun with no named person near
//!   follows the resolved pronoun before it; one with no person to follow at all takes the
//!   document's country alone (`pronoun (he) + document country`).
//! * `possessed group` - "his team", "her campaign": a person's own group takes the code of
//!   the person "his"/"her" stands for (`coref.rs`).
//! * `context.rs` weighs matches against the whole document: `ambiguous name` ("Korea"
//!   alone is South Korea unless the story names the North), `other name` (a one-word
//!   leader next to a first name not its own, "Tanya Chan", is an unknown person), NER
//!   person lists cut into names ("Ben Chan and Leung Che-cheung"), `shared party name`
//!   ("Labour Party" in a Hong Kong story), `org head` ("the Church" after "the Church of
//!   Scientology"), names the NER missed next to their body ("Civic Party's Jeremy Tam"),
//!   an acting "the city" or "the state" as its government, and `sentence country` (in a story of
//!   several countries, an unknown full name takes the recurring country of its sentence).
//! * `leader surname` - a bare Factbook surname ("Abbas") is that leader only when the
//!   document names the leader's country or full name (`evidence.rs`).
//! * `destination`, `named body`, `shared modifier`, `member of` - "the envoy to Ukraine"
//!   is not Ukraine's; "the Senate" in a story of "the Nigerian Senate" is Nigeria's;
//!   "Danish media and government" are both Danish; "ministers from the Georgian
//!   government" are that government's (`relations.rs`).
//! * `acronym` - "Canadian Blood Services (CBS)": a bracketed acronym that spells the name
//!   before it is that name, not the body a dictionary knows by those letters (`bodies.rs`).
//! * `kind noun` - "the company", "the car maker", "the union": the one coded body of that
//!   kind the story names (`bodies.rs`).
//! * `+ document country (only country ...)` - in a short excerpt (up to six sentences),
//!   the only country its actors and places name, when named with some weight (`people.rs`).
//! * `name_guards.rs`: a place inside a longer NER person name is part of the name
//!   ("Virginia Giuffre"), a person match starting with a lower-case "to" is none ("up to
//!   Lam"), "public" before a noun is no actor, and `employer` ("BBC's Emily Maitlis": the
//!   body's code). Pronoun gender also comes from given names (`given_names.rs`).
//! * `monarch` - "the Queen", "HM the Queen" with no name after the title: the "Queen ..."
//!   the story names with a government code, else the document country's head of state
//!   when it is a monarchy (`monarchs.rs`).
//! * `country noun` - "the nation", "his country" as subject or object: the one country
//!   named nearby, else the document's (`country_nouns.rs`).
//!
//! All mentions of one entity share its `entity` id; people without one get `person:<byte>`.

mod affiliations;
mod bodies;
mod compose;
mod context;
mod coref;
mod country_nouns;
mod evidence;
mod given_names;
mod legislatures;
mod monarchs;
mod name_guards;
mod nationality;
mod people;
mod relations;
mod towns;

use dyad_core::{Document, Entity, Span, Token};

use crate::codebook::{is_joint, map_members};
use crate::date::Date;
use crate::dictionary::Dictionary;
use crate::entry::EntryKind;
use crate::mention::{ActorKind, ActorMention};
use crate::normalize::fold;
use crate::resolve_simple::resolve_simple;

/// Words that make "Brussels" the EU rather than Belgium.
const EU_WORDS: &[&str] = &["eu", "e.u.", "european", "commission", "bloc"];
/// Prepositions that make a capital a place rather than its government.
const LOCATIVE: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "near",
    "into",
    "outside",
    "across",
    "around",
    "via",
    "toward",
    "towards",
    "through",
    "inside",
    "of",
    "on",
    "over",
    "throughout",
];
/// Role nouns that name a body, not a person.
const COLLECTIVE: &[&str] = &[
    "administration",
    "government",
    "police",
    "army",
    "military",
    "ministry",
    "parliament",
    "cabinet",
    "opposition",
    "council",
    "court",
    "committee",
    "party",
    "regime",
    "forces",
    "authorities",
    "navy",
    "congress",
    "senate",
    "junta",
    "coalition",
    "alliance",
    "family",
];

/// Resolves the actors of a parsed document. Without a parse (no `head`/`deprel`) or NER,
/// the parse-based steps find nothing to do and the result is that of the pre-parse layer
/// plus pronouns left unresolved.
pub fn resolve(dict: &Dictionary, doc: &Document, date: Option<Date>) -> Vec<ActorMention> {
    let base = resolve_simple(dict, &doc.tokens, date);
    let mut r = Resolver::new(dict, doc, date, base);
    r.check_capitals();
    r.name_guards();
    r.adjective_agents();
    r.ambiguous_countries();
    r.partial_names();
    r.conflicting_names();
    r.names_running_on();
    r.leader_surnames();
    r.country_heads();
    r.named_bodies();
    r.bare_chambers();
    r.demonym_plurals();
    r.organization_agents();
    r.prefix_agents();
    r.diplomat_names();
    r.agent_modifiers();
    r.shared_modifiers();
    r.members_of();
    r.person_roles();
    r.agent_names();
    r.ner_unknowns();
    r.dictionary_surnames();
    r.unmarked_names();
    r.place_organizations();
    r.acronym_aliases();
    r.initials_of_bodies(false);
    r.bare_org_heads();
    r.kind_nouns();
    r.adjective_people();
    r.employers();
    r.appositions();
    r.titles();
    r.acting_towns();
    let main = r.document_country();
    r.town_agents();
    r.shared_parties(main.as_ref());
    r.context_countries(main.as_ref());
    r.bare_chamber_defaults();
    r.initials_of_bodies(true);
    r.country_nouns(main.as_ref());
    r.person_bodies();
    r.affiliations();
    r.sentence_countries(main.as_ref());
    r.unknown_persons(main.as_ref());
    r.monarchs(main.as_ref());
    r.same_names();
    r.surnames();
    r.nationality_appositions();
    r.person_ids();
    r.pronouns();
    r.possessed_groups();
    r.lone_pronouns(main.as_ref());
    r.out.sort_by_key(|(m, _)| (m.span.start, m.span.end));
    r.out
        .into_iter()
        .map(|(mut m, _)| {
            m.mention = text_of(&doc.text, m.span).unwrap_or(m.mention);
            m
        })
        .collect()
}

/// The words of `span` as the document writes them ("Kim Jong-un", "People's Army"),
/// whitespace runs made one space; the rules above worked on tokens joined by spaces
/// ("Kim Jong - un"), which would misquote the text in the output. `None` when the span
/// is not a char range of `text`.
fn text_of(text: &str, span: Span) -> Option<String> {
    let s = text.get(span.start..span.end)?;
    // the words joined by single blanks, into one string (no list of words, then a join)
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    Some(out)
}

/// The token range of the sentence of token `h` (the first sentence's for a token in
/// none; every token when the document has no sentences).
fn sentence_range(doc: &Document, sent_of: &[usize], h: usize) -> std::ops::Range<usize> {
    let s = sent_of.get(h).copied().unwrap_or(0);
    doc.sentences
        .get(s)
        .map_or(0..doc.tokens.len(), |s| s.tokens[0]..s.tokens[1])
}

/// The dependents of every token within its sentence, as (starts, dependents): a counting
/// sort of the tokens by head, so each head's dependents stay in ascending order.
fn dependents(doc: &Document, sent_of: &[usize]) -> (Vec<u32>, Vec<u32>) {
    let n = doc.tokens.len();
    let head = |i: usize| {
        doc.tokens[i]
            .head
            .filter(|&h| h < n && sentence_range(doc, sent_of, h).contains(&i))
    };
    let mut start = vec![0u32; n + 1];
    for i in 0..n {
        if let Some(h) = head(i) {
            start[h + 1] += 1;
        }
    }
    for h in 1..=n {
        start[h] += start[h - 1];
    }
    let mut next = start.clone();
    let mut kids = vec![0u32; start[n] as usize];
    for i in 0..n {
        if let Some(h) = head(i) {
            kids[next[h] as usize] = i as u32;
            next[h] += 1;
        }
    }
    (start, kids)
}

/// A mention and its token range `[a, b)`.
type Placed = (ActorMention, (usize, usize));

struct Resolver<'a> {
    dict: &'a Dictionary,
    doc: &'a Document,
    date: Option<Date>,
    out: Vec<Placed>,
    /// Sentence index of every token.
    sent_of: Vec<usize>,
    /// Every token's text case-folded ([`fold`]), folded once per document: the steps
    /// compare words around each mention, many of them for every mention.
    folded: Vec<String>,
    /// The NER entities, person spans holding a list cut into names (`context.rs`).
    entities: Vec<Entity>,
    /// The dependents of every token, ascending: `kids[kid_start[h]..kid_start[h + 1]]`
    /// (those in the head's own sentence), found once per document rather than by a scan
    /// of the sentence each time a step asks ([`Resolver::children`]).
    kid_start: Vec<u32>,
    kids: Vec<u32>,
}

/// The token range covering a byte span.
fn token_range(tokens: &[Token], span: Span) -> (usize, usize) {
    let a = tokens.partition_point(|t| t.span.end <= span.start);
    let b = tokens.partition_point(|t| t.span.start < span.end);
    (a, b.max(a))
}

impl<'a> Resolver<'a> {
    fn new(
        dict: &'a Dictionary,
        doc: &'a Document,
        date: Option<Date>,
        base: Vec<ActorMention>,
    ) -> Resolver<'a> {
        let mut sent_of = vec![0; doc.tokens.len()];
        for (i, s) in doc.sentences.iter().enumerate() {
            let end = s.tokens[1].min(sent_of.len());
            for x in sent_of.iter_mut().take(end).skip(s.tokens[0]) {
                *x = i;
            }
        }
        let out = base
            .into_iter()
            .map(|m| {
                let r = token_range(&doc.tokens, m.span);
                (m, r)
            })
            .collect();
        let folded: Vec<String> = doc.tokens.iter().map(|t| fold(&t.text)).collect();
        let entities = context::person_names(doc, &folded);
        let (kid_start, kids) = dependents(doc, &sent_of);
        Resolver {
            dict,
            date,
            doc,
            out,
            sent_of,
            folded,
            entities,
            kid_start,
            kids,
        }
    }

    fn tok(&self, i: usize) -> Option<&Token> {
        self.doc.tokens.get(i)
    }

    /// Token `i` folded ([`fold`]); empty past the last token.
    fn word(&self, i: usize) -> &str {
        self.folded.get(i).map_or("", String::as_str)
    }

    fn deprel(&self, i: usize) -> &str {
        self.tok(i).and_then(|t| t.deprel.as_deref()).unwrap_or("")
    }

    /// The token of `[a, b)` whose head lies outside the range (the phrase's head).
    fn head_of(&self, (a, b): (usize, usize)) -> usize {
        (a..b)
            .rev()
            .find(|&i| {
                self.tok(i)
                    .and_then(|t| t.head)
                    .is_none_or(|h| h < a || h >= b)
            })
            .unwrap_or(b.saturating_sub(1))
    }

    /// The dependents of token `h` in its sentence, ascending.
    fn children(&self, h: usize) -> impl Iterator<Item = usize> + '_ {
        let known = self
            .kid_start
            .get(h..h + 2)
            .map(|r| &self.kids[r[0] as usize..r[1] as usize]);
        // a head past the last token (a broken parse) is looked for as before, by a scan
        let scan = known.is_none().then(|| {
            sentence_range(self.doc, &self.sent_of, h)
                .filter(move |&i| self.tok(i).and_then(|t| t.head) == Some(h))
        });
        let known = known.into_iter().flatten().map(|&c| c as usize);
        known.chain(scan.into_iter().flatten())
    }

    /// For each sentence, the indices (ascending) of the mentions whose first token lies
    /// in it; a mention starting past the last token is in none. Valid while `out` keeps
    /// its mentions and their ranges.
    fn mentions_by_sentence(&self) -> Vec<Vec<usize>> {
        let mut by: Vec<Vec<usize>> = Vec::new();
        for (j, (_, (a, _))) in self.out.iter().enumerate() {
            if let Some(&s) = self.sent_of.get(*a) {
                if by.len() <= s {
                    by.resize_with(s + 1, Vec::new);
                }
                by[s].push(j);
            }
        }
        by
    }

    fn mention_at(&self, i: usize) -> Option<usize> {
        self.out.iter().position(|(_, (a, b))| *a <= i && i < *b)
    }

    fn new_mention(
        &self,
        (a, b): (usize, usize),
        kind: ActorKind,
        entity: Option<String>,
        rule: String,
    ) -> Placed {
        let m = ActorMention::uncoded(&self.doc.tokens[a..b], kind, entity, rule);
        (m, (a, b))
    }

    /// Capital metonymy needs the capital to act; Brussels is the EU in EU context.
    fn check_capitals(&mut self) {
        let mut drop = Vec::new();
        for k in 0..self.out.len() {
            let (m, range) = &self.out[k];
            if !m.rule.starts_with("capital-metonymy") {
                continue;
            }
            // "Valeska Paris", and "Paris" after her: a capital inside or ending a person's
            // name is that person, not the government
            if self.in_person_name(*range) {
                drop.push(k);
                continue;
            }
            // "Victoria Park", "Washington Square": a capital's name followed by a
            // landmark noun names that place, not the capital's government
            let next = self.doc.tokens.get(range.1).map(|t| t.text.as_str());
            if next.is_some_and(|w| LANDMARKS.contains(&w)) {
                drop.push(k);
                continue;
            }
            // the parse is trusted only to say "a place": an oblique or nominal modifier
            // with a locative case marker ("talks in Moscow", "the road to Kyiv")
            let h = self.head_of(*range);
            let rel = self.deprel(h);
            let acts = !((rel.starts_with("obl") || rel.starts_with("nmod"))
                && self.children(h).any(|c| self.is_locative_case(c)));
            if !acts {
                drop.push(k);
                continue;
            }
            if fold(&m.mention) == "brussels" && self.eu_context(range.0) {
                let rule = format!("{} + EU context (Brussels as the EU)", m.rule);
                let book = self.dict.codebook();
                let (m, _) = &mut self.out[k];
                m.set_code(Some("IGOEUREEC"), book);
                m.kind = ActorKind::Organization;
                m.entity = Some("international:THE_EUROPEAN_UNION".into());
                m.rule = rule;
            }
        }
        for k in drop.into_iter().rev() {
            self.out.remove(k);
        }
    }

    /// Tokens `[a, b)` lie inside a longer NER person, or are the last word of a person
    /// the NER found before them.
    fn in_person_name(&self, (a, b): (usize, usize)) -> bool {
        let persons = self.entities.iter().filter(|e| e.label == "PER");
        let word = &self.folded[a.min(self.folded.len())..b.min(self.folded.len())];
        persons.into_iter().any(|e| {
            let (x, y) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            let inside = x <= a && b <= y && y > x + (b - a);
            let surname = y > x + 1
                && y <= a
                && y >= b - a
                && (y - (b - a)..y)
                    .filter_map(|i| self.folded.get(i))
                    .eq(word.iter());
            inside || surname
        })
    }

    fn is_locative_case(&self, c: usize) -> bool {
        self.deprel(c) == "case"
            && self
                .folded
                .get(c)
                .is_some_and(|w| LOCATIVE.contains(&w.as_str()))
    }

    fn eu_context(&self, at: usize) -> bool {
        let s = self.sent_of.get(at).copied().unwrap_or(0);
        let lo = s.saturating_sub(1);
        let hi = (s + 1).min(self.doc.sentences.len().saturating_sub(1));
        let Some((from, to)) = self
            .doc
            .sentences
            .get(lo)
            .zip(self.doc.sentences.get(hi))
            .map(|(x, y)| (x.tokens[0], y.tokens[1]))
        else {
            return false;
        };
        self.folded[from..to.min(self.folded.len())]
            .iter()
            .any(|w| EU_WORDS.contains(&w.as_str()))
    }

    /// "EU officials": an organisation directly before an uncoded agent is that agent's org.
    fn organization_agents(&mut self) {
        let mut k = 0;
        while k + 1 < self.out.len() {
            let ((x, (xa, xb)), (y, (ya, yb))) = (&self.out[k], &self.out[k + 1]);
            let merge = x.kind == ActorKind::Organization
                && x.code.is_some()
                && *xb == *ya
                && y.code.is_none()
                && y.rule.starts_with("agent ");
            if !merge {
                k += 1;
                continue;
            }
            let (xa, yb) = (*xa, *yb);
            let rule = format!(
                "organization+agent ({}; {})",
                strip(&x.rule),
                strip(&y.rule)
            );
            // "UN troops": an international body's members by role (IGOUNO + MIL); its
            // officials are the body itself, and a national body keeps its own code
            let book = self.dict.codebook();
            let code = match (&x.code, x.sector.as_deref(), y.sector.as_deref()) {
                (Some(c), Some("IGO"), Some(s)) if s != "GOV" && !c.contains(s) => {
                    Some(map_members(c, |m| format!("{m}{s}")))
                        .filter(|c| book.is_valid_actor_code(c))
                }
                _ => None,
            };
            let (mut m, _) = self.new_mention((xa, yb), ActorKind::Group, x.entity.clone(), rule);
            m.code = x.code.clone();
            m.country = x.country.clone();
            m.sector = x.sector.clone();
            m.group = x.group.clone();
            if let Some(c) = code {
                m.code = Some(c);
            }
            self.out[k] = (m, (xa, yb));
            self.out.remove(k + 1);
            k += 1;
        }
    }

    /// An uncoded role noun whose parse modifier is a coded actor takes that actor's
    /// country: "the Biden administration", "the government of Belgium's prime minister".
    /// Collective nouns ("administration", "police") are groups, never pronoun antecedents.
    fn agent_modifiers(&mut self) {
        for k in 0..self.out.len() {
            let (m, range) = (&self.out[k].0, self.out[k].1);
            if !m.rule.starts_with("agent ") {
                continue;
            }
            let last = fold(m.mention.rsplit(' ').next().unwrap_or(""));
            if COLLECTIVE.contains(&last.as_str()) {
                self.out[k].0.kind = ActorKind::Group;
            }
            if self.out[k].0.code.is_some() {
                continue;
            }
            let h = self.head_of(range);
            let modifier = self
                .children(h)
                .filter(|&c| {
                    matches!(
                        self.deprel(c),
                        "compound" | "amod" | "nmod:poss" | "nmod" | "flat"
                    )
                })
                .filter_map(|c| self.mention_at(c))
                .find(|&j| j != k && self.out[j].0.country.is_some() && !self.destination(j));
            let Some(j) = modifier else {
                continue;
            };
            let (x, sector) = (&self.out[j].0, self.out[k].0.sector.clone());
            // "spokesman for the Indonesian military", "commanders of the army": a member
            // of a body with a sector is coded as that body
            let of_body = x.sector.is_some() && self.deprel(self.head_of(self.out[j].1)) == "nmod";
            let code = match (x.sector.as_deref(), sector.as_deref()) {
                (Some("IGO"), _) | (_, None) => x.code.clone(),
                _ if of_body => x.code.clone(),
                (_, Some(s)) => {
                    // the agent's whole code: "national security advisor" is GOVMIL
                    let full = self.agent_code(self.out[k].1).filter(|f| f.starts_with(s));
                    let s = full.as_deref().unwrap_or(s);
                    // "Danish Islamist media": a modifier coded country + group (DNKMUS)
                    // keeps its group (DNKMUSMED)
                    let base = x.code.clone().filter(|_| x.sector.is_none());
                    base.or_else(|| x.country.clone())
                        .map(|c| format!("{c}{s}"))
                }
            };
            let rule = format!(
                "agent+modifier (\"{}\": {}; {})",
                x.mention,
                strip(&x.rule),
                self.out[k].0.rule
            );
            let book = self.dict.codebook();
            if code.as_deref().is_some_and(|c| book.is_valid_actor_code(c)) {
                let m = &mut self.out[k].0;
                m.set_code(code.as_deref(), book);
                m.rule = rule;
            }
        }
    }

    /// The whole dictionary code of the agent phrase ending a token range (the mention
    /// keeps only its three-letter sector): the longest suffix the agents list holds.
    fn agent_code(&self, (a, b): (usize, usize)) -> Option<String> {
        let matcher = self.dict.matcher();
        let texts: Vec<&str> = (a..b)
            .filter_map(|i| self.tok(i).map(|t| t.text.as_str()))
            .collect();
        (0..texts.len()).find_map(|i| {
            matcher
                .candidate_slice(&texts[i..])
                .iter()
                .map(|&c| &matcher.entries()[c as usize])
                .find(|e| e.kind == EntryKind::Agent)
                .and_then(|e| e.code_at(self.date))
                .map(str::to_string)
        })
    }

    /// One-word dictionary persons inside a longer NER name ("Ahmed Mohamed", "Thomas
    /// Sam", "John" + "Smith") are a coincidence of first or last names, not those leaders:
    /// the NER span replaces them, uncoded.
    fn partial_names(&mut self) {
        for e in &self.entities {
            if e.label != "PER" || e.tokens[1] < e.tokens[0] + 2 {
                continue;
            }
            let (a, b) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            let inside: Vec<usize> = (0..self.out.len())
                .filter(|&k| {
                    let (x, y) = self.out[k].1;
                    x < b && a < y
                })
                .collect();
            // every dictionary match inside is a one-word person ("John" + "Smith")
            let lone = |k: &usize| {
                let (m, (x, y)) = (&self.out[*k].0, self.out[*k].1);
                m.rule.starts_with("dictionary (person") && y - x == 1 && x >= a && y <= b
            };
            if inside.is_empty() || !inside.iter().all(lone) {
                continue;
            }
            let k = inside[0];
            let m = &self.out[k].0;
            let known: Vec<&str> = inside
                .iter()
                .map(|&j| self.out[j].0.mention.as_str())
                .collect();
            let rule = format!(
                "ner PER (dictionary knows only \"{}\": {})",
                known.join("\", \""),
                m.rule.trim_start_matches("dictionary ")
            );
            let name: Vec<String> = (a..b).map(|i| self.folded[i].clone()).collect();
            let entity = Some(format!("name:{}", name.join("_")));
            self.out[k] = self.new_mention((a, b), ActorKind::Person, entity, rule);
            for &j in inside[1..].iter().rev() {
                self.out.remove(j);
            }
        }
    }

    /// A name the pre-parse layer ended where a one-word dictionary person began ("Texas
    /// student Ahmed" + "Mohamed"): the name goes on, the dictionary person is dropped.
    fn names_running_on(&mut self) {
        let mut k = 0;
        while k + 1 < self.out.len() {
            let ((m, (a, b)), (n, (c, d))) = (&self.out[k], &self.out[k + 1]);
            let joins = m.kind == ActorKind::Person
                && m.rule.contains("+name")
                && *b == *c
                && *d == c + 1
                && n.rule.starts_with("dictionary (person");
            if !joins {
                k += 1;
                continue;
            }
            let (a, d) = (*a, *d);
            let rule = format!("{} (the name goes on into \"{}\")", m.rule, n.mention);
            let code = m.code.clone();
            let entity = Some(match &m.entity {
                Some(e) => format!("{e}_{}", fold(&n.mention)),
                None => format!("name:{}", fold(&n.mention)),
            });
            let (mut x, r) = self.new_mention((a, d), ActorKind::Person, entity, rule);
            x.set_code(code.as_deref(), self.dict.codebook());
            x.sector = x.sector.or(m.sector.clone());
            self.out[k] = (x, r);
            self.out.remove(k + 1);
        }
    }

    /// NER persons and organisations no dictionary matched: actors with a null code.
    fn ner_unknowns(&mut self) {
        for e in &self.entities {
            let kind = match e.label.as_str() {
                "PER" => ActorKind::Person,
                "ORG" => ActorKind::Organization,
                _ => continue,
            };
            let (a, b) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            // a capitalised role noun ending an organisation's name ("the National
            // Telecommunications Commission") is the last word of that name, not the bare
            // role: the name is kept whole, as the NER found it
            let doc = self.doc;
            let capital_role = |(m, (x, y)): &Placed| {
                kind == ActorKind::Organization
                    && *y == b
                    && *x + 1 == b
                    && *x > a
                    && m.rule.starts_with("agent (")
                    && m.country.is_none()
                    && doc.tokens[*x].text.starts_with(char::is_uppercase)
            };
            let only_role = self
                .out
                .iter()
                .filter(|(_, (x, y))| *x < b && *y > a)
                .all(capital_role);
            if only_role {
                self.out.retain(|p| !capital_role(p));
            }
            if a >= b || (a..b).any(|i| self.mention_at(i).is_some()) {
                continue;
            }
            // strip a leading article and a trailing possessive
            let a = if matches!(self.folded[a].as_str(), "the") && b - a > 1 {
                a + 1
            } else {
                a
            };
            let b = if b - a > 1 && matches!(self.doc.tokens[b - 1].text.as_str(), "'s" | "’s") {
                b - 1
            } else {
                b
            };
            let texts: Vec<&str> = (a..b)
                .map(|i| {
                    let t = self.doc.tokens[i].text.as_str();
                    t.trim_end_matches(['\'', '\u{2019}'])
                })
                .collect();
            let found = self.dict.find(&texts, self.date);
            // a place the NER took for a name ("Brussels" as PER), unless it is the surname
            // of a person named before ("Valeska Paris ... Paris")
            let whole_place = found.iter().any(|f| {
                f.tokens == (0, b - a)
                    && f.entry.kind.is_country_like()
                    && f.entry.kind != EntryKind::Country
            });
            let person_named_so = whole_place && self.in_person_name((a, b));
            if whole_place && !person_named_so {
                continue;
            }
            if let Some(f) = found
                .iter()
                .find(|f| f.tokens == (0, b - a) && f.code.is_some())
                .filter(|_| !person_named_so)
            {
                let rule = format!(
                    "dictionary after the NER {} span ({} {})",
                    e.label,
                    f.entry.kind.as_str(),
                    f.entry.origin
                );
                let kind = ActorKind::from(f.entry.kind);
                let entity = Some(if f.entry.kind.is_country_like() {
                    let code = f.code.unwrap_or("");
                    let country = if is_joint(code) {
                        code
                    } else {
                        code.get(..3).unwrap_or("")
                    };
                    format!("country:{country}")
                } else {
                    f.entry.entity.clone()
                });
                let mut m = self.new_mention((a, b), kind, entity, rule);
                m.0.set_code(f.code, self.dict.codebook());
                self.out.push(m);
                continue;
            }
            let name: Vec<String> = (a..b).map(|i| self.folded[i].clone()).collect();
            let entity = format!("name:{}", name.join("_"));
            let rule = format!("ner {} (no dictionary entry)", e.label);
            let m = self.new_mention((a, b), kind, Some(entity), rule);
            self.out.push(m);
        }
        self.out.sort_by_key(|(m, _)| m.span.start);
    }

    /// Coded role and uncoded name in apposition become one coded person.
    fn appositions(&mut self) {
        for k in 0..self.out.len() {
            if self.out[k].0.code.is_some() || self.out[k].0.kind != ActorKind::Person {
                continue;
            }
            let h = self.head_of(self.out[k].1);
            let keep_sector = self.out[k].0.sector.clone();
            // the role is the name's appos child, or the name is the role's appos child
            let direct: Vec<usize> = self
                .children(h)
                .filter(|&c| self.deprel(c) == "appos")
                .chain(
                    (self.deprel(h) == "appos")
                        .then(|| self.tok(h).and_then(|t| t.head))
                        .flatten(),
                )
                .collect();
            // "X, spokesman for the Indonesian military": the role's own modifier
            let nested: Vec<usize> = direct
                .iter()
                .flat_map(|&c| self.children(c).filter(|&n| self.deprel(n) == "nmod"))
                .collect();
            let partner = direct
                .into_iter()
                .chain(nested)
                .filter_map(|i| self.mention_at(i))
                .find(|&j| j != k && self.coded_or_role(j))
                .or_else(|| self.surface_apposition(k));
            if let Some(j) = partner {
                let role = self.out[j].0.clone();
                let entity = self.out[k].0.entity.clone();
                let m = &mut self.out[k].0;
                m.code = role.code;
                m.country = role.country;
                m.sector = role.sector.or(keep_sector);
                m.group = role.group;
                m.rule = format!(
                    "apposition (with \"{}\": {})",
                    role.mention,
                    strip(&role.rule)
                );
                if role.kind == ActorKind::Person {
                    self.out[j].0.entity = entity;
                }
            }
        }
    }
}

/// Capitalised nouns that make a place name of the name before them ("Victoria Park").
const LANDMARKS: &[&str] = &[
    "Park", "Square", "Street", "Road", "Avenue", "Harbour", "Harbor", "Bridge", "Station",
    "Airport", "Stadium", "Island", "Peak", "Falls", "Lake", "County", "District",
];

impl Resolver<'_> {
    /// A partner for an apposition: a coded mention, or a bare role noun with a sector
    /// ("the Crown prosecutor, Mark Tedeschi": the name takes `JUD` and no country; the
    /// context-country step may add one later, flagged as a guess).
    /// Apposition read from commas when the parse misses it: "the prosecutor, Mark
    /// Tedeschi, ..." (a role right before ", Name" closed by a comma or the sentence end)
    /// and "Sophie Wilmes, Belgium's foreign minister, ..." (the reverse). A role followed
    /// by anything else ("Smith, the police said") is no apposition, nor is another name.
    fn surface_apposition(&self, k: usize) -> Option<usize> {
        let (a, b) = self.out[k].1;
        // a role, not another name: "Barack Obama, Vladimir Putin, ..." is a list
        let role = |j: usize| self.coded_or_role(j) && self.out[j].0.rule.contains("agent");
        let text = |i: usize| self.tok(i).map_or("", |t| t.text.as_str());
        let closes = |i: usize| {
            matches!(text(i), "," | "." | ";" | "") || self.sent_of.get(i) != self.sent_of.get(a)
        };
        if a >= 2 && text(a - 1) == "," && closes(b) {
            if let Some(j) = self.mention_at(a - 2) {
                if j != k && self.out[j].1 .1 == a - 1 && role(j) {
                    return Some(j);
                }
            }
        }
        if text(b) == "," {
            let start = (b + 1..b + 3).find(|&i| !matches!(self.word(i), "the" | "a" | "an"))?;
            let j = self.mention_at(start)?;
            let (ja, jb) = self.out[j].1;
            if j != k && ja == start && closes(jb) && role(j) {
                return Some(j);
            }
        }
        None
    }

    fn coded_or_role(&self, j: usize) -> bool {
        let m = &self.out[j].0;
        m.code.is_some() || (m.sector.is_some() && m.rule.starts_with("agent ("))
    }
}

/// The rule name without its dictionary lines, for nesting in another rule.
fn strip(rule: &str) -> &str {
    rule.split(" (").next().unwrap_or(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `children` answers from the per-document table what a scan of the head's sentence
    /// answers: heads within and across sentences, a token in no sentence, a head past the
    /// last token.
    #[test]
    fn dependents_are_those_a_scan_of_the_sentence_finds() {
        let heads = [
            Some(1),
            None,
            Some(1),
            Some(0),
            Some(5),
            None,
            Some(5),
            Some(2),
            Some(40),
            Some(7),
        ];
        let tokens = heads
            .iter()
            .enumerate()
            .map(|(i, &head)| Token {
                text: format!("w{i}"),
                span: Span::new(i * 3, i * 3 + 2),
                head,
                ..Token::default()
            })
            .collect();
        let sentences = vec![
            dyad_core::Sentence {
                tokens: [0, 4],
                ..Default::default()
            },
            dyad_core::Sentence {
                tokens: [4, 9],
                ..Default::default()
            },
        ];
        let doc = Document {
            tokens,
            sentences,
            ..Document::default()
        };
        let dict = Dictionary::builtin().unwrap();
        let r = Resolver::new(dict, &doc, None, Vec::new());
        for h in 0..45 {
            let scan: Vec<usize> = sentence_range(&doc, &r.sent_of, h)
                .filter(|&i| doc.tokens.get(i).and_then(|t| t.head) == Some(h))
                .collect();
            assert_eq!(r.children(h).collect::<Vec<_>>(), scan, "head {h}");
        }
        assert_eq!(r.children(1).collect::<Vec<_>>(), [0, 2]);
        // token 7 (sentence 1) depends on token 2 (sentence 0): not a child there
        assert!(r.children(2).next().is_none());
        assert_eq!(r.children(5).collect::<Vec<_>>(), [4, 6]);
    }
}
