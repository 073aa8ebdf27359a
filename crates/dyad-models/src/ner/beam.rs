//! Beam search over BILOU label sequences, shared by decoding and training.
//!
//! A greedy tagger commits to each label before it sees the next word, so one early mistake
//! (an `O` on the first word of "Scharffen Berger") cannot be undone. The beam keeps the `k`
//! best label prefixes instead. Features split in two (see the parent module): those of the
//! word alone are scored once per word, and only the few that read the previous two labels
//! are scored per hypothesis, so a beam of 4 costs far less than 4 greedy passes.
//!
//! Training uses the same search with the gold sequence alongside (the structured perceptron
//! with early update of Collins and Roark 2004): the search reports the first word where the
//! gold prefix fell out of the beam, and the trainer updates on the prefixes up to there.

use super::allowed;

/// One hypothesis: a label, the hypothesis it extends and the prefix score.
#[derive(Clone, Copy, Debug)]
struct Node {
    score: f32,
    label: u16,
    /// Index in `nodes` of the previous word's hypothesis; `u32::MAX` before the sentence.
    parent: u32,
    /// Does the prefix equal the gold one (training)?
    gold: bool,
}

const ROOT: u32 = u32::MAX;

/// Buffers of the search, reused across sentences.
#[derive(Default)]
pub struct BeamScratch {
    nodes: Vec<Node>,
    cands: Vec<Node>,
    stat: Vec<f32>,
    hist: Vec<f32>,
    /// The histories `(y1, y2)` scored at the current word, and their scores (one row of
    /// `hscores` each).
    seen: Vec<(u64, u64)>,
    hscores: Vec<f32>,
    /// Bit `l` of `follow[2 * p + last]`: may label `l` follow label `p` ([`allowed`]),
    /// at the last word when `last` is 1; made for the label count `follow_n`.
    follow: Vec<u64>,
    follow_n: usize,
}

/// What the search ended with.
pub struct Outcome {
    /// Length of the prefix in `out`: the whole sentence, unless the gold prefix fell out of
    /// the beam at its last word.
    pub len: usize,
}

/// Label history values of a node: its label and its parent's (`start` before the sentence).
fn history(nodes: &[Node], at: u32, start: u64) -> (u64, u64) {
    if at == ROOT {
        return (start, start);
    }
    let n = nodes[at as usize];
    let y2 = if n.parent == ROOT {
        start
    } else {
        nodes[n.parent as usize].label as u64
    };
    (n.label as u64, y2)
}

/// Searches the best label sequence of an `n`-word sentence with beam width `k`.
///
/// `stat(i, scores)` writes the scores of every label from the history-free features of word
/// `i`; `hist(i, y1, y2, scores)` writes those of the history features given the two previous
/// labels. With `gold`, the search stops as soon as no hypothesis in the beam has the gold
/// prefix. The best sequence (or prefix) goes to `out`.
#[allow(clippy::too_many_arguments)]
pub fn search(
    n: usize,
    k: usize,
    start: u64,
    mut stat: impl FnMut(usize, &mut Vec<f32>),
    mut hist: impl FnMut(usize, u64, u64, &mut Vec<f32>),
    gold: Option<&[u16]>,
    s: &mut BeamScratch,
    out: &mut Vec<u16>,
) -> Outcome {
    let k = k.max(1);
    s.nodes.clear();
    out.clear();
    if n == 0 {
        return Outcome { len: 0 };
    }
    // The beam of the previous word: a range of `nodes` (or the root).
    let mut beam: std::ops::Range<usize> = 0..0;
    let mut best = ROOT;
    for i in 0..n {
        stat(i, &mut s.stat);
        s.cands.clear();
        s.seen.clear();
        s.hscores.clear();
        let last = i + 1 == n;
        let np = if i == 0 { 1 } else { beam.len() };
        for q in 0..np {
            let p = if i == 0 {
                ROOT
            } else {
                (beam.start + q) as u32
            };
            // Hypotheses with the same two previous labels share their history scores.
            let h = history(&s.nodes, p, start);
            let slot = match s.seen.iter().position(|&x| x == h) {
                Some(slot) => slot,
                None => {
                    hist(i, h.0, h.1, &mut s.hist);
                    s.seen.push(h);
                    s.hscores.extend_from_slice(&s.hist);
                    s.seen.len() - 1
                }
            };
            let nl = s.stat.len();
            let hs = &s.hscores[slot * nl..(slot + 1) * nl];
            let (base, pgold, plabel) = if p == ROOT {
                (0.0, true, 0usize)
            } else {
                let pn = s.nodes[p as usize];
                (pn.score, pn.gold, pn.label as usize)
            };
            if nl <= 64 && s.follow_n != nl {
                s.follow.clear();
                for p in 0..nl {
                    for last in [false, true] {
                        let bits = (0..nl).filter(|&l| allowed(p, l, last));
                        s.follow.push(bits.fold(0, |m, l| m | 1 << l));
                    }
                }
                s.follow_n = nl;
            }
            // The labels that may follow, from the table (or the rule itself past 64 labels).
            let follow = if nl <= 64 {
                s.follow
                    .get(2 * plabel + last as usize)
                    .copied()
                    .unwrap_or(0)
            } else {
                u64::MAX
            };
            // The `k` best so far, best first, ties in the order of generation (so the
            // search is deterministic): labels in ascending order.
            let cands = &mut s.cands;
            let mut push = |l: usize, a: f32, b: f32| {
                let node = Node {
                    score: base + a + b,
                    label: l as u16,
                    parent: p,
                    gold: pgold && gold.is_some_and(|g| g[i] as usize == l),
                };
                offer(cands, k, node);
            };
            if nl <= 64 {
                // Only the labels that may follow, lowest first.
                let mut m = follow;
                while m != 0 {
                    let l = m.trailing_zeros() as usize;
                    m &= m - 1;
                    if let (Some(&a), Some(&b)) = (s.stat.get(l), hs.get(l)) {
                        push(l, a, b);
                    }
                }
            } else {
                for (l, (&a, &b)) in s.stat.iter().zip(hs).enumerate() {
                    if allowed(plabel, l, last) {
                        push(l, a, b);
                    }
                }
            }
        }
        let from = s.nodes.len();
        s.nodes.extend_from_slice(&s.cands);
        beam = from..s.nodes.len();
        best = from as u32;
        if gold.is_some() && !s.nodes[beam.clone()].iter().any(|x| x.gold) {
            backtrack(&s.nodes, best, out);
            return Outcome { len: i + 1 };
        }
    }
    backtrack(&s.nodes, best, out);
    Outcome { len: n }
}

/// Offers `node` to `best`, the `k` best candidates so far, best first, ties in the order
/// they were offered: what a stable sort of all the candidates by descending score and a
/// truncation to `k` keep (scores are sums of finite weights, never NaN), without keeping or
/// sorting the whole list (a beam of 4 keeps 4 of some 50 candidates, most of them turned
/// away by one comparison with the last kept).
#[inline]
fn offer(best: &mut Vec<Node>, k: usize, node: Node) {
    if best.len() >= k {
        if best.is_empty() || node.score <= best[k - 1].score {
            return;
        }
        best.truncate(k - 1);
    }
    let at = best.iter().position(|c| node.score > c.score);
    best.insert(at.unwrap_or(best.len()), node);
}

fn backtrack(nodes: &[Node], mut at: u32, out: &mut Vec<u16>) {
    out.clear();
    while at != ROOT {
        let n = nodes[at as usize];
        out.push(n.label);
        at = n.parent;
    }
    out.reverse();
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `offer` keeps what a stable sort and a truncation keep, ties and all.
    #[test]
    fn offer_keeps_what_a_stable_sort_keeps() {
        let mut rng = crate::hash::Rng::new(5);
        for round in 0..2000 {
            let n = (rng.next_u64() % 60) as usize;
            let cands: Vec<Node> = (0..n)
                .map(|i| Node {
                    // Few distinct scores, so that ties are common.
                    score: (rng.next_u64() % 7) as f32 * 0.5 - 1.0,
                    label: i as u16,
                    parent: round,
                    gold: i % 3 == 0,
                })
                .collect();
            let k = 1 + (rng.next_u64() % 8) as usize;
            let mut want = cands.clone();
            want.sort_by(|a, b| b.score.partial_cmp(&a.score).unwrap());
            want.truncate(k);
            let mut got = Vec::new();
            for c in cands {
                offer(&mut got, k, c);
            }
            let key = |v: &[Node]| v.iter().map(|c| (c.score, c.label)).collect::<Vec<_>>();
            assert_eq!(key(&got), key(&want), "round {round}, k {k}");
        }
    }

    /// The labels that may follow come from a table up to 64 labels and from the rule
    /// itself past that: a greedy search (width 1) takes the best label allowed after the
    /// previous one either way.
    #[test]
    fn greedy_search_follows_the_rule_with_few_and_many_labels() {
        let mut rng = crate::hash::Rng::new(12);
        for nl in [13usize, 69] {
            for _ in 0..200 {
                let n = 1 + (rng.next_u64() % 8) as usize;
                let table: Vec<Vec<f32>> = (0..n)
                    .map(|_| (0..nl).map(|_| (rng.next_u64() % 50) as f32).collect())
                    .collect();
                let stat = |i: usize, sc: &mut Vec<f32>| {
                    sc.clear();
                    sc.extend_from_slice(&table[i]);
                };
                let hist = |_: usize, _: u64, _: u64, sc: &mut Vec<f32>| {
                    sc.clear();
                    sc.resize(nl, 0.0);
                };
                let (mut s, mut out) = (BeamScratch::default(), Vec::new());
                search(n, 1, 0x51, stat, hist, None, &mut s, &mut out);
                let mut prev = 0;
                let mut want = Vec::new();
                for (i, row) in table.iter().enumerate() {
                    let ok = |l: usize| allowed(prev, l, i + 1 == n);
                    let best = crate::perceptron::argmax(row, ok).unwrap();
                    want.push(best as u16);
                    prev = best;
                }
                assert_eq!(out, want, "{nl} labels");
            }
        }
    }

    /// Labels 0 = O, 1..=4 = B/I/L/U of one type. Word 0 prefers U (greedy) but the
    /// history scores make B-L the better sequence; the beam finds it, width 1 does not.
    #[test]
    fn beam_recovers_from_a_greedy_mistake() {
        let stat = |i: usize, sc: &mut Vec<f32>| {
            sc.clear();
            sc.extend(if i == 0 {
                [0.0, 1.0, 0.0, 0.0, 1.2]
            } else {
                [1.0, 0.0, 0.0, 0.0, 0.0]
            });
        };
        let hist = |_: usize, y1: u64, _: u64, sc: &mut Vec<f32>| {
            sc.clear();
            sc.resize(5, 0.0);
            if y1 == 1 {
                sc[3] = 5.0;
            }
        };
        let mut s = BeamScratch::default();
        let mut out = Vec::new();
        search(2, 1, 0x51, stat, hist, None, &mut s, &mut out);
        assert_eq!(out, vec![4, 0]);
        let o = search(2, 4, 0x51, stat, hist, None, &mut s, &mut out);
        assert_eq!(out, vec![1, 3]);
        assert_eq!(o.len, 2);
        // With gold O O and width 1 the gold prefix falls out at word 0.
        let o = search(2, 1, 0x51, stat, hist, Some(&[0, 0]), &mut s, &mut out);
        assert_eq!((o.len, out.clone()), (1, vec![4]));
    }
}
