//! Handing memory back to the system between stages. glibc's allocator keeps the pages a
//! stage frees (above all in the arenas of worker threads) for later allocations, so a run's
//! resident memory would stay at the high-water mark of every stage before it: on a 1 GB
//! corpus, tens of megabytes after the known titles and after the digests' intern map.
//! The `cuesheet` binary allocates with jemalloc, which returns freed pages by itself only
//! after a delay (ten seconds by default): at 1 GB the pages a step frees were still held
//! while the next step grew, and the peak carried tens of megabytes of them (444 MB with no
//! delay at all against 468–476 MB, on a busy machine). The binary therefore registers a
//! purge ([`on_give_back`]) that runs at the same points as the trim, in runs large enough
//! for it to matter ([`release_in_this_run`]).

use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

static RELEASE: OnceLock<fn()> = OnceLock::new();

/// Whether the registered release runs. Pages it hands back are faulted in again by the next
/// step: at 100 MB of text it cost 45,000 page faults (59k → 104k), about 2% of the CPU,
/// for a peak that was no concern.
static RELEASE_WORTHWHILE: AtomicBool = AtomicBool::new(true);

/// Registers how the program's allocator hands freed pages back, called by
/// [`give_back_freed`] after glibc's trim. Only the first registration counts.
pub fn on_give_back(release: fn()) {
    let _ = RELEASE.set(release);
}

/// Says whether the run under way is large enough for the registered release to pay: a run
/// whose mentions are held in memory is not. Process-wide, as the allocator is.
pub fn release_in_this_run(worthwhile: bool) {
    RELEASE_WORTHWHILE.store(worthwhile, Ordering::Relaxed);
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
    if let Some(release) = RELEASE.get()
        && RELEASE_WORTHWHILE.load(Ordering::Relaxed)
    {
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
    fn a_registered_release_runs_when_memory_is_given_back_in_a_run_worth_it() {
        // The only test that changes the switch (no unit test runs the whole pipeline), so
        // other tests giving memory back meanwhile follow it too.
        super::on_give_back(count_release);
        super::release_in_this_run(false);
        let before = RELEASES.load(Ordering::SeqCst);
        super::give_back_freed();
        assert_eq!(RELEASES.load(Ordering::SeqCst), before, "a small run skips the release");
        super::release_in_this_run(true);
        super::give_back_freed();
        // Other tests may give memory back at the same time, never fewer.
        assert!(RELEASES.load(Ordering::SeqCst) > before);
    }
}
