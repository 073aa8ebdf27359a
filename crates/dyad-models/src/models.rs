//! The three models together, and how they fill a [`Document`].
//!
//! [`Models`] runs tagger -> morphology -> parser -> NER on each sentence; the parser and NER
//! read the tagger's output, so they always run in that order. Everything is immutable after
//! loading; the per-thread [`Scratch`] holds all buffers, so annotating allocates only the
//! strings it writes into the document.

use std::path::{Path, PathBuf};

use dyad_core::{Document, Entity, Span};

use crate::ner::{EntitySpan, Ner, NerScratch};
use crate::parser::{ParseScratch, Parser};
use crate::tagger::{TagScratch, Tagger};
use crate::{codec, ModelError};

/// File names of the models inside a model directory.
pub const TAGGER_FILE: &str = "tagger.bin";
pub const PARSER_FILE: &str = "parser.bin";
pub const NER_FILE: &str = "ner.bin";

/// `s.to_lowercase()` into a reused buffer (without decoding characters when `s` is ASCII).
fn lowercase_into(s: &str, out: &mut String) {
    out.clear();
    if s.is_ascii() {
        out.push_str(s);
        out.make_ascii_lowercase();
    } else {
        out.push_str(&s.to_lowercase());
    }
}

/// Tagger (with features and lemmas), parser and NER. Immutable, `Send + Sync`.
#[derive(Clone, Debug)]
pub struct Models {
    pub tagger: Tagger,
    pub parser: Parser,
    pub ner: Ner,
}

/// Per-thread buffers, and the analysis of the last sentence.
#[derive(Default)]
pub struct Scratch {
    tag: TagScratch,
    parse: ParseScratch,
    ner: NerScratch,
    /// Tagger label ids of the last sentence (see [`Tagger::label`]).
    pub tags: Vec<u16>,
    /// 1-based heads (0 = root) of the last sentence.
    pub heads: Vec<usize>,
    /// Relation ids (see [`Parser::label`]).
    pub rels: Vec<u16>,
    /// Entities of the last sentence.
    pub entities: Vec<EntitySpan>,
}

impl Models {
    /// Loads `tagger.bin`, `parser.bin` and `ner.bin` from `dir`.
    ///
    /// The three files are read into the same buffers, sized once for the largest
    /// ([`codec::Reader`]): fresh memory is cleared by the kernel, once per page.
    pub fn load(dir: &Path) -> Result<Models, ModelError> {
        let paths = [TAGGER_FILE, PARSER_FILE, NER_FILE].map(|f| dir.join(f));
        let mut r = codec::Reader::default();
        r.reserve_for(&paths.each_ref().map(|p| p.as_path()));
        Ok(Models {
            tagger: Tagger::load_with(&paths[0], &mut r)?,
            parser: Parser::load_with(&paths[1], &mut r)?,
            ner: Ner::load_with(&paths[2], &mut r)?,
        })
    }

    /// The default model directory: `$DYAD_MODELS` if set, else `models/` of the source tree.
    pub fn default_dir() -> PathBuf {
        match std::env::var_os("DYAD_MODELS") {
            Some(d) => PathBuf::from(d),
            None => Path::new(env!("CARGO_MANIFEST_DIR")).join("../../models"),
        }
    }

    /// Loads the models from [`Models::default_dir`].
    pub fn load_default() -> Result<Models, ModelError> {
        Models::load(&Models::default_dir())
    }

    /// Tags, parses and finds entities in one sentence of `forms`; the results are in `s`.
    pub fn analyze(&self, forms: &[&str], s: &mut Scratch) {
        self.tagger.tag(forms, &mut s.tag, &mut s.tags);
        self.parser
            .parse(&s.tag.lex, &s.tags, &mut s.parse, &mut s.heads, &mut s.rels);
        self.ner
            .recognize(&s.tag.lex, &s.tags, &mut s.ner, &mut s.entities);
    }

    /// Fills lemma, UPOS, XPOS, features, head and relation of every token in `doc`, and its
    /// entities. Tokens outside any sentence are analysed as one sentence each.
    pub fn annotate(&self, doc: &mut Document) {
        self.annotate_with(doc, &mut Scratch::default());
    }

    /// [`Models::annotate`] with caller-provided buffers.
    pub fn annotate_with(&self, doc: &mut Document, s: &mut Scratch) {
        let mut ranges: Vec<[usize; 2]> = doc.sentences.iter().map(|x| x.tokens).collect();
        if ranges.is_empty() && !doc.tokens.is_empty() {
            ranges.push([0, doc.tokens.len()]);
        }
        doc.entities.clear();
        let mut lower = String::new();
        for [a, b] in ranges {
            if a >= b || b > doc.tokens.len() {
                continue;
            }
            let forms: Vec<&str> = doc.tokens[a..b].iter().map(|t| t.text.as_str()).collect();
            self.analyze(&forms, s);
            for (i, tok) in doc.tokens[a..b].iter_mut().enumerate() {
                let label = self.tagger.label(s.tags[i]);
                lowercase_into(&tok.text, &mut lower);
                tok.upos = Some(label.upos.clone());
                tok.xpos = Some(label.xpos.clone());
                tok.feats = Some(self.tagger.feats(&lower, s.tags[i]).to_string());
                tok.lemma = Some(self.tagger.lemma(&tok.text, &lower, s.tags[i]));
                tok.head = match s.heads[i] {
                    0 => None,
                    h => Some(a + h - 1),
                };
                tok.deprel = Some(self.parser.label(s.rels[i]).to_string());
            }
            for e in &s.entities {
                let (first, last) = (&doc.tokens[a + e.start], &doc.tokens[a + e.end - 1]);
                doc.entities.push(Entity {
                    span: Span::new(first.span.start, last.span.end),
                    label: self.ner.type_name(e.ty).to_string(),
                    tokens: [a + e.start, a + e.end],
                });
            }
        }
    }
}
