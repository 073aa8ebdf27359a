//! Events named by nouns with both parties among the noun's own dependents: "the police
//! *killing* of Rayshard Brooks", "Russia's *invasion* of Ukraine", "*talks* between Iran
//! and Iraq", "Navalny is a *critic* of Putin". The nouns and their CAMEO codes are the
//! reviewable lexicon `data/events/news_nouns.tsv`; a noun is coded only when a source
//! (possessor, actor compound or adjective, `by` phrase, or the subject of a copula) and a
//! target (a phrase with one of the noun's prepositions) are found, so a bare "the talks"
//! or "sanctions" never is. A noun the verb coder already coded (an event noun read as a
//! clause) or whose governing verb coded an event ("launched an *attack* on") is left to
//! it.

use std::sync::OnceLock;

use dyad_core::calendar::Day;
use dyad_core::{Document, Span};

use super::real_news;
use super::roles::filled_actor;
use super::{Agent, Coder, Filled};
use crate::clause_tree::{lemma, rel, Tree};
use crate::error::EventsError;
use crate::event::{ActorRef, Event, PatternRef};

const NEWS_NOUNS: &str = include_str!("../../../../data/events/news_nouns.tsv");
const NEWS_NOUNS_FILE: &str = "data/events/news_nouns.tsv";

/// One row of an event noun lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventNoun {
    /// The noun's lemma, lower case ("talk" for "talks").
    pub noun: String,
    pub code: String,
    /// Prepositions whose phrase is the target ("on", "against"); `between` takes two
    /// coordinated actors, each towards the other.
    pub targets: Vec<String>,
    pub line: usize,
}

/// Reads an event noun lexicon: tab-separated `noun`, `code`, `targets` (comma-separated
/// prepositions) and an optional note; `#` lines, blank lines and the header row `noun ...`
/// are skipped. Errors name `file` and the line.
pub fn read_event_nouns(text: &str, file: &str) -> Result<Vec<EventNoun>, EventsError> {
    let mut out: Vec<EventNoun> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        if line.trim().is_empty() || line.starts_with('#') || line.starts_with("noun\t") {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            return Err(EventsError::line(
                file,
                n,
                "an event noun row needs noun, code and targets, tab-separated",
            ));
        }
        let noun = f[0].trim();
        if noun.is_empty() || !noun.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
            return Err(EventsError::line(
                file,
                n,
                format!("bad noun {noun:?} (a lower-case lemma)"),
            ));
        }
        let code = f[1].trim();
        if code.is_empty() || !code.chars().all(|c| c.is_ascii_digit()) {
            return Err(EventsError::line(
                file,
                n,
                format!("bad CAMEO code {code:?}"),
            ));
        }
        let targets: Vec<String> = f[2]
            .split(',')
            .map(|p| p.trim().to_ascii_lowercase())
            .filter(|p| !p.is_empty())
            .collect();
        if targets.is_empty() {
            return Err(EventsError::line(file, n, "no target preposition"));
        }
        if out.iter().any(|e| e.noun == noun) {
            return Err(EventsError::line(file, n, format!("noun {noun:?} twice")));
        }
        out.push(EventNoun {
            noun: noun.to_string(),
            code: code.to_string(),
            targets,
            line: n,
        });
    }
    Ok(out)
}

/// dyad's event noun lexicon, `data/events/news_nouns.tsv`, compiled in.
pub fn news_nouns() -> &'static [EventNoun] {
    static NOUNS: OnceLock<Vec<EventNoun>> = OnceLock::new();
    NOUNS.get_or_init(|| {
        read_event_nouns(NEWS_NOUNS, NEWS_NOUNS_FILE)
            .unwrap_or_else(|e| panic!("the compiled-in noun lexicon does not read: {e}"))
    })
}

/// Verbs that make what they govern prospective ("worked to *arrange* a meeting between",
/// "*called for* talks with"): the event named has not happened.
const PROSPECTIVE: &[&str] = &[
    "arrange", "plan", "propose", "seek", "want", "request", "demand", "schedule", "cancel",
    "postpone", "expect", "hope", "suggest", "offer", "urge", "call", "push", "consider",
    "prepare", "organize", "organise", "invite", "threaten", "rule", "avoid", "prevent",
];

/// Verbs that only carry the event their object noun names ("*had* talks with",
/// "*entered into* an agreement with", "*made* threats against").
const LIGHT: &[&str] = &[
    "have", "hold", "enter", "make", "file", "voice", "express", "conduct", "launch", "sign",
    "reach", "stage", "lodge", "level", "issue", "carry",
];

/// The preposition (`case` dependent) of phrase head `k`, lower case.
fn case_of(tree: &Tree, k: usize) -> Option<String> {
    tree.dependents(k)
        .iter()
        .find(|&&c| rel(tree.token(c)) == "case")
        .map(|&c| lemma(tree.token(c)).as_str().to_string())
}

impl Coder<'_> {
    /// Codes the lexicon's event nouns of one sentence (see the module documentation).
    pub(super) fn code_nouns(
        &self,
        doc: &Document,
        si: usize,
        tree: &Tree,
        (actors, agents): (&[&ActorRef], &[Agent]),
        today: Option<Day>,
        out: &mut Vec<Event>,
    ) {
        let coded: Vec<Span> = out
            .iter()
            .filter(|e| e.sentence == si)
            .map(|e| e.trigger)
            .collect();
        let sent_span = doc.sentences[si].span;
        let sent_text = sent_span.get(&doc.text).unwrap_or_default();
        for n in 0..tree.tokens().len() {
            let t = tree.token(n);
            if t.upos.as_deref() != Some("NOUN") {
                continue;
            }
            let l = lemma(t);
            let Some(entry) = news_nouns().iter().find(|e| e.noun == l.as_str()) else {
                continue;
            };
            // a noun inside an actor's name ("the Talks Committee") names no event; nor
            // one already coded, or whose governing verb coded one
            if tree.actor_at(n).is_some()
                || coded.contains(&t.span)
                || tree
                    .head(n)
                    .is_some_and(|h| coded.contains(&tree.token(h).span))
            {
                continue;
            }
            // what is only planned, asked for or called off did not happen
            if tree
                .head(n)
                .is_some_and(|h| PROSPECTIVE.contains(&lemma(tree.token(h)).as_str()))
            {
                continue;
            }
            let kids = tree.dependents(n);
            // "no talks with Gondor", "not an attack": negated
            let negated = kids.iter().any(|&k| {
                let w = lemma(tree.token(k));
                matches!(rel(tree.token(k)), "det" | "advmod") && matches!(w.as_str(), "no" | "not")
            });
            if negated {
                continue;
            }
            let copula = kids.iter().any(|&k| rel(tree.token(k)) == "cop");
            let mut sources: Vec<Filled> = Vec::new();
            let mut targets: Vec<Filled> = Vec::new();
            let mut mutual: Vec<Filled> = Vec::new();
            for &k in kids {
                let r = rel(tree.token(k));
                match r {
                    "nmod:poss" if tree.actor_at(k).is_some() => {
                        sources = self.fill_head(tree, k);
                    }
                    // "the *police* killing", "the *Russian* invasion", before the noun
                    "compound" | "amod"
                        if k < n && tree.coded_actor_at(k).is_some() && sources.is_empty() =>
                    {
                        sources = self.fill_head(tree, k);
                    }
                    "nsubj" if copula => sources = self.fill_head(tree, k),
                    _ if r.starts_with("nmod") && r != "nmod:poss" => {
                        let Some(p) = case_of(tree, k) else { continue };
                        if p == "by" {
                            sources = self.fill_head(tree, k);
                        } else if entry.targets.contains(&p) && targets.is_empty() {
                            if p == "between" {
                                mutual = self.fill_head(tree, k);
                            } else {
                                targets = self.fill_head(tree, k);
                            }
                        }
                    }
                    _ => {}
                }
            }
            // "Trump *had* a phone conversation with Erdogan", "the SDF *entered into* an
            // agreement with the government": the subject of a light verb governing the
            // noun (which coded nothing itself) does what the noun names
            if sources.is_empty() && !targets.is_empty() {
                if let Some(h) = tree.head(n).filter(|&h| {
                    matches!(rel(t), "obj" | "obl")
                        && tree.token(h).upos.as_deref() == Some("VERB")
                        && LIGHT.contains(&lemma(tree.token(h)).as_str())
                }) {
                    let subject = tree
                        .dependents(h)
                        .iter()
                        .copied()
                        .find(|&c| rel(tree.token(c)) == "nsubj");
                    if let Some(sj) = subject {
                        sources = self.fill_head(tree, sj);
                    }
                }
            }
            let mut pairs: Vec<(Filled, Filled)> = Vec::new();
            if mutual.len() >= 2 && sources.is_empty() {
                for s in &mutual {
                    for t in &mutual {
                        if s.actor != t.actor {
                            pairs.push((*s, *t));
                        }
                    }
                }
            } else {
                for s in &sources {
                    for t in targets.iter().chain(&mutual) {
                        pairs.push((*s, *t));
                    }
                }
            }
            for (s, tg) in pairs {
                let sa = filled_actor(doc, actors, agents, s);
                let ta = filled_actor(doc, actors, agents, tg);
                if sa.span == ta.span || (self.config.drop_self && sa.code == ta.code) {
                    continue;
                }
                let trigger = t.span;
                let span = Span::new(
                    trigger.start.min(sa.span.start).min(ta.span.start),
                    trigger.end.max(sa.span.end).max(ta.span.end),
                );
                let mut e = self.event(&entry.code, si, sent_text, span, trigger);
                e.source = Some(sa);
                e.target = Some(ta);
                e.date = today
                    .and_then(|d| real_news::event_day(tree, &[], n, d, false))
                    .map(Day::iso);
                e.pattern = Some(PatternRef {
                    dictionary: NEWS_NOUNS_FILE.into(),
                    line: entry.line,
                    block: "EVENT_NOUN".into(),
                    text: entry.noun.clone(),
                });
                e.confidence = 0.7;
                out.push(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lexicon_reads_and_its_codes_are_cameo() {
        let book = crate::Codebook::embedded();
        assert!(news_nouns().len() > 20);
        for e in news_nouns() {
            assert!(book.goldstein(&e.code).is_some(), "{}: {}", e.noun, e.code);
        }
    }

    #[test]
    fn lexicon_errors_name_file_and_line() {
        let e = read_event_nouns("# c\nvisit\t042\n", "n.tsv").unwrap_err();
        assert!(e.to_string().starts_with("n.tsv:2: "), "{e}");
        let e = read_event_nouns("visit\t04x\tto\n", "n.tsv").unwrap_err();
        assert!(e.to_string().starts_with("n.tsv:1: "), "{e}");
    }
}
