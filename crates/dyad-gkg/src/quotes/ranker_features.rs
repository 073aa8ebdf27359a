//! The speaker candidates of a quote and their features, for the learned ranker
//! (`ranker.rs`).
//!
//! Candidates are entities, not mentions: every person the quote module knows (a name, or a
//! surname standing for a known full name) and every organisation the caller or the NER
//! names, mentioned in the quote's sentences, the three sentences before them or the one
//! after; plus the rules' own answer when it is none of those (a role resolved to a person,
//! a description). A candidate's features describe its mention nearest to the quote (outside
//! quote marks when it has one there) and a few facts about all its mentions: whether one is
//! the parse subject of a speech verb in the quote's sentence, whether one was the speaker of
//! the quote before, how often the document names it. Each feature is also emitted joined
//! with the quote's kind (`|D` direct, `|I` indirect).

use dyad_core::{Document, Span};

use super::ranker::{names_someone, Candidate, RULE_FEATURE};
use super::{
    full_name, is_mark, is_verb, para_break, speakers, Persons, Quote, FUNCTION_WORDS, PRONOUNS,
};

/// One mention of a candidate: token range and the name it stands for.
struct Mention {
    s: usize,
    e: usize,
    name: String,
    org: bool,
    /// A run of proper nouns by the tags that no other stage named.
    propn: bool,
}

fn bucket(n: usize, edges: &[usize]) -> usize {
    edges.iter().position(|&e| n <= e).unwrap_or(edges.len())
}

/// The token range of a byte span.
fn tok_range(doc: &Document, span: Span) -> (usize, usize) {
    let toks = &doc.tokens;
    let s = toks.partition_point(|t| t.span.end <= span.start);
    let e = toks.partition_point(|t| t.span.start < span.end);
    (s.min(toks.len()), e.max(s).min(toks.len()))
}

/// All mentions in the document of known persons and of organisations, in text order.
fn mentions(doc: &Document, persons: &Persons, orgs: &[Span]) -> Vec<Mention> {
    let toks = &doc.tokens;
    let mut out: Vec<Mention> = Vec::new();
    for p in persons {
        let (s, e) = tok_range(doc, p.span);
        if s < e {
            out.push(Mention {
                s,
                e,
                name: full_name(persons, &p.name),
                org: false,
                propn: false,
            });
        }
    }
    // A surname alone stands for the full name it was introduced with.
    let mut surnames: Vec<(&str, String)> = Vec::new();
    for p in persons {
        let w: Vec<&str> = p.name.split_whitespace().collect();
        if w.len() >= 2 {
            surnames.push((w[w.len() - 1], full_name(persons, &p.name)));
        }
    }
    for (i, t) in toks.iter().enumerate() {
        if let Some((_, name)) = surnames.iter().find(|(w, _)| *w == t.text) {
            out.push(Mention {
                s: i,
                e: i + 1,
                name: name.clone(),
                org: false,
                propn: false,
            });
        }
    }
    let ents = doc
        .entities
        .iter()
        .filter(|e| e.label == "ORG")
        .map(|e| e.span);
    for span in orgs.iter().copied().chain(ents) {
        let (s, e) = tok_range(doc, span);
        if s < e {
            let name = span.get(&doc.text).unwrap_or_default();
            let name = name.strip_prefix("the ").unwrap_or(name);
            let name = name.strip_prefix("The ").unwrap_or(name);
            out.push(Mention {
                s,
                e,
                name: name.to_string(),
                org: true,
                propn: false,
            });
        }
    }
    // Runs of proper nouns (`Politico`, `The Hollywood Reporter`, `Centre for Economic Policy
    // Research`): outlets and bodies that speak, which no list may know.
    let propn = |k: usize| {
        toks.get(k)
            .is_some_and(|t| matches!(t.xpos.as_deref(), Some("NNP" | "NNPS")))
    };
    let mut k = 0;
    while k < toks.len() {
        if !propn(k) {
            k += 1;
            continue;
        }
        let s = k;
        while propn(k)
            || matches!(
                toks.get(k).map(|t| t.text.as_str()),
                Some("of" | "for" | "on")
            ) && propn(k + 1)
        {
            k += 1;
        }
        let span = Span::new(toks[s].span.start, toks[k - 1].span.end);
        // Titles off (`Mr. Tedeschi`, `Chairman`); a month or weekday is no speaker.
        let name = super::untitled(span.get(&doc.text).unwrap_or_default());
        if k == s + 1 && speakers::calendar_word(&toks[s].text) {
            continue;
        }
        out.push(Mention {
            s,
            e: k,
            name,
            org: true,
            propn: true,
        });
    }
    // One mention per token start: a person over an organisation over a run of proper
    // nouns, the longer over the shorter.
    out.sort_by(|a, b| (a.s, a.org, a.propn, b.e).cmp(&(b.s, b.org, b.propn, a.e)));
    out.dedup_by_key(|m| m.s);
    // A mention inside a longer one is a part of it.
    let spans: Vec<(usize, usize)> = out.iter().map(|m| (m.s, m.e)).collect();
    out.retain(|m| {
        !spans
            .iter()
            .any(|&(s, e)| (s, e) != (m.s, m.e) && s <= m.s && m.e <= e)
    });
    // Capitalised function words are no names (`He`, `Yet Sondland`, `PC World's`).
    for m in &mut out {
        let mut w: Vec<&str> = m.name.split_whitespace().collect();
        while w
            .first()
            .is_some_and(|x| FUNCTION_WORDS.contains(x) || *x == "Yet")
        {
            w.remove(0);
        }
        if let Some(last) = w.last_mut() {
            *last = last
                .strip_suffix("'s")
                .or_else(|| last.strip_suffix("’s"))
                .unwrap_or(last);
        }
        m.name = w.join(" ");
    }
    out.retain(|m| {
        m.name.starts_with(|c: char| c.is_uppercase()) && m.name.chars().any(char::is_lowercase)
    });
    out
}

/// Whether a system speaker name and a candidate name are the same entity.
fn same(a: &str, b: &str) -> bool {
    let a = a.trim();
    let b = b.trim();
    if a.eq_ignore_ascii_case(b) {
        return true;
    }
    // The same last word: a surname alone or with another title or first name (`Mr.
    // Tedeschi` and `Mark Tedeschi`).
    let la = a.split_whitespace().last();
    let lb = b.split_whitespace().last();
    la.is_some() && la == lb
}

/// The candidates of every quote of `quotes` (the rules' output, in text order).
pub(super) fn all_candidates(
    doc: &Document,
    persons: &Persons,
    orgs: &[Span],
    quotes: &[Quote],
) -> Vec<Vec<Candidate>> {
    let ms = mentions(doc, persons, orgs);
    let sentence_of = super::sentence_index(doc);
    let quoted: Vec<(usize, usize)> = quotes
        .iter()
        .filter(|q| q.direct)
        .map(|q| tok_range(doc, q.span))
        .collect();
    (0..quotes.len())
        .map(|i| candidates(doc, &ms, &sentence_of, &quoted, quotes, i))
        .collect()
}

fn candidates(
    doc: &Document,
    ms: &[Mention],
    sentence_of: &[usize],
    quoted: &[(usize, usize)],
    quotes: &[Quote],
    qi: usize,
) -> Vec<Candidate> {
    let toks = &doc.tokens;
    let q = &quotes[qi];
    if toks.is_empty() {
        return Vec::new();
    }
    let (qs, qe) = tok_range(doc, q.span);
    if qs >= qe {
        return Vec::new();
    }
    let s_first = sentence_of[qs];
    let s_last = sentence_of[qe - 1];
    let kind = if q.direct { "D" } else { "I" };
    // The rules' attribution tokens, and what kind of word they are.
    let rule_span = q.speaker_span.map(|sp| tok_range(doc, sp));
    let rule_word = q
        .speaker_span
        .and_then(|sp| sp.get(&doc.text))
        .unwrap_or("");
    let rule_kind = if q.speaker.is_none() {
        "none"
    } else if PRONOUNS.contains(&rule_word) || matches!(rule_word, "his" | "her" | "their") {
        "pronoun"
    } else if rule_word.starts_with(|c: char| c.is_uppercase()) {
        "name"
    } else {
        "other"
    };
    let pron_gender = speakers::pronoun_gender(rule_word);
    // The speech verb nearest the quote in its sentences (outside it).
    let verb = (sentence_start(doc, s_first)..sentence_end(doc, s_last))
        .filter(|&k| (k < qs || k >= qe) && is_verb(&toks[k].text))
        .min_by_key(|&k| if k < qs { qs - k } else { k + 1 - qe });
    let prev = qi.checked_sub(1).map(|j| &quotes[j]);
    let prev_same_para = prev.is_some_and(|p| {
        let (_, pe) = tok_range(doc, p.span);
        pe > 0 && !para_break(doc, pe - 1, qs)
    });
    let lo = sentence_start(doc, s_first.saturating_sub(3));
    let hi = sentence_end(doc, (s_last + 1).min(doc.sentences.len().saturating_sub(1)));
    let places = crate::Gazetteer::builtin().ok();
    let in_window: Vec<&Mention> = ms.iter().filter(|m| m.s >= lo && m.e <= hi).collect();
    // Group by name, in order of distance from the quote.
    let dist = |m: &Mention| -> usize {
        if m.e <= qs {
            qs - m.e
        } else {
            m.s.saturating_sub(qe)
        }
    };
    // Inside quote marks (this quote's or another's): someone's words, not an attribution.
    let inside_quote = |m: &Mention| quoted.iter().any(|&(a, b)| a <= m.s && m.e <= b);
    let mut names: Vec<(String, Vec<&Mention>)> = Vec::new();
    for m in &in_window {
        match names.iter_mut().find(|(n, _)| same(n, &m.name)) {
            Some((n, v)) => {
                if m.name.len() > n.len() {
                    *n = m.name.clone();
                }
                v.push(m)
            }
            None => names.push((m.name.clone(), vec![m])),
        }
    }
    let best_of = |v: &[&Mention]| -> usize {
        (0..v.len())
            .min_by_key(|&k| (inside_quote(v[k]), dist(v[k]), v[k].s))
            .unwrap_or(0)
    };
    names.sort_by_key(|(_, v)| {
        let b = v[best_of(v)];
        (inside_quote(b), dist(b), b.s)
    });
    let mut out: Vec<Candidate> = Vec::new();
    let mut rank_before = 0usize;
    let mut rank_after = 0usize;
    for (name, v) in &names {
        let m = v[best_of(v)];
        let mut f: Vec<String> = Vec::new();
        let head = m.e - 1;
        let inside = inside_quote(m);
        let pos = if inside {
            "inside"
        } else if m.e <= qs {
            "before"
        } else if m.s >= qe {
            "after"
        } else {
            // Inside the reported clause of indirect speech.
            "within"
        };
        f.push(format!("pos={pos}"));
        if !inside && m.e <= qs {
            rank_before += 1;
            f.push(format!("rank_before={}", rank_before.min(4)));
        } else if !inside && m.s >= qe {
            rank_after += 1;
            f.push(format!("rank_after={}", rank_after.min(4)));
        }
        let sd = if m.e <= qs {
            s_first.saturating_sub(sentence_of[m.s])
        } else {
            sentence_of[m.s].saturating_sub(s_last)
        };
        f.push(format!("sent_{pos}={}", sd.min(3)));
        f.push(format!(
            "dist_{pos}={}",
            bucket(dist(m), &[0, 1, 3, 8, 20, 50])
        ));
        f.push(format!(
            "kind={}",
            if m.propn {
                "propn"
            } else if m.org {
                "org"
            } else if name.contains(' ') {
                "person"
            } else {
                "person1"
            }
        ));
        if !para_break(doc, m.s.min(qs), m.s.max(qs)) {
            f.push("same_para".into());
        }
        // The parse relation of the mention's head word (or of the name part's head).
        let mut h = head;
        for _ in 0..3 {
            match (toks[h].deprel.as_deref(), toks[h].head) {
                (Some("flat" | "compound"), Some(x)) if x < toks.len() && x >= m.s && x < m.e => {
                    h = x
                }
                _ => break,
            }
        }
        let rel = toks[h].deprel.as_deref().unwrap_or("-");
        let rel = rel.split(':').next().unwrap_or(rel);
        f.push(format!("rel={rel}"));
        f.push(format!("rel={rel}_{pos}_{}", sd.min(2)));
        let gov = toks[h].head.filter(|&x| x < toks.len());
        if rel == "nsubj" {
            if let Some(g) = gov {
                if is_verb(&toks[g].text) {
                    f.push(format!("subj_speech_{pos}"));
                    f.push(format!("subj_speech_{pos}_{}", sd.min(2)));
                    if rank_before + rank_after == 1 {
                        f.push(format!("subj_speech_{pos}_first"));
                    }
                    if Some(g) == verb {
                        f.push("subj_of_quote_verb".into());
                    }
                }
                if toks[g].deprel.as_deref() == Some("root") {
                    f.push(format!("subj_root_{pos}"));
                }
            }
        }
        if rel == "appos" || rel == "nmod" {
            if let Some(g) = gov {
                if toks[g]
                    .deprel
                    .as_deref()
                    .is_some_and(|r| r.starts_with("nsubj"))
                {
                    f.push(format!("in_subj_{pos}"));
                }
            }
        }
        // Any mention of the name as a speech-verb subject in the quote's sentences.
        let speaks_here = v.iter().any(|x| {
            let k = x.e - 1;
            !inside_quote(x)
                && sentence_of[x.s] >= s_first
                && sentence_of[x.s] <= s_last
                && toks[k]
                    .deprel
                    .as_deref()
                    .is_some_and(|r| r.starts_with("nsubj"))
                && toks[k]
                    .head
                    .is_some_and(|g| g < toks.len() && is_verb(&toks[g].text))
        });
        if speaks_here {
            f.push("speaks_in_sentence".into());
        }
        // Word patterns around the mention.
        let word = |k: usize| toks.get(k).map_or("", |t| t.text.as_str());
        if m.s >= 2 && word(m.s - 2) == "according" && word(m.s - 1) == "to" {
            f.push("according_to".into());
        }
        if m.s >= 1 && is_verb(word(m.s - 1)) {
            f.push(format!("after_verb_{pos}"));
            if m.s >= 2 && (word(m.s - 2) == "," || is_mark(word(m.s - 2))) {
                f.push("inverted".into());
            }
        }
        if is_verb(word(m.e)) {
            f.push(format!("before_verb_{pos}"));
        }
        if matches!(word(m.e), "'s" | "’s") {
            f.push("possessive".into());
        }
        if m.s >= 1
            && matches!(
                word(m.s - 1),
                "told" | "to" | "with" | "by" | "for" | "from" | "asked" | "and" | "of" | "on"
            )
        {
            f.push(format!("after_prep={}", word(m.s - 1)));
        }
        if word(m.e) == "," && matches!(word(m.e + 1), "who" | "a" | "the") {
            f.push("apposition_follows".into());
        }
        if m.s == sentence_start(doc, sentence_of[m.s]) {
            f.push("opens_sentence".into());
        }
        if places.is_some_and(|g| g.contains(name)) {
            f.push("place".into());
        }
        let n = ms.iter().filter(|x| same(&x.name, name)).count();
        f.push(format!("count={}", bucket(n, &[1, 2, 4, 8])));
        if prev.is_some_and(|p| p.speaker.as_deref().is_some_and(|s| same(s, name))) {
            f.push(if prev_same_para {
                "prev_speaker_para".into()
            } else {
                "prev_speaker".into()
            });
        }
        if rule_kind == "pronoun" && !m.org && !inside {
            // How many other persons' mentions stand between this one and the pronoun.
            if let Some((a, _)) = rule_span {
                if let Some(x) = v
                    .iter()
                    .filter(|x| x.e <= a && !inside_quote(x))
                    .max_by_key(|x| x.e)
                {
                    let between = in_window
                        .iter()
                        .filter(|y| !y.org && y.s >= x.e && y.e <= a && !inside_quote(y))
                        .filter(|y| !same(&y.name, name))
                        .count();
                    f.push(format!("pron_antecedent_gap={}", between.min(3)));
                    let k = x.e - 1;
                    if toks[k]
                        .deprel
                        .as_deref()
                        .is_some_and(|r| r.starts_with("nsubj"))
                    {
                        f.push(format!("pron_antecedent_subj_gap={}", between.min(3)));
                    }
                }
            }
        }
        if let Some(g) = pron_gender {
            let agree = match speakers::gender_of(doc, name) {
                Some(x) if x == g => "agree",
                Some(_) => "disagree",
                None => "unknown",
            };
            f.push(format!("pron_gender={agree}"));
        }
        f.push(format!("rule_kind={rule_kind}"));
        let rule = q.speaker.as_deref().is_some_and(|s| same(s, name));
        if rule {
            f.push(RULE_FEATURE.into());
            f.push(format!("{RULE_FEATURE}_kind={rule_kind}"));
        }
        if rule_span.is_some_and(|(a, b)| v.iter().any(|x| x.s < b && a < x.e)) {
            f.push(format!("{RULE_FEATURE}_tokens"));
        }
        out.push(finish(
            name.clone(),
            Some(Span::new(toks[m.s].span.start, toks[m.e - 1].span.end)),
            f,
            kind,
            rule,
        ));
    }
    // No named speaker (`one poster`, `a police spokesman`, `the report`), described by the
    // subject of the nearest speech verb as the parse gives it.
    let verb_subj = verb
        .and_then(|v| {
            (0..toks.len()).find(|&k| {
                toks[k].head == Some(v)
                    && toks[k]
                        .deprel
                        .as_deref()
                        .is_some_and(|r| r.starts_with("nsubj"))
            })
        })
        .map_or("none", |k| match toks[k].xpos.as_deref() {
            Some("PRP") => "pronoun",
            Some("NNP" | "NNPS") => "propn",
            Some("NN" | "NNS") => "noun",
            _ => "other",
        });
    let rule_unnamed = q.speaker.as_deref().is_none_or(|s| !names_someone(s));
    let mut f = vec![
        "unnamed".to_string(),
        format!("unnamed_verb_subj={verb_subj}"),
        format!("unnamed_verb={}", verb.is_some()),
        format!("unnamed_person_before={}", rank_before.min(2)),
    ];
    if rule_unnamed {
        f.push(RULE_FEATURE.to_string());
        f.push(format!("{RULE_FEATURE}_unnamed_kind={rule_kind}"));
    }
    out.push(finish(String::new(), None, f, kind, rule_unnamed));
    // The rules' answer when no mention names it (a role resolved to a person, an acronym).
    if let Some(s) = q.speaker.as_deref().filter(|s| names_someone(s)) {
        if !out.iter().any(|c| same(&c.name, s)) {
            let f = vec![
                "kind=rule_only".to_string(),
                RULE_FEATURE.to_string(),
                format!("{RULE_FEATURE}_kind={rule_kind}"),
                format!("rule_kind={rule_kind}"),
            ];
            out.push(finish(s.to_string(), q.speaker_span, f, kind, true));
        }
    }
    out
}

/// Adds the bias and the quote-kind conjunctions.
fn finish(name: String, span: Option<Span>, f: Vec<String>, kind: &str, rule: bool) -> Candidate {
    let mut features = Vec::with_capacity(2 * f.len() + 2);
    features.push("bias".to_string());
    features.push(format!("bias|{kind}"));
    for x in f {
        features.push(format!("{x}|{kind}"));
        features.push(x);
    }
    Candidate {
        name,
        span,
        features,
        rule,
    }
}

fn sentence_start(doc: &Document, s: usize) -> usize {
    doc.sentences.get(s).map_or(0, |x| x.tokens[0])
}

fn sentence_end(doc: &Document, s: usize) -> usize {
    doc.sentences
        .get(s)
        .map_or(doc.tokens.len(), |x| x.tokens[1])
}

#[cfg(test)]
mod tests {
    use super::super::speaker_candidates;

    #[test]
    fn candidates_name_the_people_around_a_quote_and_an_unnamed_source() {
        let text =
            "Mary Jones met Tom Smith in Paris. \"We will not give up on this,\" Smith said.";
        let doc = crate::test_doc(text);
        // Mary Jones as the actor stage would give her (no models here).
        let mary = dyad_core::Span::new(0, "Mary Jones".len());
        let qs = speaker_candidates(&doc, &[mary], &[]);
        assert_eq!(qs.len(), 1, "{qs:?}");
        let (q, cands) = &qs[0];
        assert_eq!(q.speaker.as_deref(), Some("Tom Smith"));
        let names: Vec<&str> = cands.iter().map(|c| c.name.as_str()).collect();
        assert!(
            names.contains(&"Tom Smith") && names.contains(&"Mary Jones"),
            "{names:?}"
        );
        // The nearest mention (`Smith said`, after the quote) is the one described; the rules'
        // choice is marked; the unnamed candidate (empty name) is always there.
        let smith = cands.iter().find(|c| c.name == "Tom Smith").unwrap();
        assert!(smith.rule && smith.features.iter().any(|f| f == "pos=after"));
        assert!(smith.features.iter().any(|f| f == "before_verb_after"));
        let jones = cands.iter().find(|c| c.name == "Mary Jones").unwrap();
        assert!(!jones.rule && jones.features.iter().any(|f| f == "pos=before"));
        assert!(cands.iter().any(|c| c.name.is_empty() && !c.rule));
    }
}
