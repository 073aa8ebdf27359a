//! CPU time of the calling thread: the clock the speed measurements of dyad read.
//!
//! The machines dyad is benchmarked on are shared and noisy; wall time counts the time other
//! processes take from us, the thread's CPU time does not. The models' speed examples and the
//! pipeline's per-stage times (`DYAD_STAGE_TIMES`) use this one clock.

/// CPU time the calling thread has used, in seconds (0 if the clock cannot be read).
pub fn thread_cpu_seconds() -> f64 {
    let mut t = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes one timespec into the valid pointer it is given; the
    // clock id is one Linux and the BSDs define. On failure `t` stays zero.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut t) };
    t.tv_sec as f64 + t.tv_nsec as f64 * 1e-9
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_clock_advances_with_work() {
        let a = super::thread_cpu_seconds();
        let mut x = 0u64;
        for i in 0..20_000_000u64 {
            x = std::hint::black_box(x.wrapping_mul(31).wrapping_add(i));
        }
        let b = super::thread_cpu_seconds();
        assert!(a > 0.0 && b > a, "{a} then {b} ({x})");
    }
}
