//! Text stages of dyad: cleaning, sentence segmentation and tokenization, each keeping byte
//! offsets into the text, plus the CoNLL-U reader used by training and evaluation.

pub mod conllu;
