//! Counting parts of an input on the machine's cores: each run of parts is counted into a tally
//! of its own on its own thread, then the tallies are merged and the refusals applied in row
//! order, so the answer (rejections, limits, strict mode) is the one-thread answer.

use crate::error::Error;

use super::parse::Refusal;
use super::tally::{CountOptions, Tally, source_error};

/// What counting one run gives: its refusals (by row from the run's first, up to the cap) and
/// how many rows it had.
pub(crate) type Counted = Result<(Vec<(u64, Refusal)>, u64), Error>;

/// The number of threads to count on: the machine's cores, at most 8.
pub(crate) fn threads() -> usize {
    std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 8)
}

#[cfg_attr(not(feature = "arrow"), allow(dead_code))]
/// Counts each of `runs` with `count` (on a thread each when there are several) and adds them
/// to `tally` in order; rows are numbered from `first_row + 1`. Returns the rows counted.
pub(crate) fn count_on_threads<R: Sync>(
    tally: &mut Tally,
    runs: &[R],
    count: &(dyn Fn(&R, &mut Tally) -> Counted + Sync),
    first_row: u64,
    options: &CountOptions,
    rejected: &mut u64,
) -> Result<u64, Error> {
    let parts = count_runs(tally, runs, count);
    merge_parts(tally, parts, first_row, options, rejected)
}

/// Each run counted into a tally of its own (empty, like `like`), on a thread each when there
/// are several.
pub(crate) fn count_runs<R: Sync>(
    like: &Tally,
    runs: &[R],
    count: &(dyn Fn(&R, &mut Tally) -> Counted + Sync),
) -> Vec<(Tally, Counted)> {
    if runs.len() <= 1 {
        return runs
            .iter()
            .map(|run| {
                let mut part = like.new_like();
                let counted = count(run, &mut part);
                (part, counted)
            })
            .collect();
    }
    std::thread::scope(|scope| {
        let handles: Vec<_> = runs
            .iter()
            .map(|run| {
                let mut part = like.new_like();
                scope.spawn(move || {
                    let counted = count(run, &mut part);
                    (part, counted)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join().unwrap_or_else(|_| {
                    (like.new_like(), Err(source_error("internal", "", "a counting thread failed".into())))
                })
            })
            .collect()
    })
}

/// Adds counted parts to `tally` in order, applying their refusals with rows numbered from
/// `first_row + 1`; returns the rows they had.
pub(crate) fn merge_parts(
    tally: &mut Tally,
    parts: Vec<(Tally, Counted)>,
    first_row: u64,
    options: &CountOptions,
    rejected: &mut u64,
) -> Result<u64, Error> {
    let mut first = first_row;
    for (part, counted) in parts {
        let (refusals, rows) = counted?;
        tally.merge(&part)?;
        for (row, refusal) in refusals {
            tally.reject(first + row + 1, refusal, options, rejected)?;
        }
        first += rows;
    }
    Ok(first - first_row)
}
