//! From input bytes to text: decompression, the binary check, character decoding.
//!
//! Every reader goes through the same three steps, in this order, because each needs the
//! previous one done: compression is recognised by magic bytes (gzip, including multi-member
//! files, and zstd) and undone with a hard cap on the decompressed size, so a small bomb cannot
//! fill memory; the result is checked for signs of a binary file before anyone tries to read it
//! as text; and then the bytes are decoded: a byte-order mark wins, then valid UTF-8, then (for
//! HTML) a `<meta charset>` declaration, then "mostly UTF-8" is decoded lossily with a warning,
//! and anything else goes to the `chardetng` detector and `encoding_rs`.

use std::io::Read;

use encoding_rs::Encoding;

use crate::error::{ErrorKind, ReadError};

/// The compression of an input, recognised from its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compression {
    None,
    Gzip,
    Zstd,
}

/// Recognises gzip (`1f 8b`) and zstd (`28 b5 2f fd`) by their magic bytes.
pub fn compression_of(bytes: &[u8]) -> Compression {
    if bytes.starts_with(&[0x1f, 0x8b]) {
        Compression::Gzip
    } else if bytes.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Compression::Zstd
    } else {
        Compression::None
    }
}

/// Undoes gzip or zstd compression, refusing to produce more than `limit` bytes.
/// Uncompressed input is returned as it is.
pub fn decompress(source: &str, bytes: Vec<u8>, limit: u64) -> Result<Vec<u8>, ReadError> {
    let (name, reader): (&str, Box<dyn Read + '_>) = match compression_of(&bytes) {
        Compression::None => return Ok(bytes),
        Compression::Gzip => (
            "gzip",
            Box::new(flate2::read::MultiGzDecoder::new(&bytes[..])),
        ),
        Compression::Zstd => {
            let d = zstd::stream::read::Decoder::new(&bytes[..]).map_err(|e| {
                ReadError::new(
                    source,
                    ErrorKind::Decompress,
                    format!("cannot open zstd stream: {e}"),
                )
            })?;
            ("zstd", Box::new(d))
        }
    };
    let mut out = Vec::new();
    match reader.take(limit.saturating_add(1)).read_to_end(&mut out) {
        Ok(_) if out.len() as u64 > limit => Err(ReadError::new(
            source,
            ErrorKind::TooLarge,
            format!(
                "decompressed {name} data exceeds the limit of {limit} bytes \
                 (max_decompressed_bytes); raise the limit or split the file"
            ),
        )),
        Ok(_) => Ok(out),
        Err(e) => Err(ReadError::new(
            source,
            ErrorKind::Decompress,
            format!(
                "corrupt or truncated {name} data after {} decompressed bytes: {e}",
                out.len()
            ),
        )),
    }
}

/// Magic numbers of common binary formats that are never news text.
const BINARY_MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP"),
    (b"\x7fELF", "ELF"),
    (b"BZh", "bzip2"),
    (b"\xfd7zXZ\x00", "xz"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"\xd0\xcf\x11\xe0", "OLE (old Office)"),
    (b"RIFF", "RIFF (audio/video)"),
    (b"OggS", "Ogg"),
    (b"\x00asm", "WebAssembly"),
    (b"SQLite format 3\x00", "SQLite"),
];

/// Rejects input that looks binary: a known magic number, a NUL byte, or more than 10% of
/// control characters in its first 64 KiB. UTF-16 with a byte-order mark is text.
pub fn check_binary(source: &str, bytes: &[u8]) -> Result<(), ReadError> {
    for (magic, name) in BINARY_MAGIC {
        if bytes.starts_with(magic) {
            return Err(ReadError::new(
                source,
                ErrorKind::Binary,
                format!("this is a {name} file, not text; dyad reads plain text, HTML, JSON Lines and WARC"),
            ));
        }
    }
    if bytes.starts_with(b"\xff\xfe") || bytes.starts_with(b"\xfe\xff") {
        return Ok(());
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if let Some(pos) = memchr::memchr(0, head) {
        return Err(ReadError::new(
            source,
            ErrorKind::Binary,
            format!("binary file (NUL byte at byte {pos}); dyad reads text inputs only"),
        ));
    }
    let controls = head
        .iter()
        .filter(|&&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0c)) || b == 0x7f)
        .count();
    if !head.is_empty() && controls * 10 > head.len() {
        return Err(ReadError::new(
            source,
            ErrorKind::Binary,
            format!(
                "binary file ({controls} control bytes in the first {} bytes); dyad reads text inputs only",
                head.len()
            ),
        ));
    }
    Ok(())
}

/// Decoded text and what the decoder had to guess or repair.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    pub text: String,
    /// The WHATWG name of the encoding used, e.g. `UTF-8`, `windows-1252`.
    pub encoding: &'static str,
    pub warnings: Vec<String>,
}

/// Decodes `bytes` as text. `html` lets a `<meta charset>` declaration in the first 4 KiB
/// decide when the bytes are not valid UTF-8.
pub fn decode_text(bytes: &[u8], html: bool) -> Decoded {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return decode_with(enc, &bytes[bom_len..], Vec::new());
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Decoded {
            text: s.to_string(),
            encoding: "UTF-8",
            warnings: Vec::new(),
        };
    }
    if html {
        if let Some(enc) = meta_charset(bytes) {
            if enc != encoding_rs::UTF_8 {
                return decode_with(enc, bytes, Vec::new());
            }
        }
    }
    let (multibyte, invalid, first_bad) = utf8_census(bytes);
    if multibyte > 0 && multibyte >= 4 * invalid {
        let text = String::from_utf8_lossy(bytes).into_owned();
        return Decoded {
            text,
            encoding: "UTF-8",
            warnings: vec![format!(
                "invalid UTF-8: {invalid} malformed sequence(s) replaced with U+FFFD, the first at byte {first_bad}"
            )],
        };
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let note = format!(
        "the input is not UTF-8 and declares no encoding; decoded as {} (detected)",
        enc.name()
    );
    decode_with(enc, bytes, vec![note])
}

fn decode_with(enc: &'static Encoding, bytes: &[u8], mut warnings: Vec<String>) -> Decoded {
    let (text, had_errors) = enc.decode_without_bom_handling(bytes);
    if had_errors {
        warnings.push(format!(
            "malformed {} sequences replaced with U+FFFD",
            enc.name()
        ));
    }
    Decoded {
        text: text.into_owned(),
        encoding: enc.name(),
        warnings,
    }
}

/// Counts valid multi-byte UTF-8 characters and malformed sequences, and the offset of the
/// first malformed one.
fn utf8_census(bytes: &[u8]) -> (usize, usize, usize) {
    let (mut multibyte, mut invalid, mut first_bad) = (0, 0, usize::MAX);
    let mut pos = 0;
    while pos < bytes.len() {
        let (valid, step) = match std::str::from_utf8(&bytes[pos..]) {
            Ok(s) => (s, bytes.len() - pos),
            Err(e) => {
                let good = e.valid_up_to();
                let bad = e.error_len().unwrap_or(bytes.len() - pos - good);
                invalid += 1;
                first_bad = first_bad.min(pos + good);
                // SAFETY-free: `good` bytes were validated above.
                let s = std::str::from_utf8(&bytes[pos..pos + good]).unwrap_or("");
                (s, good + bad)
            }
        };
        multibyte += valid.chars().filter(|c| c.len_utf8() > 1).count();
        pos += step;
    }
    (multibyte, invalid, first_bad)
}

/// The encoding named by a `<meta charset=...>` or `<meta http-equiv ... charset=...>` in
/// the first 4 KiB of an HTML document.
pub fn meta_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096)];
    let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&lower[from..], b"<meta") {
        let start = from + i;
        let end = memchr::memchr(b'>', &lower[start..]).map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = memchr::memmem::find(tag, b"charset") {
            let rest = &tag[c + 7..];
            let rest = rest.trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label_end = rest
                    .iter()
                    .position(|b| {
                        !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.'))
                    })
                    .unwrap_or(rest.len());
                if let Some(enc) = Encoding::for_label(&rest[..label_end]) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn multi_member_gzip_is_read_whole() {
        let mut bytes = gzip(b"first member\n");
        bytes.extend(gzip(b"second member\n"));
        let out = decompress("x.gz", bytes, 1 << 20).unwrap();
        assert_eq!(out, b"first member\nsecond member\n");
    }

    #[test]
    fn truncated_gzip_is_an_error() {
        let bytes = gzip(&b"some text that compresses ".repeat(200));
        let cut = bytes[..bytes.len() / 2].to_vec();
        let e = decompress("x.gz", cut, 1 << 20).unwrap_err();
        assert_eq!(e.kind, ErrorKind::Decompress);
        assert!(
            e.to_string().starts_with("x.gz: corrupt or truncated gzip"),
            "{e}"
        );
    }

    #[test]
    fn zstd_round_trip_and_size_limit() {
        let data = b"zstd compressed news ".repeat(100);
        let bytes = zstd::encode_all(&data[..], 3).unwrap();
        assert_eq!(compression_of(&bytes), Compression::Zstd);
        assert_eq!(decompress("x.zst", bytes.clone(), 1 << 20).unwrap(), data);
        let e = decompress("x.zst", bytes, 100).unwrap_err();
        assert_eq!(e.kind, ErrorKind::TooLarge);
        assert!(e.message.contains("limit of 100 bytes"), "{e}");
    }

    #[test]
    fn binary_inputs_are_rejected() {
        assert_eq!(
            check_binary("a", b"%PDF-1.4 ...").unwrap_err().kind,
            ErrorKind::Binary
        );
        let e = check_binary("a", b"abc\0def").unwrap_err();
        assert!(e.message.contains("NUL byte at byte 3"), "{e}");
        assert!(check_binary("a", &[1u8, 2, 3, 4, 5, b'a']).is_err());
        assert!(check_binary("a", "Plain text,\ttabs\r\nand ünïcode.".as_bytes()).is_ok());
    }

    #[test]
    fn latin1_is_detected() {
        let bytes =
            b"Le ministre fran\xe7ais a d\xe9clar\xe9 que la r\xe9union \xe9tait r\xe9ussie \
                      et que les n\xe9gociations continueraient \xe0 Bruxelles.";
        let d = decode_text(bytes, false);
        assert!(d.text.contains("français a déclaré"), "{}", d.text);
        assert_eq!(d.encoding, "windows-1252");
        assert_eq!(d.warnings.len(), 1);
    }

    #[test]
    fn mostly_utf8_is_decoded_lossily_with_warning() {
        let prefix = "Zoë and Chloé met in Köln; café société: ";
        let mut bytes = prefix.as_bytes().to_vec();
        bytes.push(0xff);
        bytes.extend_from_slice(" déjà vu".as_bytes());
        let d = decode_text(&bytes, false);
        assert_eq!(d.encoding, "UTF-8");
        assert!(d.text.contains("société: \u{fffd} déjà"), "{}", d.text);
        let at = format!("first at byte {}", prefix.len());
        assert!(d.warnings[0].contains(&at), "{:?}", d.warnings);
    }

    #[test]
    fn bom_and_meta_charset_decide() {
        let d = decode_text(b"\xef\xbb\xbfhello", false);
        assert_eq!(d.text, "hello");
        let d = decode_text(b"\xff\xfeh\0i\0", false);
        assert_eq!(d.text, "hi");
        assert_eq!(d.encoding, "UTF-16LE");
        let html = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-2\"></head><body>\xb1</body>";
        assert_eq!(meta_charset(html).map(|e| e.name()), Some("ISO-8859-2"));
        assert!(decode_text(html, true).text.contains("<body>ą</body>"));
    }
}
