//! Offsets from the cleaned text back to the input.
//!
//! Cleaning drops lines and paragraphs and rewrites characters (NFC, exotic spaces, dashes),
//! so the cleaned text is not a substring of the input. An [`OffsetMap`] is the list of
//! segments the cleaned text is made of, in order: each segment says which byte range of the
//! input it came from. A segment copied verbatim maps byte for byte; a rewritten segment (a
//! non-breaking space turned into a space, say) maps as a whole to the input range it replaced.
//! Spans therefore map back exactly at segment edges and token boundaries, which is all an
//! annotation needs.

use serde::{Deserialize, Serialize};

use crate::Span;

/// One piece of the cleaned text and the input bytes it came from.
///
/// Written to JSON as `[clean_start, orig_start, clean_len, orig_len]`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "[usize; 4]", into = "[usize; 4]")]
pub struct Segment {
    pub clean_start: usize,
    pub orig_start: usize,
    pub clean_len: usize,
    pub orig_len: usize,
}

impl From<[usize; 4]> for Segment {
    fn from(a: [usize; 4]) -> Segment {
        Segment {
            clean_start: a[0],
            orig_start: a[1],
            clean_len: a[2],
            orig_len: a[3],
        }
    }
}

impl From<Segment> for [usize; 4] {
    fn from(s: Segment) -> [usize; 4] {
        [s.clean_start, s.orig_start, s.clean_len, s.orig_len]
    }
}

impl Segment {
    fn clean_end(&self) -> usize {
        self.clean_start + self.clean_len
    }

    fn verbatim(&self) -> bool {
        self.clean_len == self.orig_len
    }
}

/// Maps byte offsets of the cleaned text to byte offsets of the input.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OffsetMap {
    segments: Vec<Segment>,
}

impl OffsetMap {
    /// The map of a text that was not changed at all.
    pub fn identity(len: usize) -> OffsetMap {
        let mut b = OffsetMapBuilder::default();
        b.copy(0, len);
        b.finish()
    }

    pub fn segments(&self) -> &[Segment] {
        &self.segments
    }

    /// The input offset of the cleaned-text offset `pos`, taken as the start of a span.
    pub fn map_start(&self, pos: usize) -> usize {
        let i = self.segments.partition_point(|s| s.clean_end() <= pos);
        match self.segments.get(i) {
            Some(s) if s.clean_start <= pos => {
                if s.verbatim() {
                    s.orig_start + (pos - s.clean_start)
                } else {
                    s.orig_start
                }
            }
            _ => self.end_of_input(),
        }
    }

    /// The input offset of the cleaned-text offset `pos`, taken as the (exclusive) end of a span.
    pub fn map_end(&self, pos: usize) -> usize {
        let i = self.segments.partition_point(|s| s.clean_end() < pos);
        match self.segments.get(i) {
            Some(s) if s.clean_start < pos || (pos == 0 && s.clean_start == 0) => {
                if s.verbatim() {
                    s.orig_start + (pos - s.clean_start)
                } else if pos == s.clean_start {
                    s.orig_start
                } else {
                    s.orig_start + s.orig_len
                }
            }
            _ => self.end_of_input(),
        }
    }

    /// The input span that produced the cleaned-text span `span`.
    pub fn map_span(&self, span: Span) -> Span {
        if span.is_empty() {
            let p = self.map_start(span.start);
            return Span::new(p, p);
        }
        Span::new(self.map_start(span.start), self.map_end(span.end))
    }

    fn end_of_input(&self) -> usize {
        self.segments
            .last()
            .map(|s| s.orig_start + s.orig_len)
            .unwrap_or(0)
    }
}

/// Builds an [`OffsetMap`] while the cleaned text is written, one piece at a time.
#[derive(Debug, Default)]
pub struct OffsetMapBuilder {
    segments: Vec<Segment>,
    clean_len: usize,
}

impl OffsetMapBuilder {
    /// `len` bytes copied verbatim from input offset `orig_start`.
    pub fn copy(&mut self, orig_start: usize, len: usize) {
        if len == 0 {
            return;
        }
        if let Some(last) = self.segments.last_mut() {
            if last.verbatim()
                && last.orig_start + last.orig_len == orig_start
                && last.clean_end() == self.clean_len
            {
                last.clean_len += len;
                last.orig_len += len;
                self.clean_len += len;
                return;
            }
        }
        self.push(orig_start, len, len);
    }

    /// `clean_len` bytes written in place of the input range `[orig_start, orig_start + orig_len)`.
    pub fn replace(&mut self, orig_start: usize, orig_len: usize, clean_len: usize) {
        if clean_len == orig_len {
            self.copy(orig_start, clean_len);
        } else if clean_len > 0 {
            self.push(orig_start, orig_len, clean_len);
        }
    }

    /// Bytes of cleaned text written so far.
    pub fn clean_len(&self) -> usize {
        self.clean_len
    }

    fn push(&mut self, orig_start: usize, orig_len: usize, clean_len: usize) {
        self.segments.push(Segment {
            clean_start: self.clean_len,
            orig_start,
            clean_len,
            orig_len,
        });
        self.clean_len += clean_len;
    }

    pub fn finish(self) -> OffsetMap {
        OffsetMap {
            segments: self.segments,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identity_maps_every_offset_to_itself() {
        let m = OffsetMap::identity(10);
        for i in 0..=10 {
            assert_eq!(m.map_start(i.min(9)), i.min(9));
            assert_eq!(m.map_end(i), i);
        }
        assert_eq!(m.segments().len(), 1);
    }

    #[test]
    fn dropped_and_replaced_ranges() {
        // input:  "Left Menu\n\nA\u{a0}B"  (nbsp is 2 bytes)
        // clean:  "A B"
        let mut b = OffsetMapBuilder::default();
        b.copy(11, 1); // A
        b.replace(12, 2, 1); // nbsp -> space
        b.copy(14, 1); // B
        let m = b.finish();
        assert_eq!(m.map_span(Span::new(0, 1)), Span::new(11, 12));
        assert_eq!(m.map_span(Span::new(2, 3)), Span::new(14, 15));
        assert_eq!(m.map_span(Span::new(0, 3)), Span::new(11, 15));
        assert_eq!(m.map_span(Span::new(1, 2)), Span::new(12, 14));
    }

    #[test]
    fn adjacent_copies_merge() {
        let mut b = OffsetMapBuilder::default();
        b.copy(0, 3);
        b.copy(3, 4);
        b.copy(20, 2);
        let m = b.finish();
        assert_eq!(m.segments().len(), 2);
        assert_eq!(m.map_start(7), 20);
        assert_eq!(m.map_end(7), 7);
        assert_eq!(m.map_end(9), 22);
    }

    #[test]
    fn json_round_trip() {
        let mut b = OffsetMapBuilder::default();
        b.copy(5, 3);
        b.replace(8, 3, 1);
        let m = b.finish();
        let j = serde_json::to_string(&m).unwrap();
        assert_eq!(j, "[[0,5,3,3],[3,8,1,3]]");
        assert_eq!(serde_json::from_str::<OffsetMap>(&j).unwrap(), m);
    }
}
