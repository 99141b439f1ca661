//! Handing memory back to the system between stages. glibc's allocator keeps the pages a
//! stage frees (above all in the arenas of worker threads) for later allocations, so a run's
//! resident memory would stay at the high-water mark of every stage before it: on a 1 GB
//! corpus, tens of megabytes after the known titles and after the digests' intern map.
//! The `cuesheet` binary allocates with jemalloc, which returns freed pages by itself only
//! after a delay (ten seconds by default): at 1 GB the pages a step frees were still held
//! while the next step grew, and the peak carried tens of megabytes of them (444 MB with no
//! delay at all against 468–476 MB, on a busy machine). The binary therefore registers a
//! purge ([`on_give_back`]) that runs at the same points as the trim.

use std::sync::OnceLock;

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Registers how the program's allocator hands freed pages back, called by
/// [`give_back_freed`] after glibc's trim. Only the first registration counts.
pub fn on_give_back(release: fn()) {
    let _ = RELEASE.set(release);
}

/// Returns the free pages of every arena to the system; the next stage's peak then starts
/// from what is really held.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases pages the allocator holds free; it touches no
    // live allocation and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
    if let Some(release) = RELEASE.get() {
        release();
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};

    static RELEASES: AtomicUsize = AtomicUsize::new(0);

    fn count_release() {
        RELEASES.fetch_add(1, Ordering::SeqCst);
    }

    #[test]
    fn a_registered_release_runs_when_memory_is_given_back() {
        super::on_give_back(count_release);
        let before = RELEASES.load(Ordering::SeqCst);
        super::give_back_freed();
        // Other tests may give memory back at the same time, never fewer.
        assert!(RELEASES.load(Ordering::SeqCst) > before);
    }
}
