//! Internal faults at the library's boundary. A binding runs each exported call through
//! [`catch`], so that a panic inside (a bug in skillplan) comes back as an `INTERNAL` error of
//! the host's usual kind instead of unwinding into — or aborting — the host process. [`inject`]
//! makes the next call of an operation fail that way, so that hosts (and our binding tests) can
//! exercise their error path without a real bug.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError};

use crate::error::InternalError;

/// Operations armed by [`inject`], each failing once. The flag spares every call the lock while
/// nothing is armed (always, outside tests).
static ARMED: AtomicBool = AtomicBool::new(false);
static TARGETS: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// The panic payload of an injected fault; raised with `resume_unwind`, which skips the panic
/// hook, so an injected fault prints nothing.
struct Injected;

/// Runs `f`, the body of the exported call `operation`. A panic inside becomes
/// `Error::Internal` naming the operation; the panic's own message is dropped, as it could quote
/// the input.
pub fn catch<T>(operation: &'static str, f: impl FnOnce() -> T) -> Result<T, crate::Error> {
    catch_unwind(AssertUnwindSafe(|| {
        trip(operation);
        f()
    }))
    .map_err(|_payload| InternalError { operation: operation.to_owned() }.into())
}

/// Makes the next [`catch`]ed call of `operation` (the snake_case name of the exported function,
/// e.g. `check_eligibility`, or `*` for any) fail with `INTERNAL`, once, in any thread.
pub fn inject(operation: &str) {
    let mut targets = TARGETS.lock().unwrap_or_else(PoisonError::into_inner);
    targets.push(operation.to_owned());
    ARMED.store(true, Ordering::SeqCst);
}

fn trip(operation: &str) {
    if !ARMED.load(Ordering::Relaxed) {
        return;
    }
    let mut targets = TARGETS.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(i) = targets.iter().position(|t| t == operation || t == "*") {
        targets.remove(i);
        ARMED.store(!targets.is_empty(), Ordering::SeqCst);
        drop(targets);
        resume_unwind(Box::new(Injected));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorCode;

    #[test]
    fn a_panic_becomes_internal_without_its_message() {
        let secret = "11010519491231002X";
        let result: Result<(), _> = catch("count_records", || panic!("row with {secret}"));
        let e = result.unwrap_err();
        assert_eq!(e.code(), ErrorCode::Internal);
        assert_eq!(e.reason(), Some("panic"));
        assert!(e.to_string().contains("count_records"));
        assert!(!e.to_string().contains(secret) && !format!("{e:?}").contains(secret));
    }

    #[test]
    fn an_injected_fault_fails_its_operation_once() {
        inject("fault_test_op");
        assert!(catch("fault_test_other", || 1).is_ok());
        assert_eq!(catch("fault_test_op", || 1).unwrap_err().code(), ErrorCode::Internal);
        assert_eq!(catch("fault_test_op", || 1).unwrap(), 1);
    }
}
