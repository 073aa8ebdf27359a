//! Plain-text tables for the `eval` verbs: a header row, aligned columns, numbers right-aligned.

/// Renders `rows` under `header` with columns padded to their widest cell. Columns whose cells
/// all parse as numbers are right-aligned, header included; the others are left-aligned.
pub fn render(header: &[&str], rows: &[Vec<String>]) -> String {
    let cols = header.len();
    let mut width: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
    for r in rows {
        for (i, c) in r.iter().enumerate().take(cols) {
            width[i] = width[i].max(c.chars().count());
        }
    }
    let numeric: Vec<bool> = (0..cols)
        .map(|i| {
            !rows.is_empty()
                && rows
                    .iter()
                    .all(|r| r.get(i).is_some_and(|c| c.parse::<f64>().is_ok()))
        })
        .collect();
    let mut out = String::new();
    let line = |cells: &mut dyn Iterator<Item = &str>, out: &mut String| {
        let mut parts = Vec::with_capacity(cols);
        for (i, c) in cells.enumerate().take(cols) {
            let pad = width[i].saturating_sub(c.chars().count());
            if numeric[i] {
                parts.push(format!("{}{}", " ".repeat(pad), c));
            } else {
                parts.push(format!("{}{}", c, " ".repeat(pad)));
            }
        }
        out.push_str(parts.join("  ").trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied(), &mut out);
    let rule: Vec<String> = width.iter().map(|w| "-".repeat(*w)).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for r in rows {
        line(&mut r.iter().map(String::as_str), &mut out);
    }
    out
}

/// A ratio as a percentage with two decimals, the way evaluation papers print scores.
pub fn pct(x: f64) -> String {
    format!("{:.2}", 100.0 * x)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_columns() {
        let t = render(
            &["metric", "F1"],
            &[
                vec!["Tokens".into(), "99.50".into()],
                vec!["Sentences".into(), "9.10".into()],
            ],
        );
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[0], "metric        F1");
        assert_eq!(lines[1], "---------  -----");
        assert_eq!(lines[2], "Tokens     99.50");
        assert_eq!(lines[3], "Sentences   9.10");
    }

    #[test]
    fn percent_has_two_decimals() {
        assert_eq!(pct(0.95312), "95.31");
        assert_eq!(pct(1.0), "100.00");
    }
}
