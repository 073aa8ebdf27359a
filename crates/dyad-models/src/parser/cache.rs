//! Decision scores built from group sums that live across decisions.
//!
//! A parser state has ~110 features, and looking up their weights is most of the cost of
//! parsing. Many of them do not change from one decision to the next: the buffer words' own
//! features stay until the next SHIFT, `b0`'s left dependents until the next LEFT, and the
//! features of `s0` with its dependents come back unchanged when a LEFT pops the word above
//! it. The features are therefore split by [`Group`], each group's weights summed apart
//! ([`Weights::accumulate`] sums exact integers, so sums can be kept and added in any order
//! with the same result), and a group sum is only recomputed once the transitions may have
//! changed it: about a sixth of the lookups are saved, with the same scores to the bit.

use super::state::{group, Group, State, GROUPS};
use crate::hash::feat;
use crate::hugemem::sum_of;
use crate::perceptron::Weights;

/// One group's weight sums, and whether they still hold.
#[derive(Clone)]
struct Sum {
    acc: [i32; 256],
    ok: bool,
}

impl Default for Sum {
    fn default() -> Sum {
        Sum {
            acc: [0; 256],
            ok: false,
        }
    }
}

impl Sum {
    /// Recomputes the sums from `feats`, whose slots the caller has prefetched.
    fn set(&mut self, w: &Weights, feats: &[u64]) {
        self.acc[..w.width()].fill(0);
        w.accumulate_prefetched(feats, &mut self.acc);
        self.ok = true;
    }
}

/// Room for the features of one group of a decision (the templates number 126 at most).
const ROOM: usize = 128;

/// Per-thread group sums of one sentence.
pub(super) struct GroupSums {
    buffer: Sum,
    buffer_children: Sum,
    /// The `Stack` and `StackRight` group sums of the word at each stack depth.
    stack: Vec<[Sum; 2]>,
    /// The features of the groups being scored, by [`Group`] number (fixed arrays: filling
    /// them keeps the counts in registers, where growing vectors store theirs at each push).
    feats: [[u64; ROOM]; GROUPS],
    /// The sums of the decision being scored.
    decision: Sum,
}

impl Default for GroupSums {
    fn default() -> GroupSums {
        GroupSums {
            buffer: Sum::default(),
            buffer_children: Sum::default(),
            stack: Vec::new(),
            feats: [[0; ROOM]; GROUPS],
            decision: Sum::default(),
        }
    }
}

impl GroupSums {
    /// Forgets everything (a new sentence).
    pub(super) fn clear(&mut self) {
        self.buffer.ok = false;
        self.buffer_children.ok = false;
        for [s, r] in &mut self.stack {
            s.ok = false;
            r.ok = false;
        }
    }

    /// Invalidates what action `a` (0 shift, `1..=nl` left, above right) is about to change
    /// in state `st` (called before the action is applied).
    pub(super) fn before_apply(&mut self, st: &State, a: usize, nl: usize) {
        let top = st.depth();
        // `right_only`: only the sums of the word's right dependents.
        let mut drop = |d: usize, right_only: bool| {
            if let Some([s, r]) = self.stack.get_mut(d) {
                s.ok &= right_only;
                r.ok = false;
            }
        };
        if a == 0 {
            // The word shifted comes on top, at depth top + 1, with no sums yet.
            drop(top + 1, false);
            self.buffer.ok = false;
            self.buffer_children.ok = false;
        } else if a <= nl {
            // s0 leaves the stack for b0's left dependents.
            drop(top, false);
            self.buffer_children.ok = false;
        } else {
            // s0 goes under s1, which becomes s0 with a new right dependent.
            drop(top, false);
            drop(top.saturating_sub(1), true);
        }
    }

    /// The scores of every action in state `st`, into `scores`; the same as scoring all of
    /// `st.features(set)` at once. Needs [`Weights::integer_sums`].
    pub(super) fn scores(&mut self, w: &Weights, st: &State, set: u8, scores: &mut Vec<f32>) {
        let acc = self.sums(w, st, set);
        w.finish(acc, scores);
    }

    /// The integer sums of every action in state `st` (see [`Weights::accumulate`]): what
    /// [`GroupSums::scores`] scales into scores.
    pub(super) fn sums(&mut self, w: &Weights, st: &State, set: u8) -> &[i32; 256] {
        let top = st.depth();
        if self.stack.len() <= top {
            self.stack.resize_with(top + 1, Default::default);
        }
        let [stack, stack_right] = &mut self.stack[top];
        let need = [
            !self.buffer.ok,
            !self.buffer_children.ok,
            !stack.ok,
            !stack_right.ok,
            true,
        ];
        let feats = &mut self.feats;
        let mut n = [0usize; GROUPS];
        // Each slot is fetched as soon as its key is known: the misses of the first
        // features are then on their way while the next keys are hashed.
        st.features_with(set, |k, v| {
            let g = group(k) as usize;
            if need[g] {
                let key = feat(k, v);
                w.prefetch_key(key);
                feats[g][n[g]] = key;
                n[g] += 1;
            }
        });
        let mut sums = [
            &mut self.buffer,
            &mut self.buffer_children,
            stack,
            stack_right,
        ];
        for (g, s) in sums.iter_mut().enumerate() {
            if need[g] {
                s.set(w, &feats[g][..n[g]]);
            }
        }
        let acc = &mut self.decision.acc;
        let [a, b, c, d] = sums.map(|s| &s.acc);
        sum_of(acc, [a, b, c, d], w.width());
        let rest = Group::Rest as usize;
        w.accumulate_prefetched(&feats[rest][..n[rest]], acc);
        acc
    }
}
