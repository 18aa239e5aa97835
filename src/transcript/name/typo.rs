//! Typing errors: an edit distance that counts a swap of neighbouring
//! letters as one edit, and how many errors a word of a given length may
//! carry and still be recognised.
//!
//! Separate from the word lists because it knows no words: [`super::titles`]
//! and the people resolver both use it.

/// Edit distance between two short words, counting a swap of neighbouring
/// letters as one edit (optimal string alignment), or `None` when it is
/// above `max`. Typists swap letters (`PRESIDNET`, `SECREATRY`) and drop
/// them (`ADMINSTRATOR`); this is how such a label still finds its word.
pub fn near(a: &str, b: &str, max: usize) -> Option<usize> {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (j, cell) in d.iter_mut().enumerate().take(w) {
        *cell = j;
    }
    for i in 1..=a.len() {
        d[i * w] = i;
        let mut row_min = i;
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > max {
            return None;
        }
    }
    let dist = d[a.len() * w + b.len()];
    (dist <= max).then_some(dist)
}

/// How many typing errors a word of this length may carry and still be
/// recognised: none for short words (too many real words are one letter
/// apart), one from six letters, two from nine.
pub fn typo_budget(len: usize) -> usize {
    match len {
        0..=5 => 0,
        6..=8 => 1,
        _ => 2,
    }
}
