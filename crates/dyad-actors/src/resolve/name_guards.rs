//! Steps that drop or recode dictionary matches the words around them show to be
//! something else, written from the errors of test8 (2019 news) but about the shape of
//! English names, not about its articles:
//!
//! * `name part` - a country or place match inside a longer person name the NER found
//!   ("Virginia Giuffre", "Senator Ben Murray-Bruce"): the place is part of the name, so
//!   it is dropped and the whole name becomes a person (an unknown one, if no dictionary
//!   knows it). Capitals inside names were already dropped (`check_capitals`).
//! * `lower-case start` - the matcher folds case, so "up to Lam" matches a listed "To
//!   Lam" (Vietnam's security minister): a person match whose first word is a lower-case
//!   function word in the text is no name.
//! * `adjective agent` - "public health", "civilian deaths": a civilian role noun used
//!   as an adjective before another noun is no actor.
//! * `employer` - "BBC's Emily Maitlis", "Apple's Tim Cook": an unknown person written
//!   after a coded organisation's possessive works for it and takes its code.
//!
//! Apart from `context.rs` because these look at one match and its neighbours, not at
//! the rest of the document.

use super::Resolver;
use crate::mention::{ActorKind, ActorMention};

/// Function words that start no name ("to Lam", "in Jordan"); name particles such as
/// "de", "van", "bin", "al" are not here, they do start names written in lower case.
/// Articles are not here either: Phoenix writes some names with theirs ("the Obama
/// administration").
const FUNCTION_WORDS: &[&str] = &[
    "and", "as", "at", "but", "by", "for", "from", "if", "in", "is", "of", "on", "or", "so", "to",
    "was", "with",
];

impl Resolver<'_> {
    /// Drops the place matches that are part of a person's name and the person matches
    /// that start with a lower-case function word. A title and first name the pre-parse
    /// layer stopped at the place ("Senator Ben" before "Murray-Bruce") run on to the end
    /// of the name.
    pub(super) fn name_guards(&mut self) {
        let mut drop = Vec::new();
        let mut extend = Vec::new();
        for k in 0..self.out.len() {
            let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
            let place = m.rule.starts_with("dictionary (country");
            let person = m.rule.starts_with("dictionary (person");
            if person && self.lower_start(a) {
                drop.push(k);
            } else if let Some((end, holder)) = place.then(|| self.inside_name(k, (a, b))).flatten()
            {
                drop.push(k);
                extend.extend(holder.map(|h| (h, end)));
            }
        }
        for (h, end) in extend {
            let a = self.out[h].1 .0;
            let tokens = &self.doc.tokens[a..end];
            let m = &mut self.out[h].0;
            let longer = ActorMention::uncoded(tokens, m.kind, None, String::new());
            m.span = longer.span;
            m.mention = longer.mention;
            self.out[h].1 .1 = end;
        }
        for k in drop.into_iter().rev() {
            self.out.remove(k);
        }
    }

    /// Tokens `[a, b)` of mention `k` lie inside a longer NER person whose other tokens
    /// are all name words (capitalised, or the hyphen of a double name) that no other
    /// mention holds but a title and first name before the place ("Senator Ben"):
    /// "Virginia Giuffre", "Murray - Bruce", but not "Hong Kong leader Carrie Lam" (a role
    /// noun) nor "China 's Xi" (a possessive), nor a place that ends the NER span. Gives the
    /// name's end and that title.
    fn inside_name(&self, k: usize, (a, b): (usize, usize)) -> Option<(usize, Option<usize>)> {
        self.entities.iter().find_map(|e| {
            let (x, y) = (e.tokens[0], e.tokens[1].min(self.doc.tokens.len()));
            // the name runs on after the place: "Evil Mordor", "Communist China" are
            // places the NER took for persons, and "Michael Jordan" is left to the NER
            if e.label != "PER" || !(x <= a && b < y) {
                return None;
            }
            let mut holder = None;
            for i in (x..y).filter(|i| !(a..b).contains(i)) {
                let t = &self.doc.tokens[i].text;
                if !(t == "-" || t.chars().next().is_some_and(char::is_uppercase)) {
                    return None;
                }
                match self.mention_at(i) {
                    None => {}
                    Some(j) if j == k => {}
                    // a title alone ("Senator") is composed with the whole name later
                    Some(j) if i < a && self.out[j].0.rule.starts_with("agent (") => {}
                    Some(j)
                        if i < a
                            && self.out[j].1 .1 == a
                            && self.out[j].0.rule.starts_with("agent+name") =>
                    {
                        holder = Some(j)
                    }
                    Some(_) => return None,
                }
            }
            Some((y, holder))
        })
    }

    /// Token `a` is a lower-case function word.
    fn lower_start(&self, a: usize) -> bool {
        self.tok(a).is_some_and(|t| {
            t.text.chars().next().is_some_and(char::is_lowercase)
                && FUNCTION_WORDS.contains(&t.text.as_str())
        })
    }

    /// Drops one-word civilian role nouns that modify a noun as adjectives ("public
    /// health"): the parse tags them `amod` with a head after them.
    pub(super) fn adjective_agents(&mut self) {
        let n = self.out.len();
        let keep: Vec<bool> = (0..n)
            .map(|k| {
                let (m, (a, b)) = (&self.out[k].0, self.out[k].1);
                let adjective = b == a + 1
                    && m.rule.starts_with("agent (")
                    && m.code.is_none()
                    && m.sector.as_deref() == Some("CVL")
                    && self.tok(a).is_some_and(|t| {
                        t.upos.as_deref() == Some("ADJ")
                            && self.deprel(a) == "amod"
                            && t.head == Some(a + 1)
                            && self.tok(a + 1).and_then(|n| n.upos.as_deref()) == Some("NOUN")
                    });
                !adjective
            })
            .collect();
        let mut i = 0;
        self.out.retain(|_| {
            i += 1;
            keep[i - 1]
        });
    }

    /// An uncoded person right after a coded organisation's possessive ("BBC 's Emily
    /// Maitlis") takes the organisation's code: the possessive of a body before a name
    /// says whom the person works for.
    pub(super) fn employers(&mut self) {
        let book = self.dict.codebook();
        for k in 0..self.out.len() {
            let (m, (a, _)) = (&self.out[k].0, self.out[k].1);
            if m.kind != ActorKind::Person || m.code.is_some() || a < 2 {
                continue;
            }
            let possessive = matches!(self.doc.tokens[a - 1].text.as_str(), "'s" | "’s");
            if !possessive || self.sent_of.get(a - 2) != self.sent_of.get(a) {
                continue;
            }
            let Some(j) = self.mention_at(a - 2) else {
                continue;
            };
            let body = &self.out[j].0;
            if body.kind != ActorKind::Organization || self.out[j].1 .1 != a - 1 {
                continue;
            }
            let Some(code) = body.code.clone() else {
                continue;
            };
            let rule = format!(
                "employer (\"{}\": {})",
                body.mention,
                super::strip(&body.rule)
            );
            let m = &mut self.out[k].0;
            m.set_code(Some(&code), book);
            m.rule = rule;
        }
    }
}

/// Whether `word` (any case) is one of the function words that start no name.
#[cfg(test)]
fn is_function_word(word: &str) -> bool {
    FUNCTION_WORDS.contains(&crate::normalize::fold(word).as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn function_words_are_sorted_and_exclude_name_particles() {
        assert!(FUNCTION_WORDS.windows(2).all(|w| w[0] < w[1]));
        for particle in ["de", "van", "von", "bin", "al", "da", "le"] {
            assert!(!is_function_word(particle), "{particle}");
        }
        assert!(is_function_word("To"));
    }
}
