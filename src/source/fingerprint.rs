//! A newsletter's identity for the store: a hash of its bytes, so a renamed or moved file keeps
//! its bookmarks.

/// The fingerprint that identifies a newsletter: a 64-bit hash of its bytes, so a renamed or
/// moved file keeps its bookmarks (and a new version of kanbao that cleans text differently
/// still knows it).
pub fn fingerprint(bytes: &[u8]) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(bytes))
}

/// [`fingerprint`] of bytes that come in pieces.
#[derive(Default, Clone)]
pub struct Fingerprint(xxhash_rust::xxh3::Xxh3Default);

impl Fingerprint {
    /// Nothing seen yet.
    pub fn new() -> Fingerprint {
        Fingerprint::default()
    }

    /// The next piece.
    pub fn update(&mut self, piece: &[u8]) {
        self.0.update(piece);
    }

    /// The fingerprint of all the pieces together.
    pub fn finish(&self) -> String {
        format!("{:016x}", self.0.digest())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_depend_on_the_bytes_only() {
        assert_eq!(fingerprint("一".as_bytes()), fingerprint("一".as_bytes()));
        assert_ne!(fingerprint("一".as_bytes()), fingerprint("二".as_bytes()));
        assert_eq!(fingerprint(b"").len(), 16);
        let mut pieces = Fingerprint::new();
        pieces.update("一".as_bytes());
        pieces.update("二".as_bytes());
        assert_eq!(pieces.finish(), fingerprint("一二".as_bytes()));
    }
}
