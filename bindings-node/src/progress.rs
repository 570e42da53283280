//! Progress in Node: observations and options read under the core's host-value policy (values as
//! decimal strings or safe integers, dates as ISO strings; floats refused), the report computed
//! by the core (off the event loop for `progressAsync`) and handed back as plain objects.

use napi::bindgen_prelude::*;
use napi::{Env, Task};
use serde_json::Value;
use skillplan as core;
use skillplan::host::value::{self, Argument};
use skillplan::progress::observations::{self, Observations};
use skillplan::progress::{self, ProgressOptions};

use crate::{host, throw};

/// The arguments of a progress call, read on the calling thread (JavaScript values live there).
pub(crate) struct Call {
    observations: Vec<Value>,
    options: ProgressOptions,
}

impl Call {
    pub(crate) fn read(observations: Unknown<'_>, options: Unknown<'_>) -> std::result::Result<Call, core::Error> {
        let observations = value::rows_to_json(&host::Js(observations), Argument::Observations)?;
        let options = core::host::options::progress_with_as_of(&host::json(options, Argument::Options)?)?;
        Ok(Call { observations, options })
    }

    fn observations(&self, plan: &core::Plan) -> std::result::Result<Observations, core::Error> {
        Ok(Observations::new(plan, &observations::from_values(&self.observations)?)?)
    }

    pub(crate) fn report(&self, plan: &core::Plan) -> std::result::Result<progress::Report, core::Error> {
        progress::report(plan, &self.observations(plan)?, &self.options)
    }

    pub(crate) fn indicator(
        &self,
        plan: &core::Plan,
        id: &str,
        region: Option<&str>,
    ) -> std::result::Result<progress::IndicatorProgress, core::Error> {
        progress::indicator(plan, &self.observations(plan)?, &self.options, id, region)
    }
}

/// Computes a report on the libuv thread pool; the inputs were read on the main thread.
pub struct ProgressTask {
    plan: std::sync::Arc<core::Plan>,
    call: std::result::Result<Call, core::Error>,
}

impl Task for ProgressTask {
    type Output = std::result::Result<String, core::Error>;
    type JsValue = Unknown<'static>;

    fn compute(&mut self) -> Result<Self::Output> {
        crate::guard_task("progressAsync", || {
            Ok(match &self.call {
                Err(e) => Err(e.clone()),
                Ok(call) => call.report(&self.plan).map(|r| host::object_text(&r)),
            })
        })
    }

    fn resolve(&mut self, env: Env, output: Self::Output) -> Result<Self::JsValue> {
        crate::guard(&env, "progressAsync", || {
            let text = output.map_err(|e| throw(&env, e))?;
            // SAFETY of the lifetime: napi hands the value to the Promise before `env` goes.
            host::parse_in_js(&env, text).map(|v| unsafe { std::mem::transmute::<Unknown<'_>, Unknown<'static>>(v) })
        })
    }
}

pub(crate) fn task(plan: &std::sync::Arc<core::Plan>, observations: Unknown<'_>, options: Unknown<'_>) -> ProgressTask {
    ProgressTask { plan: plan.clone(), call: Call::read(observations, options) }
}
