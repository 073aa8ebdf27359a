//! `monarch`: "the Queen", "HM the Queen", "the King" with no name after the title is the
//! reigning monarch of the story: the "Queen ..."/"King ..." the document names with a
//! government code, else the head of state of the document's country when that country
//! is a monarchy.

use super::people::DocCountry;
use super::Resolver;
use crate::mention::ActorKind;
use crate::normalize::fold;

/// Countries whose head of state is a king or queen (the title alone names them).
const MONARCHIES: &[&str] = &[
    "GBR", "ESP", "NLD", "BEL", "DNK", "NOR", "SWE", "THA", "SAU", "JOR", "MAR", "BHR", "SWZ",
    "LSO", "BTN", "KHM", "TON", "OMN", "KWT", "QAT", "BRN", "MYS",
];

impl Resolver<'_> {
    /// The start of "HM the", "Her Majesty the", "HM [Her Majesty] the" before the title
    /// at `i` (whose previous token is "the"), else that "the".
    fn monarch_start(&self, i: usize) -> usize {
        let the = i - 1;
        let text = |k: usize| self.tok(k).map_or("", |t| t.text.as_str());
        if the >= 1 && matches!(text(the - 1), "HM" | "H.M.") {
            return the - 1;
        }
        if the >= 2 && matches!(text(the - 2), "Her" | "His") && text(the - 1) == "Majesty" {
            return the - 2;
        }
        if the >= 2 && matches!(text(the - 1), "]" | ")") {
            let open = (the.saturating_sub(5)..the - 1)
                .rev()
                .find(|&k| matches!(text(k), "[" | "("));
            if let Some(o) = open {
                if o >= 1 && matches!(text(o - 1), "HM" | "H.M.") {
                    return o - 1;
                }
            }
        }
        the
    }

    pub(super) fn monarchs(&mut self, main: Option<&DocCountry>) {
        let book = self.dict.codebook();
        let n = self.doc.tokens.len();
        let mut added = Vec::new();
        for i in 1..n {
            let title = self.doc.tokens[i].text.as_str();
            if !matches!(title, "Queen" | "King") || self.folded[i - 1] != "the" {
                continue;
            }
            // "the Queen Mother", "the King of Spain": another person or a named monarch
            let next = self.tok(i + 1).map(|t| t.text.as_str()).unwrap_or("");
            if next.chars().next().is_some_and(char::is_uppercase) || next == "of" {
                continue;
            }
            let named = self.out.iter().find(|(m, (a, b))| {
                *b > *a + 1
                    && self.doc.tokens[*a].text == title
                    && m.kind == ActorKind::Person
                    && m.sector.as_deref() == Some("GOV")
            });
            let (code, entity, why) = match named {
                Some((m, _)) => (
                    m.code.clone(),
                    m.entity.clone(),
                    format!("monarch (named \"{}\")", m.mention),
                ),
                None => match main {
                    Some(d) if MONARCHIES.contains(&d.code.as_str()) => (
                        Some(format!("{}GOV", d.code)),
                        None,
                        format!("monarch (document country {})", d.code),
                    ),
                    _ => continue,
                },
            };
            let Some(code) = code else { continue };
            if !book.is_valid_actor_code(&code) {
                continue;
            }
            let start = self.monarch_start(i);
            match self.mention_at(i) {
                Some(k) => {
                    let (a, b) = self.out[k].1;
                    let person = self.out[k].0.kind == ActorKind::Person;
                    if !person || a < start || b > i + 1 {
                        continue;
                    }
                    let m = &mut self.out[k].0;
                    m.rule = why;
                    m.set_code(Some(&code), book);
                    if entity.is_some() {
                        m.entity = entity;
                    }
                }
                None => {
                    if (start..=i).any(|k| self.mention_at(k).is_some()) {
                        continue;
                    }
                    let entity = entity.or_else(|| Some(format!("monarch:{}", fold(title))));
                    let mut p = self.new_mention((start, i + 1), ActorKind::Person, entity, why);
                    p.0.set_code(Some(&code), book);
                    added.push(p);
                }
            }
        }
        self.out.extend(added);
        self.out.sort_by_key(|(m, _)| m.span.start);
    }
}
