//! An actor's `mention` is the text as written over its span: the resolver's rules work on
//! tokens joined by spaces, which split hyphenated names and possessives ("Kim Jong - un",
//! "People 's Army") and would misquote the article in every output record.

mod resolved;

use resolved::{annotated, find, resolve};

#[test]
fn mentions_quote_the_text_over_their_span() {
    let text = "Kim Jong-un inspected the Korean People's Army on Monday. \
                Malaysia's Prime Minister met   Thailand's foreign minister.";
    let ms = resolve(text, "2019-11-20");
    let doc = annotated(text);
    for m in &ms {
        let written = &doc.text[m.span.start..m.span.end];
        let collapsed = written.split_whitespace().collect::<Vec<_>>().join(" ");
        assert_eq!(m.mention, collapsed, "{ms:#?}");
    }
    let names: Vec<&str> = ms.iter().map(|m| m.mention.as_str()).collect();
    assert_eq!(find(&ms, "Kim").mention, "Kim Jong-un", "{names:?}");
    assert!(
        names.iter().any(|n| n.contains("People's Army")),
        "{names:?}"
    );
    assert!(names.iter().all(|n| !n.contains(" 's")), "{names:?}");
}
