//! Character normalisation with an offset map.
//!
//! Later stages match words against dictionaries and models trained on clean text, so the
//! cleaner rewrites what only looks different: text is put in Unicode NFC; exotic spaces
//! (no-break, thin, ideographic, tabs, lone carriage returns) become a plain space and runs of spaces collapse to
//! one; invisible characters (zero-width spaces and joiners, BOM, soft hyphen, control
//! characters) are removed. Dashes and quotes carry meaning and are kept, curly quotes
//! included; only their odd variants are unified: the hyphen and non-breaking hyphen
//! (U+2010, U+2011) and the minus sign become `-`, the figure dash `–`, the horizontal bar `—`,
//! fullwidth quotes their ASCII forms, reversed or modifier apostrophes `’` and the reversed
//! double quote `”`.
//!
//! Every change is recorded in an [`OffsetMapBuilder`] so spans of the output map back to the
//! input bytes; unchanged runs are copied as one segment, so a clean ASCII text costs one
//! segment per line.

use dyad_core::OffsetMapBuilder;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc, UnicodeNormalization};

/// What to write in place of one input char.
enum Action {
    Keep,
    Drop,
    Space,
    Replace(char),
}

fn action(c: char) -> Action {
    match c {
        ' ' => Action::Space,
        '\t'
        | '\r'
        | '\u{b}'
        | '\u{c}'
        | '\u{a0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200a}'
        | '\u{202f}'
        | '\u{205f}'
        | '\u{3000}'
        | '\u{85}'
        | '\u{2028}'
        | '\u{2029}' => Action::Space,
        '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}' | '\u{ad}' => Action::Drop,
        c if c.is_control() => Action::Drop,
        '\u{2010}' | '\u{2011}' | '\u{2212}' => Action::Replace('-'),
        '\u{2012}' => Action::Replace('\u{2013}'),
        '\u{2015}' => Action::Replace('\u{2014}'),
        '\u{ff02}' => Action::Replace('"'),
        '\u{ff07}' => Action::Replace('\''),
        '\u{201b}' | '\u{2bc}' => Action::Replace('\u{2019}'),
        '\u{201f}' => Action::Replace('\u{201d}'),
        _ => Action::Keep,
    }
}

/// True for the chars that [`normalize_into`] turns into a space or removes; the cleaner
/// trims them from the ends of lines.
pub(crate) fn is_blank(c: char) -> bool {
    matches!(action(c), Action::Space | Action::Drop)
}

/// Appends the normalised form of `input[start..end]` to `out` and records it in `map`.
/// The range must lie on char boundaries.
pub(crate) fn normalize_into(
    input: &str,
    start: usize,
    end: usize,
    out: &mut String,
    map: &mut OffsetMapBuilder,
) {
    let slice = &input[start..end];
    let check_nfc = !slice.is_ascii() && !is_nfc(slice);
    let mut run = start; // start of the pending verbatim run
    let mut p = start;
    let flush = |out: &mut String, map: &mut OffsetMapBuilder, from: usize, to: usize| {
        if to > from {
            out.push_str(&input[from..to]);
            map.copy(from, to - from);
        }
    };
    while p < end {
        let byte = input.as_bytes()[p];
        if !check_nfc && byte.is_ascii_graphic() {
            p += 1; // the common case: kept as it is
            continue;
        }
        let c = input[p..].chars().next().unwrap_or(' ');
        let len = c.len_utf8();
        if check_nfc && (!c.is_ascii() || next_is_mark(input, p + len, end)) {
            let q = cluster_end(input, p + len, end);
            let cluster = &input[p..q];
            if !is_nfc(cluster) {
                let composed: String = cluster.nfc().collect();
                if mappable(cluster, &composed) {
                    flush(out, map, run, p);
                    out.push_str(&composed);
                    map.replace(p, q - p, composed.len());
                    p = q;
                    run = q;
                    continue;
                }
            }
        }
        match action(c) {
            Action::Keep => {}
            Action::Space if c == ' ' && !ends_with_space(out, run, p, input) => {}
            Action::Space => {
                flush(out, map, run, p);
                if !out.ends_with(' ') && !out.ends_with('\n') && !out.is_empty() {
                    out.push(' ');
                    map.replace(p, len, 1);
                }
                run = p + len;
            }
            Action::Drop => {
                flush(out, map, run, p);
                run = p + len;
            }
            Action::Replace(r) => {
                flush(out, map, run, p);
                out.push(r);
                map.replace(p, len, r.len_utf8());
                run = p + len;
            }
        }
        p += len;
    }
    flush(out, map, run, end);
}

/// Whether the output, once the pending run `input[run..p]` is written, ends with a space.
fn ends_with_space(out: &str, run: usize, p: usize, input: &str) -> bool {
    if p > run {
        input[..p].ends_with(' ')
    } else {
        out.is_empty() || out.ends_with(' ') || out.ends_with('\n')
    }
}

/// Whether `composed` can replace `cluster` in the offset map. A rewrite of a different
/// length is one opaque segment; one of the same length is recorded as a byte-for-byte copy
/// (the map has no other way to say it), which is only sound if every char boundary of
/// `composed` is one of `cluster` too. The rare clusters that fail this (combining marks
/// merely reordered) are left as they are.
fn mappable(cluster: &str, composed: &str) -> bool {
    composed.len() != cluster.len()
        || composed
            .char_indices()
            .all(|(i, _)| cluster.is_char_boundary(i))
}

fn next_is_mark(input: &str, p: usize, end: usize) -> bool {
    p < end && is_mark(input[p..].chars().next().unwrap_or(' '))
}

fn is_mark(c: char) -> bool {
    // Combining marks and the Hangul vowel/final jamo that compose with what precedes them.
    canonical_combining_class(c) != 0 || ('\u{1161}'..='\u{11c2}').contains(&c)
}

fn cluster_end(input: &str, mut p: usize, end: usize) -> usize {
    while p < end {
        let c = input[p..].chars().next().unwrap_or(' ');
        if !is_mark(c) {
            break;
        }
        p += c.len_utf8();
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> (String, dyad_core::OffsetMap) {
        let mut out = String::new();
        let mut b = OffsetMapBuilder::default();
        normalize_into(s, 0, s.len(), &mut out, &mut b);
        (out, b.finish())
    }

    #[test]
    fn spaces_are_unified_and_collapsed() {
        let (t, m) = norm("A\u{a0}\u{a0}B  C\u{200b}D\tE");
        assert_eq!(t, "A B CD E");
        assert_eq!(norm("old\rmac").0, "old mac");
        let b = t.find('B').unwrap();
        assert_eq!(m.map_span(dyad_core::Span::new(b, b + 1)).start, 5);
        let d = t.find('D').unwrap();
        assert_eq!(m.map_span(dyad_core::Span::new(d, d + 1)).start, 12);
    }

    #[test]
    fn nfc_composes_with_offsets() {
        let s = "Cafe\u{301} ok";
        let (t, m) = norm(s);
        assert_eq!(t, "Caf\u{e9} ok");
        let k = t.find("ok").unwrap();
        assert_eq!(
            m.map_span(dyad_core::Span::new(k, k + 2)),
            dyad_core::Span::new(7, 9)
        );
        let span = m.map_span(dyad_core::Span::new(0, 5));
        assert_eq!(&s[span.start..span.end], "Cafe\u{301}");
    }

    #[test]
    fn reordered_marks_never_split_an_input_char() {
        let s = "0\u{5b0}\u{c4d} x";
        let (t, m) = norm(s);
        for (i, _) in t.char_indices() {
            assert!(s.is_char_boundary(m.map_start(i)));
            assert!(s.is_char_boundary(m.map_end(i)));
        }
        let (t, _) = norm("w\u{307}");
        assert_eq!(t, "\u{1e87}");
    }

    #[test]
    fn odd_dashes_and_quotes_are_unified_but_kept() {
        let (t, _) = norm("a\u{2011}b \u{2015} \u{201c}q\u{201d} \u{2014} \u{201b}x");
        assert_eq!(t, "a-b \u{2014} \u{201c}q\u{201d} \u{2014} \u{2019}x");
    }
}
