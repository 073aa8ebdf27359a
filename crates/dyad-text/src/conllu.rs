//! A reader (and writer) of CoNLL-U, the Universal Dependencies treebank format.
//!
//! Training and evaluation read the UD treebanks through this module. It is strict about what
//! it needs (ten tab-separated columns, numeric ids and heads) and reports the line of the first
//! problem; empty nodes (`8.1`) are skipped, multiword token lines are kept apart from words.

use std::fmt::Write as _;

/// A CoNLL-U problem with the 1-based line it was found on.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[error("CoNLL-U line {line}: {message}")]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

/// One syntactic word (a line with an integer id).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Word {
    /// 1-based index in the sentence.
    pub id: usize,
    pub form: String,
    pub lemma: String,
    pub upos: String,
    pub xpos: String,
    pub feats: String,
    /// 0 for the root.
    pub head: usize,
    pub deprel: String,
    pub deps: String,
    pub misc: String,
}

impl Word {
    /// True unless MISC says `SpaceAfter=No`.
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// A multiword token line such as `1-2 can't`: words `first..=last` are written as `form`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MultiWord {
    pub first: usize,
    pub last: usize,
    pub form: String,
    pub misc: String,
}

impl MultiWord {
    pub fn space_after(&self) -> bool {
        !self.misc.split('|').any(|m| m == "SpaceAfter=No")
    }
}

/// One sentence of a treebank.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ConlluSentence {
    /// `# sent_id = ...`
    pub sent_id: Option<String>,
    /// `# text = ...`
    pub text: Option<String>,
    /// A `# newdoc` comment precedes this sentence.
    pub newdoc: bool,
    /// A `# newpar` comment precedes this sentence.
    pub newpar: bool,
    pub comments: Vec<String>,
    pub words: Vec<Word>,
    pub multiwords: Vec<MultiWord>,
}

impl ConlluSentence {
    /// The surface tokens in order: multiword tokens as one, other words as themselves, each
    /// with its SpaceAfter flag. This is what a tokenizer is asked to reproduce.
    pub fn surface_tokens(&self) -> Vec<(String, bool)> {
        let mut out = Vec::with_capacity(self.words.len());
        let mut i = 0;
        while i < self.words.len() {
            let id = self.words[i].id;
            if let Some(mw) = self.multiwords.iter().find(|m| m.first == id) {
                out.push((mw.form.clone(), mw.space_after()));
                while i < self.words.len() && self.words[i].id <= mw.last {
                    i += 1;
                }
            } else {
                out.push((self.words[i].form.clone(), self.words[i].space_after()));
                i += 1;
            }
        }
        out
    }

    /// The sentence text: `# text` when present, otherwise rebuilt from the surface tokens.
    pub fn raw_text(&self) -> String {
        if let Some(t) = &self.text {
            return t.clone();
        }
        let mut s = String::new();
        for (form, space) in self.surface_tokens() {
            s.push_str(&form);
            if space {
                s.push(' ');
            }
        }
        s.truncate(s.trim_end().len());
        s
    }

    /// Writes the sentence back as CoNLL-U (comments, multiword lines and words).
    pub fn to_conllu(&self) -> String {
        let mut s = String::new();
        for c in &self.comments {
            let _ = writeln!(s, "{c}");
        }
        for w in &self.words {
            if let Some(mw) = self.multiwords.iter().find(|m| m.first == w.id) {
                let _ = writeln!(
                    s,
                    "{}-{}\t{}\t_\t_\t_\t_\t_\t_\t_\t{}",
                    mw.first, mw.last, mw.form, mw.misc
                );
            }
            let _ = writeln!(
                s,
                "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
                w.id, w.form, w.lemma, w.upos, w.xpos, w.feats, w.head, w.deprel, w.deps, w.misc
            );
        }
        s.push('\n');
        s
    }
}

/// Parses a whole CoNLL-U text.
pub fn parse(input: &str) -> Result<Vec<ConlluSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = ConlluSentence::default();
    let mut started = false;
    let mut nodes = 0; // non-comment lines of the current block
    for (n, raw) in input.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end_matches('\r');
        if line.trim().is_empty() {
            if started {
                finish(&mut cur, nodes, line_no)?;
                out.push(std::mem::take(&mut cur));
                started = false;
                nodes = 0;
            }
            continue;
        }
        started = true;
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim();
            if let Some(v) = c.strip_prefix("sent_id") {
                cur.sent_id = Some(v.trim_start_matches([' ', '=']).trim().to_string());
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = Some(v.trim().to_string());
            } else if c.starts_with("newdoc") {
                cur.newdoc = true;
            } else if c.starts_with("newpar") {
                cur.newpar = true;
            }
            cur.comments.push(line.to_string());
            continue;
        }
        nodes += 1;
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(
                line_no,
                format!("expected 10 tab-separated columns, found {}", cols.len()),
            ));
        }
        let id = cols[0];
        if id.contains('.') {
            continue; // empty node of an enhanced graph
        }
        if let Some((a, b)) = id.split_once('-') {
            let first = num(a, line_no, "multiword start")?;
            let last = num(b, line_no, "multiword end")?;
            if last < first {
                return Err(err(
                    line_no,
                    format!("multiword range {id} ends before it starts"),
                ));
            }
            cur.multiwords.push(MultiWord {
                first,
                last,
                form: cols[1].to_string(),
                misc: cols[9].to_string(),
            });
            continue;
        }
        let id = num(id, line_no, "word id")?;
        let head = if cols[6] == "_" {
            0
        } else {
            num(cols[6], line_no, "head")?
        };
        cur.words.push(Word {
            id,
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: cols[3].to_string(),
            xpos: cols[4].to_string(),
            feats: cols[5].to_string(),
            head,
            deprel: cols[7].to_string(),
            deps: cols[8].to_string(),
            misc: cols[9].to_string(),
        });
    }
    if started {
        finish(&mut cur, nodes, input.lines().count())?;
        out.push(cur);
    }
    Ok(out)
}

/// Checks a finished block of `nodes` non-comment lines: word ids 1..n, heads and multiword
/// ranges inside the sentence, and at least one word unless the block is only comments (a
/// block of empty nodes or multiword lines alone would be written back as nothing), and
/// multiword ranges in order, not overlapping (the writer puts each before its first word).
fn finish(s: &mut ConlluSentence, nodes: usize, line: usize) -> Result<(), ConlluError> {
    if s.words.is_empty() && nodes > 0 {
        return Err(err(
            line,
            "a sentence with empty nodes or multiword lines but no words".into(),
        ));
    }
    let mut prev_last = 0;
    for m in &s.multiwords {
        if m.first == 0 || m.last > s.words.len() || m.first <= prev_last {
            return Err(err(
                line,
                format!(
                    "multiword range {}-{} is not inside the sentence's {} words, after the \
                     previous range",
                    m.first,
                    m.last,
                    s.words.len()
                ),
            ));
        }
        prev_last = m.last;
    }
    for (i, w) in s.words.iter().enumerate() {
        if w.id != i + 1 {
            return Err(err(
                line,
                format!(
                    "word ids are not 1..n in order (found {} at position {})",
                    w.id,
                    i + 1
                ),
            ));
        }
        if w.head > s.words.len() {
            return Err(err(
                line,
                format!("word {} has head {} beyond the sentence", w.id, w.head),
            ));
        }
    }
    Ok(())
}

fn num(s: &str, line: usize, what: &str) -> Result<usize, ConlluError> {
    s.parse()
        .map_err(|_| err(line, format!("{what} {s:?} is not a number")))
}

fn err(line: usize, message: String) -> ConlluError {
    ConlluError { line, message }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# newdoc id = d1\n# sent_id = s1\n# text = I can't go.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n2-3\tcan't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tca\tcan\tAUX\tMD\t_\t0\troot\t_\tSpaceAfter=No\n3\tn't\tnot\tPART\tRB\t_\t2\tadvmod\t_\t_\n4\tgo\tgo\tVERB\tVB\t_\t2\txcomp\t_\tSpaceAfter=No\n5\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_\n\n";

    #[test]
    fn parses_words_multiwords_and_comments() {
        let s = parse(SAMPLE).unwrap();
        assert_eq!(s.len(), 1);
        let s = &s[0];
        assert!(s.newdoc);
        assert_eq!(s.sent_id.as_deref(), Some("s1"));
        assert_eq!(s.text.as_deref(), Some("I can't go."));
        assert_eq!(s.words.len(), 5);
        assert_eq!(s.words[1].form, "ca");
        assert_eq!(s.words[0].head, 3);
        let surface = s.surface_tokens();
        assert_eq!(surface[1], ("can't".to_string(), true));
        assert_eq!(surface.len(), 4);
    }

    #[test]
    fn round_trips_through_writer() {
        let s = parse(SAMPLE).unwrap();
        let again = parse(&s[0].to_conllu()).unwrap();
        assert_eq!(s, again);
    }

    #[test]
    fn reports_the_bad_line() {
        let bad = "1\tI\tI\tPRON\tPRP\t_\t0\troot\t_\n";
        let e = parse(bad).unwrap_err();
        assert_eq!(e.line, 1);
        assert!(e.message.contains("10 tab-separated"));
        let bad_head = "1\tI\tI\tPRON\tPRP\t_\tx\troot\t_\t_\n";
        assert!(parse(bad_head).unwrap_err().message.contains("head"));
        let far = "1\tI\tI\tPRON\tPRP\t_\t7\troot\t_\t_\n\n";
        assert!(parse(far).unwrap_err().message.contains("beyond"));
    }

    #[test]
    fn fuzz_empty_node_only_block_is_an_error_not_an_empty_sentence() {
        // Found by fuzz/conllu: this parsed to a sentence with no words, which
        // `to_conllu` wrote back as a blank line that parsed to no sentence at all.
        let e = parse("1.1\tgo\tgo\tVERB\tVB\t_\t_\t_\t0:root\t_\n\n").unwrap_err();
        assert!(e.message.contains("no words"), "{e:?}");
        let e =
            parse("1-2\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\n")
                .unwrap_err();
        assert!(e.message.contains("not inside the sentence"), "{e:?}");
        // Found by fuzz/conllu: a range starting at word 0 was dropped by the writer.
        let e =
            parse("0-1\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n1\tdo\tdo\tAUX\tVBP\t_\t0\troot\t_\t_\n\n")
                .unwrap_err();
        assert!(e.message.contains("not inside the sentence"), "{e:?}");
        // A block of comments alone is still read, and round-trips.
        let s = parse("# newdoc id = d1\n\n").unwrap();
        assert_eq!(parse(&s[0].to_conllu()).unwrap(), s);
    }
}
