//! Helpers of the quotation rule tests (`rule_tests_round*.rs`): run the finder on a test
//! document, keep the indirect reports with their speakers, and set a tag or an attachment
//! by hand where a rule reads the parse.

use super::*;

pub(super) fn quotes(text: &str) -> Vec<Quote> {
    find_quotes(&crate::test_doc(text), &[])
}

pub(super) fn indirect_of(d: &Document) -> Vec<(String, Option<String>)> {
    find_quotes(d, &[])
        .into_iter()
        .filter(|q| !q.direct)
        .map(|q| (q.text, q.speaker))
        .collect()
}

pub(super) fn indirect(text: &str) -> Vec<(String, Option<String>)> {
    indirect_of(&crate::test_doc(text))
}

pub(super) fn index(d: &Document, word: &str) -> usize {
    d.tokens.iter().position(|t| t.text == word).unwrap()
}

/// A test document of `text` with every token tagged `NN`: for a rule that reads the tags,
/// the test then tags its verbs by hand.
pub(super) fn nouns_doc(text: &str) -> Document {
    let mut d = crate::test_doc(text);
    for tok in &mut d.tokens {
        tok.xpos = Some("NN".into());
    }
    d
}

/// Sets the fine tag of the first token spelled `word`.
pub(super) fn tag(d: &mut Document, word: &str, xpos: &str) {
    let k = index(d, word);
    d.tokens[k].xpos = Some(xpos.into());
}

/// Attaches the first token spelled `word` to the first spelled `head` (`None`: the root).
pub(super) fn attach(d: &mut Document, word: &str, head: Option<&str>, rel: &str) {
    let k = index(d, word);
    d.tokens[k].head = head.map(|h| index(d, h));
    d.tokens[k].deprel = Some(rel.into());
}

pub(super) fn pair(text: &str, speaker: &str) -> (String, Option<String>) {
    (text.to_string(), Some(speaker.to_string()))
}
