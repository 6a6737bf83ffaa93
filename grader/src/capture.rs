//! Reads a child process's output stream on a thread, in large blocks, keeping its head and tail.
//!
//! A test may print hundreds of megabytes. The report needs only the start (what the test printed
//! first) and the end (libtest's verdict and the panic message), so the reader keeps the first
//! half of its budget as it arrives and the last half in a ring buffer. Every byte is copied at
//! most once, a block at a time, so reading costs about what producing the output costs.

use std::io::{ErrorKind, Read};
use std::sync::mpsc;

/// How much the reader asks the stream for at once.
const BLOCK_BYTES: usize = 64 * 1024;

/// What a stream said: its first bytes, its last bytes, and how many bytes between them were
/// read and left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct CapturedOutput {
    /// The stream's first bytes, as they came.
    pub head: Vec<u8>,
    /// The stream's last bytes, right after `head` when nothing was left out.
    pub tail: Vec<u8>,
    /// How many bytes were read between `head` and `tail` and not kept.
    pub dropped: u64,
}

impl CapturedOutput {
    /// The output as text (invalid UTF-8 replaced by `�`): the head, a line saying how much was
    /// left out when something was, then the tail.
    pub fn to_text(&self) -> String {
        let mut text = String::from_utf8_lossy(&self.head).into_owned();
        if self.dropped > 0 {
            text.push_str(&format!(
                "\n… ({} bytes of output left out) …\n",
                self.dropped
            ));
        }
        text.push_str(&String::from_utf8_lossy(&self.tail));
        text
    }
}

/// Reads `stream` to its end (or to its first read error) on a thread of its own and sends what it
/// kept: at most `cap` bytes, the first `cap / 2` and the last `cap - cap / 2`. An output of at most
/// `cap` bytes is kept whole.
pub fn spawn_capture(
    stream: impl Read + Send + 'static,
    cap: usize,
) -> mpsc::Receiver<CapturedOutput> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        // The receiver may have stopped waiting; then there is nobody to tell.
        let _ = sender.send(capture(stream, cap));
    });
    receiver
}

/// Reads `stream` to its end on the current thread; see [`spawn_capture`].
fn capture(mut stream: impl Read, cap: usize) -> CapturedOutput {
    let head_cap = cap / 2;
    let mut head = Vec::with_capacity(head_cap.min(BLOCK_BYTES));
    let mut tail = TailRing::new(cap - head_cap);
    let mut dropped = 0u64;
    let mut block = vec![0u8; BLOCK_BYTES];
    loop {
        let n = match stream.read(&mut block) {
            Ok(0) => break,
            Ok(n) => n,
            // A signal arrived before any byte did: nothing was lost, so read again.
            Err(e) if e.kind() == ErrorKind::Interrupted => continue,
            Err(_) => break,
        };
        let to_head = n.min(head_cap - head.len());
        head.extend_from_slice(&block[..to_head]);
        dropped += tail.push(&block[to_head..n]);
    }
    CapturedOutput {
        head,
        tail: tail.into_bytes(),
        dropped,
    }
}

/// The last `capacity` bytes written to it. It fills up like a `Vec`; once full, new bytes
/// overwrite the oldest ones in place, from `oldest` on, wrapping round to the start.
struct TailRing {
    bytes: Vec<u8>,
    capacity: usize,
    /// Once the ring is full: where its oldest byte is, which is where the next byte goes.
    oldest: usize,
}

impl TailRing {
    fn new(capacity: usize) -> Self {
        TailRing {
            bytes: Vec::new(),
            capacity,
            oldest: 0,
        }
    }

    /// Keeps the last `capacity` bytes of what it held followed by `new`; returns how many bytes
    /// it let go of.
    fn push(&mut self, new: &[u8]) -> u64 {
        let held = self.bytes.len();
        if new.len() >= self.capacity {
            // `new` alone fills the ring: everything held before, and the start of `new`, go.
            let keep_from = new.len() - self.capacity;
            self.bytes.clear();
            self.bytes.extend_from_slice(&new[keep_from..]);
            self.oldest = 0;
            return (held + keep_from) as u64;
        }
        // Fill the free room first, as long as there is some.
        let room = self.capacity - held;
        let (fills, overwrites) = new.split_at(new.len().min(room));
        self.bytes.extend_from_slice(fills);
        // The rest replaces the oldest bytes: up to the end of the buffer, then from its start.
        let up_to_end = overwrites.len().min(self.capacity - self.oldest);
        let (before_wrap, after_wrap) = overwrites.split_at(up_to_end);
        self.bytes[self.oldest..self.oldest + before_wrap.len()].copy_from_slice(before_wrap);
        self.bytes[..after_wrap.len()].copy_from_slice(after_wrap);
        if !overwrites.is_empty() {
            self.oldest = (self.oldest + overwrites.len()) % self.capacity;
        }
        overwrites.len() as u64
    }

    /// The bytes it holds, oldest first.
    fn into_bytes(mut self) -> Vec<u8> {
        self.bytes.rotate_left(self.oldest);
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use std::io::Cursor;

    use super::*;

    /// Bytes that differ from their neighbours and do not repeat with a short period, so that a
    /// byte kept from the wrong place shows.
    fn pattern(len: usize) -> Vec<u8> {
        (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
    }

    /// A stream that hands out its bytes in reads of uneven sizes, as a pipe does.
    struct UnevenReads {
        bytes: Cursor<Vec<u8>>,
        sizes: std::iter::Cycle<std::array::IntoIter<usize, 7>>,
    }

    impl UnevenReads {
        fn new(bytes: Vec<u8>) -> Self {
            UnevenReads {
                bytes: Cursor::new(bytes),
                sizes: [1, 4096, 7, 65_536, 3, 50_000, 1000].into_iter().cycle(),
            }
        }
    }

    impl Read for UnevenReads {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            let size = self
                .sizes
                .next()
                .expect("the sizes cycle")
                .min(buffer.len());
            self.bytes.read(&mut buffer[..size])
        }
    }

    /// A stream that gives `bytes`, is interrupted once, gives `bytes` again, then fails.
    struct FailsAfter {
        reads: std::vec::IntoIter<std::io::Result<Vec<u8>>>,
    }

    impl Read for FailsAfter {
        fn read(&mut self, buffer: &mut [u8]) -> std::io::Result<usize> {
            match self.reads.next() {
                Some(Ok(bytes)) => {
                    buffer[..bytes.len()].copy_from_slice(&bytes);
                    Ok(bytes.len())
                }
                Some(Err(e)) => Err(e),
                None => panic!("read again after an error"),
            }
        }
    }

    fn received(stream: impl Read + Send + 'static, cap: usize) -> CapturedOutput {
        spawn_capture(stream, cap)
            .recv()
            .expect("the reader sends what it kept")
    }

    #[test]
    fn a_small_output_is_kept_whole() {
        let output = received(Cursor::new(b"running 1 test\nok\n".to_vec()), 64);
        assert_eq!(output.dropped, 0);
        assert_eq!(
            [output.head.as_slice(), output.tail.as_slice()].concat(),
            b"running 1 test\nok\n"
        );
        assert_eq!(output.to_text(), "running 1 test\nok\n", "no marker");

        let exactly_the_cap = pattern(1000);
        let output = received(Cursor::new(exactly_the_cap.clone()), 1000);
        assert_eq!(output.dropped, 0);
        assert_eq!(output.head, exactly_the_cap[..500]);
        assert_eq!(output.tail, exactly_the_cap[500..]);
    }

    #[test]
    fn a_large_output_keeps_its_exact_head_and_tail_and_counts_the_rest() {
        let bytes = pattern(1_000_003);
        let output = received(Cursor::new(bytes.clone()), 10_000);
        assert_eq!(output.head, bytes[..5000]);
        assert_eq!(output.tail, bytes[bytes.len() - 5000..]);
        assert_eq!(output.dropped, 1_000_003 - 10_000);
    }

    #[test]
    fn every_cap_and_every_read_size_keep_the_right_bytes() {
        let bytes = pattern(300_001);
        for cap in [
            0, 1, 2, 3, 10, 4097, 65_536, 131_073, 300_000, 300_001, 400_000,
        ] {
            let output = received(UnevenReads::new(bytes.clone()), cap);
            let kept = cap.min(bytes.len());
            let head_len = (cap / 2).min(bytes.len());
            let tail_len = kept - head_len;
            assert_eq!(output.head, bytes[..head_len], "head, cap {cap}");
            assert_eq!(
                output.tail,
                bytes[bytes.len() - tail_len..],
                "tail, cap {cap}"
            );
            assert_eq!(
                output.dropped,
                (bytes.len() - kept) as u64,
                "dropped, cap {cap}"
            );
        }
    }

    #[test]
    fn the_text_says_how_much_was_left_out_between_head_and_tail() {
        let output = CapturedOutput {
            head: b"first\n".to_vec(),
            tail: b"last \xff\n".to_vec(),
            dropped: 12_345,
        };
        assert_eq!(
            output.to_text(),
            "first\n\n… (12345 bytes of output left out) …\nlast \u{fffd}\n"
        );
    }

    #[test]
    fn a_read_error_ends_the_capture_with_what_was_read() {
        let interrupted = std::io::Error::from(ErrorKind::Interrupted);
        let broken = std::io::Error::from(ErrorKind::BrokenPipe);
        let stream = FailsAfter {
            reads: vec![
                Ok(b"abc".to_vec()),
                Err(interrupted),
                Ok(b"def".to_vec()),
                Err(broken),
            ]
            .into_iter(),
        };
        let output = received(stream, 4);
        assert_eq!(output.head, b"ab", "an interruption loses nothing");
        assert_eq!(output.tail, b"ef");
        assert_eq!(output.dropped, 2);
    }
}
