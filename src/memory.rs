//! Handing memory back to the system between stages. glibc's allocator keeps the pages a
//! stage frees (above all in the arenas of worker threads) for later allocations, so a run's
//! resident memory would stay at the high-water mark of every stage before it: on a 1 GB
//! corpus, tens of megabytes after the known titles and after the digests' intern map.
//! The `cuesheet` binary allocates with jemalloc, which returns freed pages by itself over
//! time; the trim serves programs that call the library on glibc's allocator.

/// Returns the free pages of every arena to the system; the next stage's peak then starts
/// from what is really held.
pub fn give_back_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: `malloc_trim` only releases pages the allocator holds free; it touches no
    // live allocation and is safe to call from any thread at any time.
    unsafe {
        libc::malloc_trim(0);
    }
}
