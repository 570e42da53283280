//! JavaScript values in and out. In: a value as the core's host-value policy reads it
//! ([`skillplan::host::value`]): this module only says what a value is. Out: an answer through
//! its serde form as JSON text with the keys in camelCase, parsed by V8's `JSON.parse` (far
//! cheaper than building objects property by property through napi), absent values left out as
//! napi leaves them out of its objects.

use std::borrow::Cow;

use napi::bindgen_prelude::*;
use napi::{Env, JsValue, ValueType};
use serde::Serialize;
use serde_json::Value;
use skillplan as core;
use skillplan::host::batch::{self, KeyStyle};
use skillplan::host::value::{self, Argument, HostKind, HostValue};

/// Largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A JavaScript value, for the host-value policy.
pub(crate) struct Js<'e>(pub Unknown<'e>);

impl<'e> HostValue for Js<'e> {
    fn kind(&self) -> HostKind<'_, Self> {
        let v = self.0;
        let unsupported = |name: &str| HostKind::Unsupported(name.to_owned());
        match v.get_type() {
            Ok(ValueType::Undefined | ValueType::Null) => HostKind::Null,
            Ok(ValueType::Boolean) => {
                unsafe { v.cast::<bool>() }.map_or_else(|_| unsupported("boolean"), HostKind::Bool)
            }
            Ok(ValueType::Number) => match unsafe { v.cast::<f64>() } {
                Ok(x) if x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER => HostKind::Int(x as i64),
                Ok(x) => HostKind::Float(x),
                Err(_) => unsupported("number"),
            },
            Ok(ValueType::String) => {
                unsafe { v.cast::<String>() }.map_or_else(|_| unsupported("string"), |s| HostKind::Text(Cow::Owned(s)))
            }
            Ok(ValueType::Object) => {
                let Ok(object) = (unsafe { v.cast::<Object<'e>>() }) else { return unsupported("object") };
                if v.is_array().unwrap_or(false) {
                    let length = object.get_array_length().unwrap_or(0);
                    let items = (0..length).map(|i| object.get_element::<Unknown<'e>>(i).map(Js));
                    return items.collect::<Result<Vec<_>>>().map_or_else(|_| unsupported("array"), HostKind::List);
                }
                // A Date is an instant, not a calendar date: ISO text it must be.
                if v.is_date().unwrap_or(false) {
                    return unsupported("Date");
                }
                let Ok(keys) = Object::keys(&object) else { return unsupported("object") };
                let entries =
                    keys.into_iter().map(|k| object.get_named_property::<Unknown<'e>>(&k).map(|x| (k, Js(x))));
                entries.collect::<Result<Vec<_>>>().map_or_else(|_| unsupported("object"), HostKind::Map)
            }
            Ok(ValueType::BigInt) => unsupported("BigInt"),
            Ok(ValueType::Function) => unsupported("function"),
            Ok(ValueType::Symbol) => unsupported("symbol"),
            _ => unsupported("value"),
        }
    }
}

/// Reads a JavaScript value under the policy for `argument`.
pub(crate) fn json(value: Unknown<'_>, argument: Argument<'_>) -> std::result::Result<Value, core::Error> {
    value::to_json(&Js(value), argument)
}

/// Reads optional JavaScript options (an object, or `undefined`).
pub(crate) fn options(value: Option<Unknown<'_>>) -> std::result::Result<Value, core::Error> {
    value.map_or(Ok(Value::Null), |v| json(v, Argument::Options))
}

/// An answer as JavaScript objects: camelCase keys, absent values left out.
pub(crate) fn to_js<'e, T: Serialize + ?Sized>(env: &'e Env, answer: &T) -> Result<Unknown<'e>> {
    parse_in_js(env, object_text(answer))
}

/// The JSON text of an answer as [`to_js`] hands it over.
pub(crate) fn object_text<T: Serialize + ?Sized>(answer: &T) -> String {
    // Serialising plain data cannot fail; an empty text would show if it did.
    batch::rewrite(&serde_json::to_string(answer).unwrap_or_default(), KeyStyle::Camel, true)
}

/// `JSON.parse` of the agent (each worker thread has its own), looked up once: finding it on
/// the global object at every answer cost more than parsing a small answer.
struct JsonParse(FunctionRef<String, Unknown<'static>>);

/// Hands JSON text to JavaScript through V8's `JSON.parse`.
pub(crate) fn parse_in_js(env: &Env, text: String) -> Result<Unknown<'_>> {
    if let Ok(Some(cached)) = env.get_instance_data::<JsonParse>() {
        let parse = cached.0.borrow_back(env)?;
        // SAFETY of the lifetime: the value is handed to JavaScript within this call's scope.
        return parse.call(text).map(|v| unsafe { std::mem::transmute::<Unknown<'static>, Unknown<'_>>(v) });
    }
    let json: Object<'_> = env.get_global()?.get_named_property("JSON")?;
    let parse: Function<'_, String, Unknown<'static>> = json.get_named_property("parse")?;
    env.set_instance_data(JsonParse(parse.create_ref()?), (), |_| {})?;
    parse.apply(json, text).map(|v| unsafe { std::mem::transmute::<Unknown<'static>, Unknown<'_>>(v) })
}
