//! Word sets for the event rules: fixed lists of lower-case words (clause openers, group nouns,
//! roles, ...) read with one hash probe per token. The type lives in `text::words`, shared with
//! the date scanner; it is re-exported here for the event modules, with a byte table of
//! signatures for the scans that test every token of a window.

use crate::text::words::Signatures;
pub use crate::text::words::WordSet;

/// A set of token signatures (`words::Signatures`) kept as one byte per signature (8 KiB)
/// rather than one bit, so that testing a token is a single load: for the scans that read every
/// token of a document or of a clause, where most tokens are turned away by this test alone.
pub struct SignatureBytes([bool; 8192]);

impl SignatureBytes {
    /// The signatures of `words`.
    pub fn of<'w>(words: impl Iterator<Item = &'w [u8]>) -> SignatureBytes {
        let bits = Signatures::of(words);
        let mut bytes = SignatureBytes([false; 8192]);
        for (sig, b) in (0u16..).zip(bytes.0.iter_mut()) {
            *b = bits.has(sig);
        }
        bytes
    }

    /// True when signature `sig` is in the set.
    #[inline(always)]
    pub fn has(&self, sig: u16) -> bool {
        self.0[usize::from(sig) % 8192]
    }
}
