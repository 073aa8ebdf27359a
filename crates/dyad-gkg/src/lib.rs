//! The knowledge-graph side of dyad: what GDELT's Global Knowledge Graph records about a
//! document besides its events.
//!
//! Each module reads a [`dyad_core::Document`] that has sentences and tokens (the parse is not
//! yet in the pipeline, so everything here works on tokens) and returns serde records with
//! byte spans into [`Document::text`]:
//!
//! - [`tone`]: the seven GDELT V1.5TONE numbers per document and per sentence (VADER lexicon);
//!
//! [`annotate_gkg`] runs them all.
//!
//! ```
//! use dyad_core::{DocMeta, Document, Span};
//!
//! let input = "Officials said on Wednesday the talks were very good.";
//! let mut doc = Document::new(DocMeta::new("x.txt", input.as_bytes()), String::new());
//! dyad_text::clean_into(&mut doc, input, Span::new(0, input.len()));
//! dyad_text::annotate(&mut doc);
//! let gkg = dyad_gkg::annotate_gkg(&doc).unwrap();
//! assert!(gkg.tone.tone > 0.0);
//! ```

mod error;
pub mod tone;

use dyad_core::Document;
use serde::{Deserialize, Serialize};

pub use error::GkgError;
pub use tone::{Tone, ToneLexicon};

/// Everything this crate finds in one document.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gkg {
    /// Tone of the whole document.
    pub tone: Tone,
    /// Tone of each sentence, in the order of [`Document::sentences`].
    pub sentence_tones: Vec<Tone>,
}

/// Runs every annotator of this crate over `doc`. Fails only if an embedded table does not
/// parse, which the crate's tests rule out.
pub fn annotate_gkg(doc: &Document) -> Result<Gkg, &'static GkgError> {
    let lex = ToneLexicon::builtin()?;
    let sentence_tones = (0..doc.sentences.len())
        .map(|i| lex.tone(doc.sentence_tokens(i)))
        .collect();
    Ok(Gkg {
        tone: lex.tone(&doc.tokens),
        sentence_tones,
    })
}
