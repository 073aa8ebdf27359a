//! Reader for PETRARCH verb dictionaries (`CAMEO.2.0.txt`, `PETR.Validate.verbs.txt`).
//!
//! An independent reading of the format documented in PETRARCH2's `dictionaries.rst`; no
//! PETRARCH code is used. The file is line-based, so the reader is a small state machine
//! over lines, classified by their first character:
//!
//! | line | meaning |
//! |---|---|
//! | `&NAME` | starts a synonym set; the `+` lines right after it are its phrases |
//! | `--- NAME [CODE] ---` | starts a verb block with the code of the bare verb |
//! | `VERB {FORMS} [CODE]`, `+MULTI_WORD ...` | a verb of the current block |
//! | `- PATTERN [CODE] # comment` | a pattern of the current block |
//! | `~ a (b c V1) V2 = x y CODE` | a verb-on-verb transformation |
//! | `#`, `<!-- -->`, blank | comments |
//!
//! Malformed lines are errors naming file and line. Oddities that PETRARCH tolerates are
//! kept as [`ReadNote`]s: a pattern using a synset not defined before it is dropped (as
//! PETRARCH does), a verb marker glued to a word is split, TABARI `;` comments on verb lines
//! are cut. Patterns and verbs appearing before any block header are errors: there is no
//! verb for them to belong to.

use std::collections::HashMap;

use crate::error::EventsError;
use crate::matcher::WordHash;
use crate::pattern::{parse_elements, Element};
use crate::verb_dictionary::{
    form_key, regular_forms, CodePair, Pattern, ReadNote, Synset, SynsetMember, Transformation,
    Verb, VerbBlock, VerbDictionary, VerbPhrase, VerbRef,
};

/// Read a verb dictionary. Strict (`lenient == false`): the first malformed line is the
/// error. Lenient: malformed lines are skipped and listed in `VerbDictionary::skipped`, as
/// PETRARCH skips what it cannot use; the real `CAMEO.2.0.txt` has one such line.
pub(crate) fn read_verb_dictionary(
    text: &str,
    file: &str,
    lenient: bool,
) -> Result<VerbDictionary, EventsError> {
    let mut r = Reader {
        file,
        dict: VerbDictionary {
            file: file.to_string(),
            synsets: Vec::new(),
            blocks: Vec::new(),
            transformations: Vec::new(),
            notes: Vec::new(),
            skipped: Vec::new(),
            pattern_lines: 0,
            synset_index: HashMap::default(),
            forms: HashMap::default(),
        },
        open_synset: None,
        in_xml_comment: false,
        own: None,
    };
    for (i, raw) in text.lines().enumerate() {
        match r.line(i + 1, raw) {
            Ok(()) => {}
            Err(e) if lenient => {
                let (line, message) = match e {
                    EventsError::Line { line, message, .. } => (line, message),
                    other => (i + 1, other.to_string()),
                };
                r.dict.skipped.push(ReadNote { line, message });
            }
            Err(e) => return Err(e),
        }
    }
    if r.in_xml_comment {
        let message = "unclosed <!-- comment".to_string();
        if !lenient {
            return Err(EventsError::line(file, text.lines().count(), message));
        }
        r.dict.skipped.push(ReadNote {
            line: text.lines().count(),
            message,
        });
    }
    r.dict.forms = index_forms(&r.dict.blocks);
    Ok(r.dict)
}

/// Read `text`, a verb dictionary in the same format, on top of `base` (see
/// [`VerbDictionary::with_overlay`]). Strict: the first malformed line is the error, naming
/// `file` and the line.
pub(crate) fn read_overlay(
    base: &VerbDictionary,
    text: &str,
    file: &str,
) -> Result<VerbDictionary, EventsError> {
    // the overlay sees the base's synonym sets; its blocks are read apart, then merged
    let mut r = Reader {
        file,
        dict: VerbDictionary {
            file: file.to_string(),
            synsets: base.synsets.clone(),
            blocks: Vec::new(),
            transformations: Vec::new(),
            notes: Vec::new(),
            skipped: Vec::new(),
            pattern_lines: 0,
            synset_index: base.synset_index.clone(),
            forms: HashMap::default(),
        },
        open_synset: None,
        in_xml_comment: false,
        own: Some(file.to_string()),
    };
    for (i, raw) in text.lines().enumerate() {
        r.line(i + 1, raw)?;
    }
    if r.in_xml_comment {
        return Err(EventsError::line(
            file,
            text.lines().count(),
            "unclosed <!-- comment",
        ));
    }
    let over = r.dict;
    // the base's blocks and lists, the overlay's synonym sets (which started as the
    // base's); the forms are indexed again below, so the base's index is not copied
    let mut out = VerbDictionary {
        file: base.file.clone(),
        synsets: over.synsets,
        blocks: base.blocks.clone(),
        transformations: base.transformations.clone(),
        notes: base.notes.clone(),
        skipped: base.skipped.clone(),
        pattern_lines: base.pattern_lines,
        synset_index: over.synset_index,
        forms: HashMap::default(),
    };
    out.transformations.extend(over.transformations);
    out.pattern_lines += over.pattern_lines;
    // a verb the overlay lists leaves every block of the base
    let replaced: std::collections::HashSet<String> = over
        .blocks
        .iter()
        .flat_map(|b| &b.verbs)
        .map(|v| form_key(&v.lemma.text()))
        .collect();
    for b in &mut out.blocks {
        b.verbs
            .retain(|v| !replaced.contains(&form_key(&v.lemma.text())));
    }
    for block in over.blocks {
        let same = out
            .blocks
            .iter()
            .position(|b| b.file.is_none() && b.name == block.name);
        match same {
            // a block named like one of the base extends it
            Some(i) => {
                if block.code.is_some() {
                    return Err(EventsError::line(
                        file,
                        block.line,
                        format!(
                            "block {} extends the base's block of that name: write its header without a code",
                            block.name
                        ),
                    ));
                }
                out.blocks[i].verbs.extend(block.verbs);
                out.blocks[i].patterns.extend(block.patterns);
            }
            None => out.blocks.push(block),
        }
    }
    out.forms = index_forms(&out.blocks);
    Ok(out)
}

struct Reader<'f> {
    file: &'f str,
    /// The file recorded on what an overlay adds (blocks, verbs, patterns).
    own: Option<String>,
    dict: VerbDictionary,
    /// The synset whose `+` phrases may follow (set by `&NAME`, cleared by other lines).
    open_synset: Option<usize>,
    in_xml_comment: bool,
}

impl Reader<'_> {
    fn err(&self, line: usize, msg: impl Into<String>) -> EventsError {
        EventsError::line(self.file, line, msg)
    }

    fn note(&mut self, line: usize, message: impl Into<String>) {
        self.dict.notes.push(ReadNote {
            line,
            message: message.into(),
        });
    }

    fn line(&mut self, n: usize, raw: &str) -> Result<(), EventsError> {
        let trimmed = raw.trim();
        if self.in_xml_comment {
            if trimmed.contains("-->") {
                self.in_xml_comment = false;
            }
            return Ok(());
        }
        if trimmed.starts_with("<!--") {
            self.in_xml_comment = !trimmed.contains("-->");
            return Ok(());
        }
        let (body, comment) = match comment_start(trimmed) {
            Some(i) => (trimmed[..i].trim(), Some(trimmed[i + 1..].trim())),
            None => (trimmed, None),
        };
        if body.is_empty() {
            return Ok(());
        }
        let first = body.as_bytes()[0];
        if first == b'+' {
            if let Some(s) = self.open_synset {
                return self.synset_member(n, s, &body[1..]);
            }
        } else {
            self.open_synset = None;
        }
        match first {
            b'&' => self.synset_header(n, body),
            b'-' if body.starts_with("---") => self.block_header(n, body),
            b'-' => self.pattern(n, &body[1..], comment),
            b'~' => self.transformation(n, &body[1..]),
            _ => self.verb(n, body),
        }
    }

    fn synset_header(&mut self, n: usize, body: &str) -> Result<(), EventsError> {
        let label = body[1..].split_whitespace().next().unwrap_or("");
        if body[1..].split_whitespace().count() > 1 {
            return Err(self.err(
                n,
                format!("synonym set label {body:?} has more than one word"),
            ));
        }
        let plural = !label.ends_with('_');
        let name = label.trim_end_matches('_').to_ascii_uppercase();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            return Err(self.err(n, format!("bad synonym set label {label:?}")));
        }
        // The label's trailing `_` turns plurals off for all its phrases.
        let set = Synset {
            name: name.clone(),
            plurals: plural,
            members: Vec::new(),
            line: n,
        };
        let idx = match self.dict.synset_index.get(&name) {
            Some(&i) => {
                self.note(
                    n,
                    format!(
                        "synonym set &{name} redefined (first at line {})",
                        self.dict.synsets[i].line
                    ),
                );
                self.dict.synsets[i] = set;
                i
            }
            None => {
                self.dict.synsets.push(set);
                self.dict
                    .synset_index
                    .insert(name, self.dict.synsets.len() - 1);
                self.dict.synsets.len() - 1
            }
        };
        self.open_synset = Some(idx);
        Ok(())
    }

    fn synset_member(&mut self, n: usize, set: usize, text: &str) -> Result<(), EventsError> {
        let text = text.trim();
        if text.is_empty() {
            return Err(self.err(n, "empty synonym set phrase"));
        }
        let plural = self.dict.synsets[set].plurals && !text.ends_with('_');
        let mut words = Vec::new();
        for w in text
            .split(|c: char| c == '_' || c.is_whitespace())
            .filter(|w| !w.is_empty())
        {
            if let Some(name) = w.strip_prefix('&') {
                let name = name.to_ascii_uppercase();
                if !self.dict.synset_index.contains_key(&name) {
                    self.note(n, format!("synonym set phrase uses undefined set &{name}"));
                }
                words.push(Element::Synset(name));
            } else if w
                .chars()
                .any(|c| matches!(c, '$' | '*' | '%' | '^' | '(' | ')' | '{' | '}' | '[' | ']'))
            {
                return Err(self.err(
                    n,
                    format!("synonym set phrase may hold only words, found {w:?}"),
                ));
            } else {
                words.push(Element::Word(w.to_ascii_uppercase()));
            }
        }
        self.dict.synsets[set].members.push(SynsetMember {
            words,
            plural,
            line: n,
        });
        Ok(())
    }

    fn block_header(&mut self, n: usize, body: &str) -> Result<(), EventsError> {
        let rest = body.trim_start_matches('-');
        let (name, code) = match rest.find('[') {
            Some(open) => {
                let close = rest[open..]
                    .find(']')
                    .map(|c| open + c)
                    .ok_or_else(|| self.err(n, "block header: '[' without ']'"))?;
                let after = rest[close + 1..].trim_matches(|c: char| c == '-' || c.is_whitespace());
                if after.starts_with('[') && after.ends_with(']') {
                    self.note(
                        n,
                        format!("block header has a second code {after}: ignored"),
                    );
                } else if !after.is_empty() {
                    return Err(self.err(
                        n,
                        format!("block header: unexpected text after the code in {body:?}"),
                    ));
                }
                (rest[..open].trim(), self.code(n, &rest[open + 1..close])?)
            }
            None => (rest.trim_end_matches('-').trim(), None),
        };
        if name.is_empty() {
            return Err(self.err(n, "block header without a name"));
        }
        self.dict.blocks.push(VerbBlock {
            name: name.to_string(),
            code,
            verbs: Vec::new(),
            patterns: Vec::new(),
            line: n,
            file: self.own.clone(),
        });
        Ok(())
    }

    /// Parse the inside of `[...]`. Returns `None` for the null code.
    fn code(&mut self, n: usize, inner: &str) -> Result<Option<CodePair>, EventsError> {
        let inner = inner.trim();
        let (a, p) = match inner.split_once(':') {
            Some((a, p)) => (a.trim(), Some(p.trim())),
            None => (inner, None),
        };
        let side = |s: &str| -> Result<Option<String>, String> {
            if s.is_empty() || s == "---" {
                return Ok(None);
            }
            if !s
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '?' | '!' | '+' | '#' | '-'))
            {
                return Err(format!("bad event code {s:?}"));
            }
            Ok(Some(s.to_string()))
        };
        if inner.is_empty() {
            return Err(self.err(n, "empty code []"));
        }
        let active = side(a).map_err(|m| self.err(n, m))?;
        let passive = match p {
            Some(p) => side(p).map_err(|m| self.err(n, m))?,
            None => active.clone(),
        };
        let pair = CodePair {
            active,
            passive,
            written_pair: p.is_some(),
        };
        Ok((!pair.is_null()).then_some(pair))
    }

    fn current_block(&mut self, n: usize, what: &str) -> Result<&mut VerbBlock, EventsError> {
        let file = self.file;
        self.dict.blocks.last_mut().ok_or_else(|| {
            EventsError::line(
                file,
                n,
                format!("{what} before any '--- NAME ---' block header"),
            )
        })
    }

    fn verb(&mut self, n: usize, body: &str) -> Result<(), EventsError> {
        // TABARI-era coder initials after ';' are comments on verb lines.
        let body = match body.find(';') {
            Some(i) => {
                self.note(n, "';' comment on a verb line");
                body[..i].trim()
            }
            None => body,
        };
        let mut rest = body;
        let mut code = None;
        if let Some(open) = rest.find('[') {
            let close = rest[open..]
                .find(']')
                .map(|c| open + c)
                .ok_or_else(|| self.err(n, "verb line: '[' without ']'"))?;
            if !rest[close + 1..].trim().is_empty() {
                return Err(self.err(
                    n,
                    format!("verb line: unexpected text after the code in {body:?}"),
                ));
            }
            // an explicit `[---]` is kept as a null code: it overrides the block's code
            code = Some(self.code(n, &rest[open + 1..close])?.unwrap_or_default());
            rest = rest[..open].trim();
        }
        let mut forms = None;
        if let Some(open) = rest.find('{') {
            let close = rest[open..]
                .find('}')
                .map(|c| open + c)
                .ok_or_else(|| self.err(n, "verb line: '{' without '}'"))?;
            if !rest[close + 1..].trim().is_empty() {
                return Err(self.err(
                    n,
                    format!("verb line: unexpected text after the forms in {body:?}"),
                ));
            }
            let listed = rest[open + 1..close]
                .split(|c: char| c == ',' || c.is_whitespace())
                .filter(|f| !f.is_empty())
                .map(|f| verb_phrase(f).map_err(|m| self.err(n, m)))
                .collect::<Result<Vec<_>, _>>()?;
            forms = Some(listed);
            rest = rest[..open].trim();
        }
        if rest.is_empty() {
            return Err(self.err(n, "verb line without a verb"));
        }
        let joined;
        let rest = if rest.split_whitespace().count() > 1 {
            // TABARI wrote multi-word verbs with blanks ("LASH OUT"); read them as joined.
            self.note(
                n,
                format!("verb {rest:?} written with blanks: read as a multi-word verb"),
            );
            joined = rest.split_whitespace().collect::<Vec<_>>().join("_");
            joined.as_str()
        } else {
            rest
        };
        let lemma = verb_phrase(rest).map_err(|m| self.err(n, m))?;
        let listed_forms = forms.is_some();
        let forms = forms.unwrap_or_else(|| {
            regular_forms(lemma.head_word())
                .into_iter()
                .map(|f| {
                    let mut words = lemma.words.clone();
                    words[lemma.head] = f;
                    VerbPhrase {
                        words,
                        head: lemma.head,
                    }
                })
                .collect()
        });
        let verb = Verb {
            lemma,
            forms,
            listed_forms,
            code,
            line: n,
            file: self.own.clone(),
        };
        self.current_block(n, "verb")?.verbs.push(verb);
        Ok(())
    }

    fn pattern(&mut self, n: usize, body: &str, comment: Option<&str>) -> Result<(), EventsError> {
        self.current_block(n, "pattern")?;
        self.dict.pattern_lines += 1;
        let body = body.trim_end();
        if !body.ends_with(']') {
            return Err(self.err(n, "pattern does not end with a [code]"));
        }
        let open = body
            .rfind('[')
            .ok_or_else(|| self.err(n, "pattern: ']' without '['"))?;
        let code_text = &body[open + 1..body.len() - 1];
        if code_text.ends_with('!') {
            self.note(
                n,
                format!(
                    "odd code [{code_text}]: read as [{}]",
                    code_text.trim_end_matches('!')
                ),
            );
        }
        let code = self
            .code(n, code_text.trim_end_matches('!'))?
            .unwrap_or_default();
        let text = body[..open].trim();
        let index = &self.dict.synset_index;
        let mut notes = Vec::new();
        let elements = parse_elements(text, &|s: &str| index.contains_key(s), &mut notes)
            .map_err(|m| self.err(n, format!("pattern {text:?}: {m}")))?;
        for m in notes {
            self.note(n, m);
        }
        if elements.is_empty() {
            return Err(self.err(n, "empty pattern"));
        }
        if !elements.iter().any(Element::holds_verb) {
            return Err(self.err(n, format!("pattern {text:?} has no verb marker '*'")));
        }
        let mut used = Vec::new();
        elements.iter().for_each(|e| e.synsets(&mut used));
        if let Some(undef) = used
            .iter()
            .find(|s| !self.dict.synset_index.contains_key(**s))
        {
            let msg =
                format!("pattern {text:?} dropped: synonym set &{undef} is not defined before it");
            self.note(n, msg);
            return Ok(());
        }
        let pattern = Pattern {
            elements,
            code,
            comment: comment.filter(|c| !c.is_empty()).map(str::to_string),
            text: text.to_string(),
            line: n,
            file: self.own.clone(),
        };
        self.current_block(n, "pattern")?.patterns.push(pattern);
        Ok(())
    }

    fn transformation(&mut self, n: usize, body: &str) -> Result<(), EventsError> {
        let spaced = body.replace('(', " ( ").replace(')', " ) ");
        let t: Vec<&str> = spaced.split_whitespace().collect();
        let shape_ok = t.len() == 11 && t[1] == "(" && t[5] == ")" && t[7] == "=";
        if !shape_ok {
            return Err(self.err(
                n,
                "transformation must read '~ a (b c VERB) VERB = x y CODE'",
            ));
        }
        self.dict.transformations.push(Transformation {
            upper_source: t[0].into(),
            lower_source: t[2].into(),
            lower_target: t[3].into(),
            lower_verb: t[4].into(),
            upper_verb: t[6].into(),
            result_source: t[8].into(),
            result_target: t[9].into(),
            result_code: t[10].into(),
            line: n,
        });
        Ok(())
    }
}

/// Every verb form (lemma and inflections) of `blocks`, to the verbs carrying it.
fn index_forms(blocks: &[VerbBlock]) -> HashMap<String, Vec<VerbRef>, WordHash> {
    let mut forms: HashMap<String, Vec<VerbRef>, WordHash> = HashMap::default();
    for (b, block) in blocks.iter().enumerate() {
        for (v, verb) in block.verbs.iter().enumerate() {
            let r = VerbRef { block: b, verb: v };
            for phrase in std::iter::once(&verb.lemma).chain(&verb.forms) {
                // the reader writes a phrase's words in upper case, without separators:
                // joined by spaces they are their own key then
                let text = phrase.text();
                let key = if phrase.words.iter().all(|w| is_key_word(w)) {
                    text
                } else {
                    form_key(&text)
                };
                let refs = forms.entry(key).or_default();
                if !refs.contains(&r) {
                    refs.push(r);
                }
            }
        }
    }
    forms
}

/// True when `form_key` leaves `w` as it is, a word of a key: not empty, no separator
/// (`_`, whitespace), no lower-case ASCII letter.
fn is_key_word(w: &str) -> bool {
    !w.is_empty()
        && !w
            .chars()
            .any(|c| c == '_' || c.is_whitespace() || c.is_ascii_lowercase())
}

/// Where the comment starts: the first `#` outside `[...]` (a code may be `[###]`).
fn comment_start(line: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in line.char_indices() {
        match c {
            '[' => depth += 1,
            ']' => depth = depth.saturating_sub(1),
            '#' if depth == 0 => return Some(i),
            _ => {}
        }
    }
    None
}

/// `+CORDON_OFF`, `WIRE_+TAP`, `ACCELERATE`: words and which one is the verb.
fn verb_phrase(token: &str) -> Result<VerbPhrase, String> {
    let parts: Vec<&str> = token.split('_').filter(|p| !p.is_empty()).collect();
    if parts.is_empty() {
        return Err(format!("empty verb {token:?}"));
    }
    let marked: Vec<usize> = (0..parts.len())
        .filter(|&i| parts[i].starts_with('+'))
        .collect();
    if marked.len() > 1 {
        return Err(format!("verb {token:?} marks more than one word with '+'"));
    }
    let head = marked.first().copied().unwrap_or(0);
    let words: Vec<String> = parts
        .iter()
        .map(|p| p.trim_start_matches('+').to_ascii_uppercase())
        .collect();
    if let Some(w) = words.iter().find(|w| {
        w.is_empty()
            || !w
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '\'' | '.'))
    }) {
        return Err(format!("bad word {w:?} in verb {token:?}"));
    }
    Ok(VerbPhrase { words, head })
}

#[cfg(test)]
mod tests {
    use crate::pattern::Element::{self, *};
    use crate::verb_dictionary::VerbDictionary;

    const SNIPPET: &str = "\
# a comment
<!-- an XML-style
     comment -->
&MILITARY
+SOLDIER
+ARMY
+POLICE_    # no plural

&AUX_
+WILL
+IS_TO

--- MEET  [040:040]  ---
MEET {MEETS MET MEETING}
+SIT_DOWN {+SITS_DOWN +SAT_DOWN} [043]
WIRE_+TAP
CONVENE ;xyz 1/2/93
- * $ (IN +)                         [044]  # MEET
- &MILITARY * +                      [:190]
- % * {PEACE TALKS}                  [046]
- * FRIEND_OF_&MILITARY              [---]

--- ACCUSE [112] ---
ACCUSE
- + * (OF {WAR CRIMES})  [1124]

~ a (a b ATTACK) SAY = a b 015
";

    fn w(s: &str) -> Element {
        Word(s.into())
    }

    #[test]
    fn reads_a_handwritten_dictionary() {
        let d = VerbDictionary::parse(SNIPPET, "s.txt").unwrap_or_else(|e| panic!("{e}"));
        let s = d.stats();
        assert_eq!(
            (
                s.synsets,
                s.blocks,
                s.verbs,
                s.pattern_lines,
                s.patterns,
                s.transformations
            ),
            (2, 2, 5, 5, 5, 1)
        );
        assert_eq!(
            d.synset_phrases("MILITARY"),
            [
                vec!["ARMIES".to_string()],
                vec!["ARMY".into()],
                vec!["POLICE".into()],
                vec!["SOLDIER".into()],
                vec!["SOLDIERS".into()]
            ]
        );
        assert_eq!(
            d.synset_phrases("&AUX_"),
            [vec!["IS".to_string(), "TO".into()], vec!["WILL".into()]]
        );

        let meet = &d.blocks[0];
        assert_eq!(meet.name, "MEET");
        assert_eq!(meet.code.as_ref().unwrap().for_voice(true), Some("040"));
        assert_eq!(
            meet.verbs[0]
                .forms
                .iter()
                .map(|f| f.text())
                .collect::<Vec<_>>(),
            ["MEETS", "MET", "MEETING"]
        );
        let sit = &meet.verbs[1];
        assert_eq!((sit.lemma.text().as_str(), sit.lemma.head), ("SIT DOWN", 0));
        assert_eq!(sit.code.as_ref().unwrap().active.as_deref(), Some("043"));
        let tap = &meet.verbs[2];
        assert_eq!((tap.lemma.head, tap.listed_forms), (1, false));
        assert_eq!(
            tap.forms[1].text(),
            "WIRE TAPED",
            "regular forms inflect the marked word only"
        );
        assert!(d
            .notes
            .iter()
            .any(|n| n.line == 17 && n.message.contains("';'")));

        // lookups by any form, in any case, spaces or underscores
        let r = d.lookup("sat_down");
        assert_eq!(r.len(), 1);
        assert_eq!(d.verb_code(r[0]).unwrap().active.as_deref(), Some("043"));
        assert_eq!(
            d.verb_code(d.lookup("convened")[0])
                .unwrap()
                .active
                .as_deref(),
            Some("040")
        );
        assert!(d.lookup("accused").len() == 1 && d.lookup("unknown").is_empty());

        let p = &meet.patterns[0];
        assert_eq!(
            p.elements,
            vec![
                Verb,
                Source,
                Element::Prep {
                    prep: Box::new(w("IN")),
                    object: vec![Target]
                }
            ]
        );
        assert_eq!(
            (p.comment.as_deref(), p.line, p.text.as_str()),
            (Some("MEET"), 18, "* $ (IN +)")
        );
        let p = &meet.patterns[1];
        assert_eq!(
            (p.code.active.clone(), p.code.passive.as_deref()),
            (None, Some("190"))
        );
        assert_eq!(p.before_verb(), &[Synset("MILITARY".into())]);
        assert_eq!(p.after_verb(), &[Target]);
        assert_eq!(meet.patterns[2].elements[0], Compound);
        assert!(meet.patterns[3].code.is_null());
        assert_eq!(
            meet.patterns[3].elements[1],
            Consecutive(vec![w("FRIEND"), w("OF"), Synset("MILITARY".into())])
        );

        let t = &d.transformations[0];
        assert_eq!(
            (
                t.lower_verb.as_str(),
                t.upper_verb.as_str(),
                t.result_code.as_str()
            ),
            ("ATTACK", "SAY", "015")
        );
        assert_eq!(d.patterns_for("accuses").count(), 1);
    }

    #[test]
    fn malformed_lines_are_errors_with_file_and_line() {
        let cases = [
            (
                "- * AID [070]\n",
                "x.txt:1: pattern before any '--- NAME ---' block header",
            ),
            (
                "ACCUSE\n",
                "x.txt:1: verb before any '--- NAME ---' block header",
            ),
            (
                "--- A ---\nA\n- * AID\n",
                "x.txt:3: pattern does not end with a [code]",
            ),
            (
                "--- A ---\nA\n- * (FOR AID [070]\n",
                "x.txt:3: pattern \"* (FOR AID\": unclosed '('",
            ),
            (
                "--- A ---\nA\n- AID [070]\n",
                "x.txt:3: pattern \"AID\" has no verb marker '*'",
            ),
            ("--- A ---\nA\n- * AID []\n", "x.txt:3: empty code []"),
            (
                "--- A ---\nA\n- * AID [07 0]\n",
                "x.txt:3: bad event code \"07 0\"",
            ),
            ("--- A [070 ---\n", "x.txt:1: block header: '[' without ']'"),
            (
                "--- A [070] xyz ---\n",
                "x.txt:1: block header: unexpected text after the code in \"--- A [070] xyz ---\"",
            ),
            ("--- [070] ---\n", "x.txt:1: block header without a name"),
            ("--- A ---\nA {AS\n", "x.txt:2: verb line: '{' without '}'"),
            (
                "--- A ---\n+A_+B\n",
                "x.txt:2: verb \"+A_+B\" marks more than one word with '+'",
            ),
            (
                "&SET\n+A$B\n",
                "x.txt:2: synonym set phrase may hold only words, found \"A$B\"",
            ),
            ("&\n", "x.txt:1: bad synonym set label \"\""),
            (
                "~ a (a b) SAY = a b 015\n",
                "x.txt:1: transformation must read '~ a (b c VERB) VERB = x y CODE'",
            ),
            ("<!-- never closed\n\n", "x.txt:2: unclosed <!-- comment"),
        ];
        for (text, want) in cases {
            let got = VerbDictionary::parse(text, "x.txt")
                .map(|_| ())
                .unwrap_err()
                .to_string();
            assert_eq!(got, want, "for {text:?}");
        }
    }

    #[test]
    fn lenient_read_skips_bad_lines_and_keeps_the_rest() {
        let text = "--- A [010] ---\nA\n- * (FOR AID [070]\n- * AID [070]\n- * &NOPE [071]\n";
        let d = VerbDictionary::parse_lenient(text, "x.txt");
        assert_eq!(d.skipped.len(), 1);
        assert_eq!(d.skipped[0].line, 3);
        assert_eq!(
            d.blocks[0].patterns.len(),
            1,
            "the undefined-synset pattern is dropped too"
        );
        assert!(d
            .notes
            .iter()
            .any(|n| n.line == 5 && n.message.contains("&NOPE")));
        assert_eq!(d.stats().pattern_lines, 3);
    }
}
