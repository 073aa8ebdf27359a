//! Verb patterns: their elements, and the tokenizer for a pattern's text.
//!
//! A PETRARCH pattern line such as `- &MILITARY * POLICE (TO {BORDER AREA}) + [153]` is a
//! sequence of elements around the verb marker `*`. PETRARCH2 patterns mark syntax:
//! `{...}` is a noun phrase whose last word is its head, `(...)` a prepositional phrase
//! whose first element is the preposition. The older TABARI-style patterns of the
//! validation dictionaries are flat word sequences. Both are kept as a tree of
//! [`Element`]s, so a dependency matcher can look for a noun-phrase head among the verb's
//! objects and a preposition among its obliques, while a flat matcher can walk the same
//! sequence. Underscores glue elements that must be consecutive (`NEW_&TIETYPES_RELATIONS`,
//! `IN_*`); a synonym-set name is matched greedily against the sets defined so far, so
//! `&GENINT_CONVENTIONS` reads as `&GENINT` then `CONVENTIONS` when only `GENINT` exists.

use serde::Serialize;

/// One element of a pattern.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Element {
    /// A literal word, upper case as in the dictionary.
    Word(String),
    /// Any one of several words (`FAVOUR/FAVOR`).
    Alternatives(Vec<String>),
    /// A synonym set, by name without `&` or trailing `_`.
    Synset(String),
    /// `$`: the source actor.
    Source,
    /// `+`: the target actor.
    Target,
    /// `*`: the verb itself.
    Verb,
    /// `%`: a compound actor (source and target together).
    Compound,
    /// `^`: skip to the end of the current noun phrase (TABARI).
    Skip,
    /// `{...}`: a noun phrase; the last element is its head.
    NounPhrase(Vec<Element>),
    /// `(...)`: a prepositional phrase; `prep` is the preposition, `object` what follows.
    Prep {
        prep: Box<Element>,
        object: Vec<Element>,
    },
    /// `A_B`: elements that must be consecutive.
    Consecutive(Vec<Element>),
}

impl Element {
    /// True if this element is, or contains at top level of a consecutive group, the verb.
    pub fn holds_verb(&self) -> bool {
        match self {
            Element::Verb => true,
            Element::Consecutive(parts) => parts.contains(&Element::Verb),
            _ => false,
        }
    }

    /// True if this element stands for words of the sentence (a word, alternatives, a
    /// synonym set, or a group of them), not for an actor, the verb, a skip or a phrase.
    pub fn is_lexical(&self) -> bool {
        !matches!(
            self,
            Element::Source
                | Element::Target
                | Element::Compound
                | Element::Skip
                | Element::Verb
                | Element::Prep { .. }
        )
    }

    /// Every synset name used in this element, nested ones included.
    pub fn synsets<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Element::Synset(s) => out.push(s),
            Element::NounPhrase(v) | Element::Consecutive(v) => {
                v.iter().for_each(|e| e.synsets(out))
            }
            Element::Prep { prep, object } => {
                prep.synsets(out);
                object.iter().for_each(|e| e.synsets(out));
            }
            _ => {}
        }
    }
}

/// Split a pattern body (without its `[code]` and comment) into elements. `is_synset`
/// says whether a name is a defined synonym set (for greedy reading of `&A_B`). Returns a
/// message on malformed input; the caller adds file and line.
pub(crate) fn parse_elements(
    body: &str,
    is_synset: &dyn Fn(&str) -> bool,
    notes: &mut Vec<String>,
) -> Result<Vec<Element>, String> {
    // A stack of open groups: the elements gathered so far and the bracket that opened them.
    let mut stack: Vec<(Vec<Element>, char)> = vec![(Vec::new(), ' ')];
    let mut atom = String::new();
    for c in body.chars().chain(std::iter::once(' ')) {
        match c {
            '(' | '{' | ')' | '}' | ' ' | '\t' => {
                if !atom.is_empty() {
                    let els = parse_atom(&atom, is_synset, notes)?;
                    stack.last_mut().expect("stack never empty").0.extend(els);
                    atom.clear();
                }
                match c {
                    '(' | '{' => stack.push((Vec::new(), c)),
                    ')' | '}' => {
                        let want = if c == ')' { '(' } else { '{' };
                        let (items, open) = stack.pop().expect("stack never empty");
                        if open != want || stack.is_empty() {
                            return Err(format!("unbalanced '{c}'"));
                        }
                        let el = if c == '}' {
                            if items.is_empty() {
                                return Err("empty noun phrase {}".into());
                            }
                            Element::NounPhrase(items)
                        } else {
                            let mut it = items.into_iter();
                            let prep = it
                                .next()
                                .ok_or_else(|| "empty prepositional phrase ()".to_string())?;
                            Element::Prep {
                                prep: Box::new(prep),
                                object: it.collect(),
                            }
                        };
                        stack.last_mut().expect("checked above").0.push(el);
                    }
                    _ => {}
                }
            }
            '[' | ']' => return Err(format!("unexpected '{c}' inside a pattern")),
            _ => atom.push(c),
        }
    }
    if stack.len() != 1 {
        let open = stack.last().map(|s| s.1).unwrap_or(' ');
        return Err(format!("unclosed '{open}'"));
    }
    Ok(stack.pop().expect("one group left").0)
}

/// One whitespace-free token: underscore-joined parts, each a word, marker or synset.
fn parse_atom(
    atom: &str,
    is_synset: &dyn Fn(&str) -> bool,
    notes: &mut Vec<String>,
) -> Result<Vec<Element>, String> {
    let parts: Vec<&str> = atom.split('_').filter(|p| !p.is_empty()).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < parts.len() {
        let p = parts[i];
        if let Some(name) = p.strip_prefix('&') {
            // Greedy: the longest run of parts that names a defined set.
            let mut best = None;
            let mut joined = name.to_string();
            if is_synset(&joined) {
                best = Some((i, joined.clone()));
            }
            for (j, q) in parts.iter().enumerate().skip(i + 1) {
                joined.push('_');
                joined.push_str(q);
                if is_synset(&joined) {
                    best = Some((j, joined.clone()));
                }
            }
            let (end, name) = best.unwrap_or((i, name.to_string()));
            if name.is_empty() {
                return Err("'&' without a synonym set name".into());
            }
            out.push(Element::Synset(name.to_ascii_uppercase()));
            i = end + 1;
            continue;
        }
        match p {
            "*" => out.push(Element::Verb),
            "$" => out.push(Element::Source),
            "+" => out.push(Element::Target),
            "%" => out.push(Element::Compound),
            "^" => out.push(Element::Skip),
            _ if p.len() > 1 && p.starts_with('*') => {
                notes.push(format!(
                    "verb marker glued to {:?}: read as '* {}'",
                    p,
                    &p[1..]
                ));
                out.push(Element::Verb);
                out.push(word(&p[1..])?);
            }
            _ => out.push(word(p)?),
        }
        i += 1;
    }
    Ok(match out.len() {
        0 => Vec::new(),
        1 => out,
        _ if atom.contains('_') => vec![Element::Consecutive(out)],
        _ => out,
    })
}

fn word(p: &str) -> Result<Element, String> {
    if p.chars().any(|c| matches!(c, '$' | '*' | '%' | '^' | '&')) {
        return Err(format!("marker inside word {p:?}"));
    }
    if p.contains('/') {
        let alts: Vec<String> = p.split('/').map(|a| a.to_ascii_uppercase()).collect();
        if alts.iter().any(String::is_empty) {
            return Err(format!("empty alternative in {p:?}"));
        }
        return Ok(Element::Alternatives(alts));
    }
    Ok(Element::Word(p.to_ascii_uppercase()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use Element::*;

    fn parse(s: &str) -> Result<Vec<Element>, String> {
        let sets = |n: &str| matches!(n, "GENINT" | "FIGHT_OF_WORDS" | "FIGHT" | "WEAPON");
        parse_elements(s, &sets, &mut Vec::new())
    }
    fn w(s: &str) -> Element {
        Word(s.into())
    }

    #[test]
    fn petrarch2_syntax() {
        assert_eq!(
            parse("* POLICE (TO {BORDER AREA})").unwrap(),
            vec![
                Verb,
                w("POLICE"),
                Prep {
                    prep: Box::new(w("TO")),
                    object: vec![NounPhrase(vec![w("BORDER"), w("AREA")])]
                }
            ]
        );
        assert_eq!(
            parse("+ INSPECTOR * (INTO $)").unwrap(),
            vec![
                Target,
                w("INSPECTOR"),
                Verb,
                Prep {
                    prep: Box::new(w("INTO")),
                    object: vec![Source]
                }
            ]
        );
        assert_eq!(
            parse("* (TO/FOR PROTEST)").unwrap(),
            vec![
                Verb,
                Prep {
                    prep: Box::new(Alternatives(vec!["TO".into(), "FOR".into()])),
                    object: vec![w("PROTEST")]
                }
            ]
        );
        assert_eq!(
            parse("* ( TO )").unwrap(),
            vec![
                Verb,
                Prep {
                    prep: Box::new(w("TO")),
                    object: vec![]
                }
            ]
        );
    }

    #[test]
    fn underscores_and_greedy_synsets() {
        assert_eq!(
            parse("DEMAND_&GENINT_CONVENTIONS").unwrap(),
            vec![Consecutive(vec![
                w("DEMAND"),
                Synset("GENINT".into()),
                w("CONVENTIONS")
            ])]
        );
        assert_eq!(
            parse("(IN &FIGHT_OF_WORDS)").unwrap()[0],
            Prep {
                prep: Box::new(w("IN")),
                object: vec![Synset("FIGHT_OF_WORDS".into())]
            }
        );
        assert_eq!(
            parse("IN_*").unwrap(),
            vec![Consecutive(vec![w("IN"), Verb])]
        );
        assert_eq!(
            parse("SUGGESTED_+").unwrap(),
            vec![Consecutive(vec![w("SUGGESTED"), Target])]
        );
        assert_eq!(
            parse("{AIR_STRIKE}").unwrap(),
            vec![NounPhrase(vec![Consecutive(vec![w("AIR"), w("STRIKE")])])]
        );
        // an undefined set keeps its whole name; the reader then drops the pattern
        assert_eq!(parse("&WEATHER").unwrap(), vec![Synset("WEATHER".into())]);
    }

    #[test]
    fn glued_verb_marker_is_split_with_a_note() {
        let mut notes = Vec::new();
        let els = parse_elements("*SCEPTICAL", &|_| false, &mut notes).unwrap();
        assert_eq!(els, vec![Verb, w("SCEPTICAL")]);
        assert_eq!(notes.len(), 1);
    }

    #[test]
    fn malformed_patterns_are_errors() {
        assert_eq!(parse("* (TO BORDER").unwrap_err(), "unclosed '('");
        assert_eq!(parse("* TO BORDER)").unwrap_err(), "unbalanced ')'");
        assert_eq!(parse("* {TO BORDER)").unwrap_err(), "unbalanced ')'");
        assert_eq!(parse("* ()").unwrap_err(), "empty prepositional phrase ()");
        assert_eq!(parse("* {}").unwrap_err(), "empty noun phrase {}");
        assert!(parse("* A$B").unwrap_err().contains("marker inside word"));
        assert!(parse("* A//B").unwrap_err().contains("empty alternative"));
        assert!(parse("* & X")
            .unwrap_err()
            .contains("without a synonym set name"));
    }
}
