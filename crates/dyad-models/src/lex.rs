//! Per-word string features, computed once per token and shared by the tagger, parser and NER.
//!
//! Feature templates combine these hashes with context; computing them once per word (instead
//! of once per template or per parser state) is most of what makes the models fast.

use crate::hash::{finalize, fnv_step, hash_bytes, hash_str, mix, FNV_START};

/// Hashes describing one word form.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lex {
    pub word: u64,
    pub lower: u64,
    pub prefix: [u64; 3],
    pub suffix: [u64; 4],
    pub shape: u64,
    /// Capitalisation / digit / hyphen flags as a small number.
    pub flags: u64,
    /// True when the first character is uppercase.
    pub title: bool,
}

/// The padding word used left of the sentence start and right of its end.
pub const PAD: Lex = Lex {
    word: 0x5ad0,
    lower: 0x5ad0,
    prefix: [0x5ad1; 3],
    suffix: [0x5ad2; 4],
    shape: 0x5ad3,
    flags: 0x5ad4,
    title: false,
};

impl Lex {
    /// The hashes of `form`, computed without allocating for ASCII words of up to 64
    /// bytes (the lowercase form in a stack buffer, the shape hashed as it is made).
    pub fn new(form: &str) -> Lex {
        if form.is_ascii() && form.len() <= 64 {
            return Lex::ascii(form.as_bytes());
        }
        Lex::general(form)
    }

    /// [`Lex::new`] of any form (the way every form was made before [`Lex::ascii`]).
    fn general(form: &str) -> Lex {
        let mut buf = [0u8; 64];
        let owned;
        let lower: &str = if form.is_ascii() && form.len() <= buf.len() {
            let b = &mut buf[..form.len()];
            b.copy_from_slice(form.as_bytes());
            b.make_ascii_lowercase();
            // ASCII stays ASCII, so valid UTF-8.
            std::str::from_utf8(b).unwrap_or_default()
        } else {
            owned = form.to_lowercase();
            &owned
        };
        let lb = lower.as_bytes();
        let mut prefix = [0u64; 3];
        let mut suffix = [0u64; 4];
        // Affixes by characters, not bytes, so that they stay valid UTF-8 slices: prefix k
        // ends where character k + 1 starts, suffix k starts at the (k + 1)-th character
        // from the end (the whole word when it is shorter).
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = if lower.is_ascii() {
                (k + 1).min(lb.len())
            } else {
                lower.char_indices().nth(k + 1).map_or(lb.len(), |(i, _)| i)
            };
            *p = mix(k as u64 + 11, hash_bytes(&lb[..end]));
        }
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if lower.is_ascii() {
                lb.len().saturating_sub(k + 1)
            } else {
                lower.char_indices().rev().nth(k).map_or(0, |(i, _)| i)
            };
            *s = mix(k as u64 + 21, hash_bytes(&lb[start..]));
        }
        let mut flags = 0u64;
        let mut shape = Shape::default();
        for c in form.chars() {
            let k = if c.is_uppercase() {
                flags |= 1;
                'X'
            } else if c.is_lowercase() {
                flags |= 2;
                'x'
            } else if c.is_ascii_digit() {
                flags |= 4;
                'd'
            } else {
                if c == '-' {
                    flags |= 8;
                } else {
                    flags |= 16;
                }
                c
            };
            shape.push(k);
        }
        let title = form.chars().next().is_some_and(|c| c.is_uppercase());
        Lex {
            word: hash_str(form),
            lower: mix(3, hash_bytes(lb)),
            prefix,
            suffix,
            shape: shape.hash(),
            flags,
            title,
        }
    }
}

impl Lex {
    /// [`Lex::new`] of an ASCII form: the word, its lowercase form, the prefixes and the
    /// shape in one pass over the bytes (the prefixes are the lowercase hash's first
    /// states), the suffixes from the end.
    fn ascii(fb: &[u8]) -> Lex {
        let n = fb.len();
        let mut lower = [0u8; 64];
        let (mut word, mut low) = (FNV_START, FNV_START);
        let mut pre = [FNV_START; 3];
        let mut flags = 0u64;
        let mut shape = Shape::default();
        for (j, (&c, l)) in fb.iter().zip(lower.iter_mut()).enumerate() {
            word = fnv_step(word, c);
            *l = c.to_ascii_lowercase();
            low = fnv_step(low, *l);
            if j < 3 {
                pre[j] = low;
            }
            let k = if c.is_ascii_uppercase() {
                flags |= 1;
                b'X'
            } else if c.is_ascii_lowercase() {
                flags |= 2;
                b'x'
            } else if c.is_ascii_digit() {
                flags |= 4;
                b'd'
            } else {
                flags |= if c == b'-' { 8 } else { 16 };
                c
            };
            shape.push(char::from(k));
        }
        // A prefix longer than the word is the whole word.
        for p in pre.iter_mut().skip(n) {
            *p = low;
        }
        let lb = &lower[..n];
        let mut suffix = [0u64; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = mix(k as u64 + 21, hash_bytes(&lb[n.saturating_sub(k + 1)..]));
        }
        Lex {
            word: finalize(word),
            lower: mix(3, finalize(low)),
            prefix: [0, 1, 2].map(|k| mix(k as u64 + 11, finalize(pre[k]))),
            suffix,
            shape: shape.hash(),
            flags,
            title: fb.first().is_some_and(|c| c.is_ascii_uppercase()),
        }
    }
}

/// The hash of a word's shape (`Xxxx-dd`) as its classes come: at most two of one class in a
/// row, the shape's bytes straight into the hash (`hash_str` of the shape string).
struct Shape {
    hash: u64,
    last: char,
    run: u32,
}

impl Default for Shape {
    fn default() -> Shape {
        Shape {
            hash: FNV_START,
            last: '\0',
            run: 0,
        }
    }
}

impl Shape {
    #[inline(always)]
    fn push(&mut self, k: char) {
        if k == self.last {
            self.run += 1;
            if self.run >= 2 {
                return;
            }
        } else {
            self.run = 0;
            self.last = k;
        }
        if k.is_ascii() {
            self.hash = fnv_step(self.hash, k as u8);
        } else {
            let mut b = [0u8; 4];
            for &x in k.encode_utf8(&mut b).as_bytes() {
                self.hash = fnv_step(self.hash, x);
            }
        }
    }

    fn hash(&self) -> u64 {
        mix(5, finalize(self.hash))
    }
}

/// The [`Lex`] of each form, into `out`.
pub fn lexes(forms: &[&str], out: &mut Vec<Lex>) {
    out.clear();
    out.extend(forms.iter().map(|f| Lex::new(f)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_shapes() {
        let a = Lex::new("Walking");
        let b = Lex::new("walking");
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.word, b.word);
        assert_eq!(a.suffix, b.suffix);
        assert_ne!(a.shape, b.shape);
        assert!(a.title && !b.title);
        assert_eq!(Lex::new("talking").suffix[2], a.suffix[2]);
        // Multibyte and short words do not panic.
        let c = Lex::new("é");
        assert_eq!(c.suffix[0], Lex::new("É").suffix[0]);
        assert_eq!(Lex::new("1999").shape, Lex::new("2001").shape);
    }

    #[test]
    fn hashes_equal_the_allocating_version() {
        let long = "Abc-".repeat(20);
        let words = [
            "",
            "a",
            "A",
            "ab",
            "The",
            "WALKING",
            "walking",
            "U.S.",
            "1999",
            "3.5",
            "--",
            "e-mail",
            "naïve",
            "É",
            "İstanbul",
            "ŞAHIN",
            "Straße",
            "日本語",
            "a日b",
            "x\u{301}",
            "Mr.",
            "O'Neill",
            "aaaaab",
            "AAAbbb111",
            "Ab",
            "abc",
            "ABCD",
            "x1-Y",
            &"Ab-".repeat(21),
            &"Ab-".repeat(22),
            "...",
            "\u{1F600}x",
            &long,
        ];
        for w in words {
            let (a, b) = (Lex::new(w), reference(w));
            assert_eq!(
                (a.word, a.lower, a.prefix, a.suffix, a.shape, a.flags, a.title),
                (b.word, b.lower, b.prefix, b.suffix, b.shape, b.flags, b.title),
                "{w}"
            );
        }
    }

    /// The one-pass hashes of ASCII forms are those of the general way, byte for byte
    /// (control characters too).
    #[test]
    fn ascii_forms_hash_as_before() {
        let key = |l: Lex| {
            (
                l.word, l.lower, l.prefix, l.suffix, l.shape, l.flags, l.title,
            )
        };
        let mut rng = crate::hash::Rng::new(6);
        let alphabet = b"aAzZ09-.'\0\t_xX";
        for round in 0..5000 {
            let n = (rng.next_u64() % 12) as usize + if round % 50 == 0 { 53 } else { 0 };
            let form: String = (0..n)
                .map(|_| alphabet[(rng.next_u64() % alphabet.len() as u64) as usize] as char)
                .collect();
            assert_eq!(
                key(Lex::ascii(form.as_bytes())),
                key(Lex::general(&form)),
                "{form:?}"
            );
        }
    }

    /// `Lex::new` as first written (allocating), for the test below.
    fn reference(form: &str) -> Lex {
        let lower = form.to_lowercase();
        let lb = lower.as_bytes();
        let mut prefix = [0u64; 3];
        let mut suffix = [0u64; 4];
        // Affixes by characters, not bytes, so that they stay valid UTF-8 slices.
        let idx: Vec<usize> = lower.char_indices().map(|(i, _)| i).collect();
        let nch = idx.len();
        for (k, p) in prefix.iter_mut().enumerate() {
            let end = if k + 1 < nch { idx[k + 1] } else { lb.len() };
            *p = mix(k as u64 + 11, hash_bytes(&lb[..end]));
        }
        for (k, s) in suffix.iter_mut().enumerate() {
            let start = if k < nch { idx[nch - k - 1] } else { 0 };
            *s = mix(k as u64 + 21, hash_bytes(&lb[start..]));
        }
        // Written apart from `Lex::new` on purpose (an oracle, not a copy): the class of each
        // character, at most two of one class in a row.
        let flags = form.chars().fold(0u64, |f, c| {
            f | if c.is_uppercase() {
                1
            } else if c.is_lowercase() {
                2
            } else if c.is_ascii_digit() {
                4
            } else if c == '-' {
                8
            } else {
                16
            }
        });
        let classes: Vec<char> = form
            .chars()
            .map(|c| {
                if c.is_uppercase() {
                    'X'
                } else if c.is_lowercase() {
                    'x'
                } else if c.is_ascii_digit() {
                    'd'
                } else {
                    c
                }
            })
            .collect();
        let shape: String = classes
            .iter()
            .enumerate()
            .filter(|&(i, &k)| i < 2 || classes[i - 1] != k || classes[i - 2] != k)
            .map(|(_, &k)| k)
            .collect();
        let title = form.chars().next().is_some_and(|c| c.is_uppercase());
        Lex {
            word: hash_str(form),
            lower: mix(3, hash_bytes(lb)),
            prefix,
            suffix,
            shape: mix(5, hash_str(&shape)),
            flags,
            title,
        }
    }
}
