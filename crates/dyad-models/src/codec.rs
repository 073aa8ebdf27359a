//! The model file format and its binary encoding.
//!
//! A model file is `MAGIC` (8 bytes), the format version (u32 LE), the model kind (8 bytes,
//! NUL-padded, e.g. `tagger`), then a gzip stream of the payload. Gzip carries a CRC-32, so a
//! truncated or flipped file fails to decompress instead of loading garbage. The payload is a
//! flat little-endian encoding written by [`Enc`] and read back by [`Dec`], which checks every
//! length against the bytes left, so a corrupt file is an error that says where, never a panic
//! or a huge allocation.

use std::io::{Read, Write};
use std::path::Path;

use flate2::{read::GzDecoder, write::GzEncoder, Compression};

use crate::hugemem::HugeBuf;
use crate::ModelError;

/// The first bytes of every dyad model file.
pub const MAGIC: &[u8; 8] = b"DYADMDL\x01";
/// Bumped whenever the payload layout of any model changes.
pub const FORMAT_VERSION: u32 = 1;

/// A payload being written.
#[derive(Default)]
pub struct Enc {
    pub buf: Vec<u8>,
}

impl Enc {
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    pub fn u16(&mut self, v: u16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    pub fn len(&mut self, n: usize) {
        self.u32(n as u32);
    }
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.buf.extend_from_slice(s.as_bytes());
    }
    pub fn strs(&mut self, v: &[String]) {
        self.len(v.len());
        for s in v {
            self.str(s);
        }
    }
}

/// A payload being read; every read is bounds-checked.
pub struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Dec<'a> {
    pub fn new(buf: &'a [u8]) -> Dec<'a> {
        Dec { buf, pos: 0 }
    }

    pub(crate) fn corrupt(&self, what: &str) -> ModelError {
        ModelError::Corrupt {
            path: String::new(),
            offset: self.pos,
            what: what.to_string(),
        }
    }

    #[inline]
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], ModelError> {
        if self.buf.len() - self.pos < n {
            return Err(self.truncated(what));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    /// The error of a read past the end (kept out of line: reads are inlined in the loops
    /// that load millions of weights).
    #[cold]
    #[inline(never)]
    fn truncated(&self, what: &str) -> ModelError {
        self.corrupt(&format!("truncated while reading {what}"))
    }

    /// The next `n` bytes.
    #[inline]
    pub fn bytes(&mut self, n: usize, what: &str) -> Result<&'a [u8], ModelError> {
        self.take(n, what)
    }
    /// Moves to offset `pos` (at most the length), for a caller that read ahead in
    /// [`Dec::data`] itself.
    pub(crate) fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.buf.len());
    }
    /// The error of a read of `what` past the end at offset `pos` (see [`Dec::seek`]).
    #[cold]
    #[inline(never)]
    pub(crate) fn truncated_at(&mut self, pos: usize, what: &str) -> ModelError {
        self.seek(pos);
        self.truncated(what)
    }
    /// All the bytes, read or not.
    pub(crate) fn data(&self) -> &'a [u8] {
        self.buf
    }
    /// The offset of the next byte to read.
    pub fn position(&self) -> usize {
        self.pos
    }
    /// The number of bytes left to read.
    pub fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }
    #[inline]
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1, "u8")?[0])
    }
    #[inline]
    pub fn u16(&mut self) -> Result<u16, ModelError> {
        let b = self.take(2, "u16")?;
        Ok(u16::from_le_bytes([b[0], b[1]]))
    }
    #[inline]
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4, "u32")?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    #[inline]
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8, "u64")?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        let b = self.take(4, "f32")?;
        let v = f32::from_le_bytes([b[0], b[1], b[2], b[3]]);
        if !v.is_finite() {
            return Err(self.corrupt("non-finite weight"));
        }
        Ok(v)
    }
    /// A count of items of at least `min_item` bytes each; checked against the bytes left.
    pub fn len(&mut self, min_item: usize) -> Result<usize, ModelError> {
        let n = self.u32()? as usize;
        if n.saturating_mul(min_item.max(1)) > self.buf.len() - self.pos {
            return Err(self.corrupt(&format!("length {n} exceeds the data left")));
        }
        Ok(n)
    }
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.len(1)?;
        let b = self.take(n, "string")?;
        String::from_utf8(b.to_vec()).map_err(|_| self.corrupt("string is not UTF-8"))
    }
    pub fn strs(&mut self) -> Result<Vec<String>, ModelError> {
        let n = self.len(4)?;
        (0..n).map(|_| self.str()).collect()
    }
    /// A class or label index that must be below `n`.
    pub fn index(&mut self, n: usize, what: &str) -> Result<u16, ModelError> {
        let v = self.u16()?;
        if v as usize >= n {
            return Err(self.corrupt(&format!("{what} index {v} out of range (< {n})")));
        }
        Ok(v)
    }
    /// True when every byte has been read.
    pub fn at_end(&self) -> bool {
        self.pos == self.buf.len()
    }
    pub fn finish(&self) -> Result<(), ModelError> {
        if self.pos != self.buf.len() {
            return Err(self.corrupt("trailing bytes after the model"));
        }
        Ok(())
    }
}

fn kind_bytes(kind: &str) -> [u8; 8] {
    let mut k = [0u8; 8];
    for (d, s) in k.iter_mut().zip(kind.bytes()) {
        *d = s;
    }
    k
}

/// Writes a model file: header, then the gzip-compressed payload.
pub fn write_file(path: &Path, kind: &str, payload: &[u8]) -> Result<(), ModelError> {
    let io = |e: std::io::Error| ModelError::Io {
        path: path.display().to_string(),
        source: e,
    };
    let mut out = Vec::with_capacity(payload.len() / 3 + 32);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&kind_bytes(kind));
    let mut gz = GzEncoder::new(out, Compression::best());
    gz.write_all(payload).map_err(io)?;
    let out = gz.finish().map_err(io)?;
    if let Some(dir) = path.parent() {
        if !dir.as_os_str().is_empty() {
            std::fs::create_dir_all(dir).map_err(io)?;
        }
    }
    std::fs::write(path, out).map_err(io)
}

/// Reads a model file of `kind` and returns its payload, checking magic, version and kind.
pub fn read_file(path: &Path, kind: &str) -> Result<Payload, ModelError> {
    let p = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| ModelError::Io {
        path: p.clone(),
        source: e,
    })?;
    read_bytes(&bytes, kind).map_err(|e| e.at(&p))
}

/// Checks magic, version and kind of the model file `bytes`.
fn check_header(bytes: &[u8], kind: &str) -> Result<(), ModelError> {
    if bytes.len() < 20 || &bytes[..8] != MAGIC {
        return Err(ModelError::BadMagic {
            path: String::new(),
        });
    }
    let version = u32::from_le_bytes([bytes[8], bytes[9], bytes[10], bytes[11]]);
    if version != FORMAT_VERSION {
        return Err(ModelError::Version {
            path: String::new(),
            found: version,
            expected: FORMAT_VERSION,
        });
    }
    if bytes[12..20] != kind_bytes(kind) {
        let found = String::from_utf8_lossy(&bytes[12..20])
            .trim_end_matches('\0')
            .to_string();
        return Err(ModelError::Kind {
            path: String::new(),
            found,
            expected: kind.to_string(),
        });
    }
    Ok(())
}

/// The payload of `gz` by the streaming decoder (after [`inflate_into`] declined it).
fn inflate_streaming(gz: &[u8]) -> Result<Vec<u8>, ModelError> {
    let mut payload = Vec::new();
    GzDecoder::new(gz)
        .read_to_end(&mut payload)
        .map_err(|e| ModelError::Corrupt {
            path: String::new(),
            offset: 20,
            what: format!("compressed payload does not decompress: {e}"),
        })?;
    Ok(payload)
}

/// [`read_file`] on bytes already in memory.
pub fn read_bytes(bytes: &[u8], kind: &str) -> Result<Payload, ModelError> {
    let mut out = None;
    let heap = decode_into(bytes, kind, &mut out)?;
    Ok(Payload(match (heap, out) {
        (None, Some(payload)) => Buf::Mapped(payload),
        (heap, _) => Buf::Heap(heap.unwrap_or_default()),
    }))
}

/// Checks the header of the model file `bytes` and decompresses its payload: in one call
/// into `out` (see [`inflate_into`]; `None` returned), or, where that declines, by the
/// streaming decoder (the payload returned).
fn decode_into(
    bytes: &[u8],
    kind: &str,
    out: &mut Option<HugeBuf<u8>>,
) -> Result<Option<Vec<u8>>, ModelError> {
    check_header(bytes, kind)?;
    if inflate_into(&bytes[20..], out) {
        return Ok(None);
    }
    inflate_streaming(&bytes[20..]).map(Some)
}

/// Reads model files one after another into buffers it keeps, for loading several models:
/// the file bytes and the decompressed payload each go into memory already mapped for the
/// previous file instead of fresh pages, which the kernel clears first (for tens of
/// megabytes, a good part of the system time of starting up). What it returns is what
/// [`read_file`] returns.
#[derive(Default)]
pub struct Reader {
    /// The bytes of the file being read.
    file: Vec<u8>,
    /// The payload decompressed in one call (the one in use when `heap` is `None`).
    out: Option<HugeBuf<u8>>,
    /// The payload decompressed by the streaming decoder.
    heap: Option<Vec<u8>>,
}

impl Reader {
    /// Makes room for the largest file and payload of `paths` at once (the payload size is
    /// in the gzip trailer), so that the buffers are allocated once whatever the order of
    /// reading. Files that cannot be read are skipped: [`Reader::read`] reports them.
    pub fn reserve_for(&mut self, paths: &[&Path]) {
        let (mut file, mut size) = (0usize, 0usize);
        for p in paths {
            if let Some((f, s)) = sizes(p) {
                file = file.max(f);
                size = size.max(s);
            }
        }
        self.file.reserve(file);
        let fits = self.out.as_mut().is_some_and(|b| b.fit(size));
        if !fits && size > 0 {
            self.out = None;
            self.out = Some(HugeBuf::zeroed(size));
        }
    }

    /// The payload of the model file of `kind` at `path` (see [`read_file`]), valid until
    /// the next read.
    pub fn read(&mut self, path: &Path, kind: &str) -> Result<&[u8], ModelError> {
        let p = path.display().to_string();
        let io = |e: std::io::Error| ModelError::Io {
            path: p.clone(),
            source: e,
        };
        self.file.clear();
        let mut f = std::fs::File::open(path).map_err(io)?;
        if let Ok(m) = f.metadata() {
            self.file.reserve(m.len() as usize);
        }
        f.read_to_end(&mut self.file).map_err(io)?;
        self.heap = None;
        self.heap = decode_into(&self.file, kind, &mut self.out).map_err(|e| e.at(&p))?;
        Ok(match (&self.heap, &self.out) {
            (Some(v), _) => &v[..],
            (None, Some(b)) => &b[..],
            (None, None) => &[],
        })
    }
}

/// The length of the file at `path` and the payload size its gzip trailer gives, if it
/// can be read and the size is plausible (see [`inflate_into`]).
fn sizes(path: &Path) -> Option<(usize, usize)> {
    use std::io::{Seek, SeekFrom};
    let mut f = std::fs::File::open(path).ok()?;
    let len = f.metadata().ok()?.len() as usize;
    if len < 24 {
        return None;
    }
    f.seek(SeekFrom::End(-4)).ok()?;
    let mut t = [0u8; 4];
    f.read_exact(&mut t).ok()?;
    let size = u32::from_le_bytes(t) as usize;
    (size <= (len - 20).saturating_mul(64)).then_some((len, size))
}

/// The decompressed payload of a model file: bytes, freed when dropped.
pub struct Payload(Buf);

enum Buf {
    /// Decompressed in one call into fresh pages (see [`inflate_into`]).
    Mapped(HugeBuf<u8>),
    /// Decompressed by the streaming decoder.
    Heap(Vec<u8>),
}

impl std::ops::Deref for Payload {
    type Target = [u8];
    fn deref(&self) -> &[u8] {
        match &self.0 {
            Buf::Mapped(b) => b,
            Buf::Heap(v) => v,
        }
    }
}

impl std::fmt::Debug for Payload {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Payload({} bytes)", self.len())
    }
}

/// Decompresses the gzip stream `gz` in one call (libdeflate) into `out`, set to the size
/// its trailer gives: about half the time of the streaming decoder, on data that is mostly
/// literals (hashed keys), and decompressing was the largest part of loading the models.
/// False unless the stream decodes whole, checksum and length verified, into exactly that
/// size; the streaming decoder then decides (and words the error).
///
/// `out` is reused when its pages hold the payload (every byte is written: the size is
/// checked), else replaced by a buffer mapped fresh from the kernel ([`HugeBuf`]), whose
/// pages come zeroed: a heap buffer of tens of megabytes is often recycled memory that
/// `calloc` clears first, every byte of which the decompressor overwrites anyway.
fn inflate_into(gz: &[u8], out: &mut Option<HugeBuf<u8>>) -> bool {
    let Some(trailer) = gz.len().checked_sub(4) else {
        return false;
    };
    let size = u32::from_le_bytes([
        gz[trailer],
        gz[trailer + 1],
        gz[trailer + 2],
        gz[trailer + 3],
    ]) as usize;
    // Model payloads compress about 3:1; a larger claim is a damaged trailer (or an odd
    // file), not worth a big allocation up front.
    if size > gz.len().saturating_mul(64) {
        return false;
    }
    if !out.as_mut().is_some_and(|b| b.fit(size)) {
        *out = None;
        *out = Some(HugeBuf::zeroed(size));
    }
    let Some(buf) = out.as_mut() else {
        return false;
    };
    matches!(
        libdeflater::Decompressor::new().gzip_decompress(gz, buf),
        Ok(got) if got == size
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_errors() {
        let mut e = Enc::default();
        e.str("héllo");
        e.u64(42);
        e.f32(1.5);
        let got = read_bytes(&frame("tagger", &e.buf), "tagger").unwrap();
        let mut d = Dec::new(&got);
        assert_eq!(d.str().unwrap(), "héllo");
        assert_eq!(d.u64().unwrap(), 42);
        assert_eq!(d.f32().unwrap(), 1.5);
        assert!(d.finish().is_ok());
        assert!(d.u8().is_err());

        let f = frame("tagger", &e.buf);
        assert!(matches!(
            read_bytes(&f, "parser"),
            Err(ModelError::Kind { .. })
        ));
        assert!(matches!(
            read_bytes(b"not a model at all..", "tagger"),
            Err(ModelError::BadMagic { .. })
        ));
        let mut old = f.clone();
        old[8] = 0;
        assert!(matches!(
            read_bytes(&old, "tagger"),
            Err(ModelError::Version { .. })
        ));
        let mut bad = f.clone();
        let n = bad.len();
        bad[n - 6] ^= 0xff; // inside the CRC / payload
        assert!(read_bytes(&bad, "tagger").is_err());
        assert!(read_bytes(&f[..f.len() - 3], "tagger").is_err());
    }

    #[test]
    fn huge_length_is_an_error_not_an_allocation() {
        let mut e = Enc::default();
        e.u32(u32::MAX);
        let mut d = Dec::new(&e.buf);
        assert!(d.str().is_err());
    }

    #[test]
    fn reader_reuses_its_buffers_and_reads_what_read_file_reads() {
        let dir = tempfile::tempdir().unwrap();
        // Hashed-looking words (barely compress, like the models' keys) and a short text.
        let big: Vec<u8> = (0..300_000u32)
            .flat_map(|i| i.wrapping_mul(2_654_435_761).to_le_bytes())
            .collect();
        let small = b"a short payload".to_vec();
        let (pb, ps) = (dir.path().join("b.bin"), dir.path().join("s.bin"));
        write_file(&pb, "tagger", &big).unwrap();
        write_file(&ps, "tagger", &small).unwrap();
        assert_eq!(&read_file(&pb, "tagger").unwrap()[..], &big[..]);
        let missing = dir.path().join("missing.bin");
        // Sized up front for the larger file; the missing one is left to `read`.
        let mut r = Reader::default();
        r.reserve_for(&[&ps, &pb, &missing]);
        assert_eq!(r.read(&ps, "tagger").unwrap(), &small[..]);
        assert_eq!(r.read(&pb, "tagger").unwrap(), &big[..]);
        assert_eq!(r.read(&ps, "tagger").unwrap(), &small[..]);
        assert!(matches!(
            r.read(&missing, "tagger"),
            Err(ModelError::Io { .. })
        ));
        assert!(matches!(
            r.read(&pb, "parser"),
            Err(ModelError::Kind { .. })
        ));
        // Not sized first: the buffer of the small payload is replaced for the big one.
        let mut r = Reader::default();
        assert_eq!(r.read(&ps, "tagger").unwrap(), &small[..]);
        assert_eq!(r.read(&pb, "tagger").unwrap(), &big[..]);
        // A wrong size in the trailer: neither decoder accepts the stream.
        let mut f = std::fs::read(&pb).unwrap();
        let n = f.len();
        f[n - 2] ^= 1;
        std::fs::write(&pb, &f).unwrap();
        assert!(r.read(&pb, "tagger").is_err());
        assert_eq!(r.read(&ps, "tagger").unwrap(), &small[..]);
    }

    fn frame(kind: &str, payload: &[u8]) -> Vec<u8> {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("m.bin");
        write_file(&p, kind, payload).unwrap();
        std::fs::read(p).unwrap()
    }
}
