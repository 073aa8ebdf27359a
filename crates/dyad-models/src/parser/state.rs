//! The arc-hybrid configuration: stack, buffer, partial tree, the transitions, the dynamic
//! oracle's action costs and the feature templates.
//!
//! Everything a feature looks at (leftmost/rightmost children, valencies, label sets) is kept
//! up to date as arcs are added, so extracting the ~100 features of a state is a few array
//! reads and hash mixes, with no search through the partial tree. Feature sets are numbered
//! ([`FEATURES`]) and the number is saved in the model file, so a model keeps being scored
//! with the templates it was trained with.

use crate::hash::{feat, mix};
use crate::lex::Lex;
use crate::ner::classes::WordClasses;

/// The newest feature set: 0 is the set of the first models, 1 adds the templates listed in
/// [`State::features`]. (A set 2 with the words next to `s0` and `b0` in the sentence,
/// `s0`-`s0r` and `b0`-`b0l` word pairs and `s1`'s right label set was tried: EWT dev LAS
/// 82.70 against 82.67 for set 1, 82.48 against 82.51 once pruned to the same size, for six
/// more lookups a decision; not kept.)
pub const FEATURES: u8 = 1;

/// The parser configuration. Index 0 is the root, words are `1..=n`, `n + 1` stands for "none".
#[derive(Default)]
pub(super) struct State {
    pub(super) n: usize,
    pub(super) stack: Vec<usize>,
    b: usize,
    pub(super) head: Vec<usize>,
    pub(super) label: Vec<u16>,
    lc1: Vec<usize>,
    lc2: Vec<usize>,
    rc1: Vec<usize>,
    rc2: Vec<usize>,
    nl: Vec<u8>,
    nr: Vec<u8>,
    /// Bit sets of the relation labels of each word's left and right dependents.
    lset: Vec<u64>,
    rset: Vec<u64>,
    /// Word, tag, coarse tag and suffix hashes, with root and none entries.
    w: Vec<u64>,
    t: Vec<u64>,
    u: Vec<u64>,
    suf: Vec<u64>,
    /// Word-class values (4-bit, 6-bit and whole cluster path prefixes), filled only when the
    /// parser has word classes (`clustered`).
    c4: Vec<u64>,
    c6: Vec<u64>,
    cf: Vec<u64>,
    clustered: bool,
}

pub(super) const NO_LABEL: u16 = u16::MAX;

/// What the value of a feature template depends on, which tells how long its weights can be
/// reused from one decision to the next (see `parser::cache`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Group {
    /// The buffer's first three words only (and the bias): fixed until the next SHIFT.
    Buffer,
    /// `b0` with its left dependents: fixed until the next SHIFT or LEFT.
    BufferChildren,
    /// `s0` with its left dependents, and with `s1`, `s2` and theirs: fixed while that word
    /// stays on the stack (a word takes its left dependents while it is `b0`, before it is
    /// shifted; the words below it cannot change while it is above them).
    Stack,
    /// `s0` with its right dependents: fixed while that word stays on the stack and takes
    /// no new dependent, which only a RIGHT onto it gives.
    StackRight,
    /// Everything that pairs the stack with the buffer.
    Rest,
}

/// The number of [`Group`]s.
pub(super) const GROUPS: usize = 5;

/// The [`Group`] of feature template `k` (of [`State::features`]).
pub(super) fn group(k: u32) -> Group {
    match k {
        0 | 4..=11 | 24 | 25 | 80 | 84 | 95 | 101 | 102 | 110..=113 => Group::Buffer,
        46 | 47 | 54..=56 | 65..=67 | 70 | 72 | 91 | 92 => Group::BufferChildren,
        // `s0` alone and with its left dependents.
        1..=3 | 44 | 45 | 48..=50 | 59..=61 | 68 | 76 | 83 | 89 | 90 | 114 | 115 => Group::Stack,
        // `s1` and `s2` with `s0` and no buffer word: `s1`, `s2` and their children stay
        // as they are while `s0` stays on the stack (a word on the stack only takes right
        // dependents, from the word above it, which leaves the stack as it does).
        12..=16 | 31..=35 | 57 | 58 | 94 | 96..=100 | 106 | 108 | 109 | 121..=125 => Group::Stack,
        // `s0` with its right dependents (and 71, with both sides).
        42 | 43 | 51..=53 | 62..=64 | 69 | 71 | 87 | 88 => Group::StackRight,
        _ => Group::Rest,
    }
}

impl State {
    /// Starts the parse of a sentence; `classes` may be empty (a parser without word classes).
    pub(super) fn init(
        &mut self,
        lex: &[Lex],
        tags: &[u16],
        coarse: &[u16],
        classes: &WordClasses,
    ) {
        let n = lex.len();
        self.n = n;
        let none = n + 1;
        self.stack.clear();
        self.stack.push(0);
        self.b = 1;
        for v in [
            &mut self.head,
            &mut self.lc1,
            &mut self.lc2,
            &mut self.rc1,
            &mut self.rc2,
        ] {
            v.clear();
            v.resize(n + 2, none);
        }
        self.label.clear();
        self.label.resize(n + 2, NO_LABEL);
        self.nl.clear();
        self.nl.resize(n + 2, 0);
        self.nr.clear();
        self.nr.resize(n + 2, 0);
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n + 2, 0);
        }
        for v in [&mut self.w, &mut self.t, &mut self.u, &mut self.suf] {
            v.clear();
            v.push(0x200);
        }
        for (l, t) in lex.iter().zip(tags) {
            self.w.push(l.lower);
            self.t.push(*t as u64 + 1);
            self.u
                .push(coarse.get(*t as usize).map_or(0x201, |&c| c as u64 + 1));
            self.suf.push(l.suffix[2]);
        }
        for v in [&mut self.w, &mut self.t, &mut self.u, &mut self.suf] {
            v.push(0x300);
        }
        self.clustered = !classes.is_empty();
        for v in [&mut self.c4, &mut self.c6, &mut self.cf] {
            v.clear();
        }
        if self.clustered {
            for v in [&mut self.c4, &mut self.c6, &mut self.cf] {
                v.push(0xc200);
            }
            for l in lex {
                let c = classes.get(l.lower);
                self.c4.push(c.prefix(4));
                self.c6.push(c.prefix(6));
                self.cf.push(c.prefix(14));
            }
            for v in [&mut self.c4, &mut self.c6, &mut self.cf] {
                v.push(0xc300);
            }
        }
    }

    pub(super) fn terminal(&self) -> bool {
        self.b > self.n && self.stack.len() == 1
    }

    pub(super) fn s(&self, k: usize) -> usize {
        if k < self.stack.len() {
            self.stack[self.stack.len() - 1 - k]
        } else {
            self.n + 1
        }
    }

    fn bi(&self, k: usize) -> usize {
        if self.b + k <= self.n {
            self.b + k
        } else {
            self.n + 1
        }
    }

    pub(super) fn can_shift(&self) -> bool {
        self.b <= self.n
    }
    pub(super) fn can_left(&self) -> bool {
        self.stack.len() >= 2 && self.b <= self.n
    }
    pub(super) fn can_right(&self) -> bool {
        self.stack.len() >= 2 && (self.s(1) != 0 || self.b > self.n)
    }

    fn add_arc(&mut self, h: usize, d: usize, l: u16) {
        self.head[d] = h;
        self.label[d] = l;
        let none = self.n + 1;
        if d < h {
            self.lset[h] |= 1 << (l % 64);
            self.nl[h] = self.nl[h].saturating_add(1);
            if self.lc1[h] == none || d < self.lc1[h] {
                self.lc2[h] = self.lc1[h];
                self.lc1[h] = d;
            } else if self.lc2[h] == none || d < self.lc2[h] {
                self.lc2[h] = d;
            }
        } else {
            self.rset[h] |= 1 << (l % 64);
            self.nr[h] = self.nr[h].saturating_add(1);
            if self.rc1[h] == none || d > self.rc1[h] {
                self.rc2[h] = self.rc1[h];
                self.rc1[h] = d;
            } else if self.rc2[h] == none || d > self.rc2[h] {
                self.rc2[h] = d;
            }
        }
    }

    /// Applies action `a` (0 shift, 1+l left-l, 1+L+l right-l).
    pub(super) fn apply(&mut self, a: usize, nlabels: usize) {
        if a == 0 {
            self.stack.push(self.b);
            self.b += 1;
        } else if a <= nlabels {
            let s0 = self.stack.pop().expect("left needs a stack");
            self.add_arc(self.b, s0, (a - 1) as u16);
        } else {
            let s0 = self.stack.pop().expect("right needs a stack");
            let s1 = *self.stack.last().expect("right needs two");
            self.add_arc(s1, s0, (a - 1 - nlabels) as u16);
        }
    }

    fn lab(&self, i: usize) -> u64 {
        if i > self.n {
            0x400
        } else {
            self.label[i] as u64 + 7
        }
    }

    /// The features of this state under feature set `set` (see [`FEATURES`]): set 0 is the
    /// Zhang & Nivre (2011) templates adapted to arc-hybrid (words, tags, pairs and triples of
    /// `s0`, `s1`, `b0`, `b1`, children, labels, distance, valency, label sets); set 1 adds
    /// what arc-hybrid decides on besides `s0`/`b0`: the `s1`-`s0` pair (their distance,
    /// `s1`'s leftmost child, valency, the label of its rightmost child), `b0`-`b1` words,
    /// `s2`'s word, `b2`'s word+tag and a four-tag window.
    pub(super) fn features(&self, set: u8, out: &mut Vec<u64>) {
        out.clear();
        self.features_with(set, |k, v| out.push(feat(k, v)));
    }

    /// Calls `f(template, value)` for each feature of [`State::features`], in the same order,
    /// before the two are hashed into a key (see [`Group`]: decoding sorts them by group).
    #[inline(always)]
    pub(super) fn features_with(&self, set: u8, mut f: impl FnMut(u32, u64)) {
        let (s0, s1, s2) = (self.s(0), self.s(1), self.s(2));
        let (b0, b1, b2) = (self.bi(0), self.bi(1), self.bi(2));
        let w = &self.w;
        let t = &self.t;
        let (s0l, s0l2, s0r, s0r2) = (self.lc1[s0], self.lc2[s0], self.rc1[s0], self.rc2[s0]);
        let (b0l, b0l2) = (self.lc1[b0], self.lc2[b0]);
        let s1r = self.rc1[s1];
        let wt = |i: usize| mix(w[i], t[i]);
        f(0, 0);
        f(1, w[s0]);
        f(2, t[s0]);
        f(3, wt(s0));
        f(4, w[b0]);
        f(5, t[b0]);
        f(6, wt(b0));
        f(7, w[b1]);
        f(8, t[b1]);
        f(9, wt(b1));
        f(10, w[b2]);
        f(11, t[b2]);
        f(13, w[s1]);
        f(14, t[s1]);
        f(15, wt(s1));
        f(16, t[s2]);
        f(17, mix(wt(s0), wt(b0)));
        f(18, mix(wt(s0), w[b0]));
        f(19, mix(w[s0], wt(b0)));
        f(20, mix(wt(s0), t[b0]));
        f(21, mix(t[s0], wt(b0)));
        f(22, mix(w[s0], w[b0]));
        f(23, mix(t[s0], t[b0]));
        f(24, mix(t[b0], t[b1]));
        f(25, mix(mix(t[b0], t[b1]), t[b2]));
        f(26, mix(mix(t[s0], t[b0]), t[b1]));
        f(27, mix(mix(t[s1], t[s0]), t[b0]));
        f(28, mix(mix(t[s0], t[s0l]), t[b0]));
        f(29, mix(mix(t[s0], t[s0r]), t[b0]));
        f(30, mix(mix(t[s0], t[b0]), t[b0l]));
        f(31, mix(mix(t[s1], t[s1r]), t[s0]));
        f(32, mix(mix(t[s2], t[s1]), t[s0]));
        f(33, mix(t[s1], t[s0]));
        f(34, mix(w[s1], w[s0]));
        f(35, mix(wt(s1), t[s0]));
        f(12, mix(t[s1], wt(s0)));
        let d = if s0 <= self.n && b0 <= self.n && s0 > 0 {
            (b0 - s0).min(6) as u64
        } else {
            0
        };
        f(36, mix(w[s0], d));
        f(37, mix(t[s0], d));
        f(38, mix(w[b0], d));
        f(39, mix(t[b0], d));
        f(40, mix(mix(w[s0], w[b0]), d));
        f(41, mix(mix(t[s0], t[b0]), d));
        let (vl, vr, bvl) = (self.nl[s0] as u64, self.nr[s0] as u64, self.nl[b0] as u64);
        f(42, mix(w[s0], vr));
        f(43, mix(t[s0], vr));
        f(44, mix(w[s0], vl));
        f(45, mix(t[s0], vl));
        f(46, mix(w[b0], bvl));
        f(47, mix(t[b0], bvl));
        f(48, w[s0l]);
        f(49, t[s0l]);
        f(50, self.lab(s0l));
        f(51, w[s0r]);
        f(52, t[s0r]);
        f(53, self.lab(s0r));
        f(54, w[b0l]);
        f(55, t[b0l]);
        f(56, self.lab(b0l));
        f(57, t[s1r]);
        f(58, self.lab(s1r));
        f(59, w[s0l2]);
        f(60, t[s0l2]);
        f(61, self.lab(s0l2));
        f(62, w[s0r2]);
        f(63, t[s0r2]);
        f(64, self.lab(s0r2));
        f(65, w[b0l2]);
        f(66, t[b0l2]);
        f(67, self.lab(b0l2));
        f(68, mix(mix(t[s0], t[s0l]), t[s0l2]));
        f(69, mix(mix(t[s0], t[s0r]), t[s0r2]));
        f(70, mix(mix(t[b0], t[b0l]), t[b0l2]));
        f(71, mix(mix(t[s0], self.lab(s0l)), self.lab(s0r)));
        f(72, mix(mix(t[b0], self.lab(b0l)), self.lab(b0l2)));
        f(73, mix(t[s1], t[b0]));
        f(74, mix(w[s1], w[b0]));
        f(75, mix(mix(t[s1], t[s0]), t[b1]));
        f(76, mix(mix(w[s0], t[s0]), self.lab(s0l)));
        let u = &self.u;
        f(77, mix(u[s0], u[b0]));
        f(78, mix(mix(u[s1], u[s0]), u[b0]));
        f(79, mix(mix(u[s0], u[b0]), u[b1]));
        f(80, mix(mix(u[b0], u[b1]), u[b2]));
        f(81, mix(w[s0], u[b0]));
        f(82, mix(u[s0], w[b0]));
        f(83, self.suf[s0]);
        f(84, self.suf[b0]);
        f(85, mix(self.suf[s0], t[b0]));
        f(86, mix(t[s0], self.suf[b0]));
        f(87, mix(w[s0], self.rset[s0]));
        f(88, mix(t[s0], self.rset[s0]));
        f(89, mix(w[s0], self.lset[s0]));
        f(90, mix(t[s0], self.lset[s0]));
        f(91, mix(w[b0], self.lset[b0]));
        f(92, mix(t[b0], self.lset[b0]));
        f(93, mix(mix(u[s1], u[s0]), d));
        f(94, mix(mix(w[s1], t[s1]), mix(w[s0], t[s0])));
        if self.clustered {
            // Word classes stand in for words (Koo et al. 2008): the whole path alone and
            // with tags, short prefixes in the head-dependent pairs of the two arcs a state
            // decides on (s0-b0 for LEFT, s1-s0 for RIGHT).
            let (c4, c6, cf) = (&self.c4, &self.c6, &self.cf);
            f(110, cf[b0]);
            f(111, mix(c4[b0], t[b0]));
            f(112, cf[b1]);
            f(113, mix(c4[b0], c4[b1]));
            f(114, cf[s0]);
            f(115, mix(c4[s0], t[s0]));
            f(116, mix(c4[s0], c4[b0]));
            f(117, mix(c6[s0], c6[b0]));
            f(118, mix(cf[s0], t[b0]));
            f(119, mix(t[s0], cf[b0]));
            f(120, mix(mix(c6[s0], c6[b0]), d));
            f(121, mix(c4[s1], c4[s0]));
            f(122, mix(c6[s1], c6[s0]));
            f(123, mix(cf[s1], t[s0]));
            f(124, mix(t[s1], cf[s0]));
            f(125, cf[s1]);
        }
        if set == 0 {
            return;
        }
        let s1l = self.lc1[s1];
        let d10 = if s1 <= self.n && s0 <= self.n && s1 > 0 {
            (s0 - s1).min(6) as u64
        } else {
            0
        };
        f(95, wt(b2));
        f(96, w[s2]);
        f(97, mix(t[s1], t[s1l]));
        f(98, mix(t[s1], self.lab(s1l)));
        f(99, mix(mix(t[s1], t[s0]), d10));
        f(100, mix(mix(w[s1], w[s0]), d10));
        f(101, mix(w[b0], w[b1]));
        f(102, mix(wt(b0), t[b1]));
        f(103, mix(mix(w[s0], t[b0]), t[b1]));
        f(104, mix(mix(t[s0], w[b0]), t[b1]));
        f(105, mix(mix(t[s1], t[s0]), mix(t[b0], t[b1])));
        let (s1vl, s1vr) = (self.nl[s1] as u64, self.nr[s1] as u64);
        f(106, mix(mix(t[s1], s1vl), s1vr));
        f(107, mix(mix(t[s0], self.lab(s0r)), t[b0]));
        f(108, mix(mix(t[s1], self.lab(s1r)), t[s0]));
        f(109, mix(self.suf[s1], t[s0]));
    }

    /// The stack depth of `s0` (0 for the root alone).
    pub(super) fn depth(&self) -> usize {
        self.stack.len() - 1
    }

    /// Cost of each valid action in terms of gold arcs made unreachable (Goldberg & Nivre 2013).
    pub(super) fn costs(&self, gh: &[usize], gl: &[u16], nlabels: usize, out: &mut Vec<i32>) {
        let big = i32::MAX;
        out.clear();
        out.resize(1 + 2 * nlabels, big);
        let n = self.n;
        let s0 = self.s(0);
        if self.can_shift() {
            let b = self.b;
            let mut c = 0;
            let k = self.stack.len();
            for (j, &x) in self.stack.iter().enumerate() {
                if j + 1 < k && gh[b] == x {
                    c += 1;
                }
                if x != 0 && gh[x] == b {
                    c += 1;
                }
            }
            out[0] = c;
        }
        // Dependents of s0 still in the buffer.
        let mut deps_in_buffer = 0;
        if s0 != 0 && s0 <= n {
            deps_in_buffer = gh[self.b..=n].iter().filter(|&&h| h == s0).count() as i32;
        }
        if self.can_left() {
            let b = self.b;
            let s1 = self.s(1);
            let mut c = deps_in_buffer;
            if gh[s0] == s1 || (gh[s0] > b && gh[s0] <= n) {
                c += 1;
            }
            for l in 0..nlabels {
                let lc = (gh[s0] == b && gl[s0] as usize != l) as i32;
                out[1 + l] = c + lc;
            }
        }
        if self.can_right() {
            let s1 = self.s(1);
            let mut c = deps_in_buffer;
            if gh[s0] >= self.b && gh[s0] <= n {
                c += 1;
            }
            for l in 0..nlabels {
                let lc = (gh[s0] == s1 && gl[s0] as usize != l) as i32;
                out[1 + nlabels + l] = c + lc;
            }
        }
    }
}
