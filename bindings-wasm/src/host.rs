//! JavaScript values in and out of the wasm module. In: a value as the core's host-value policy
//! reads it ([`skillplan::host::value`]); this module only says what a value is, as the Node
//! binding says it, so that both JavaScript hosts refuse the same inputs the same way. Out: an
//! answer's serde form as JSON text with camelCase keys, parsed by the engine's `JSON.parse`
//! (one call across the boundary, instead of one per property); absent values left out.

use std::borrow::Cow;

use js_sys::{Array, JSON, Object, Reflect, Uint8Array};
use serde::Serialize;
use skillplan as core;
use skillplan::host::batch::{self, KeyStyle};
use skillplan::host::value::{self, Argument, HostKind, HostValue};
use wasm_bindgen::{JsCast, JsValue};

/// Largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A JavaScript value, for the host-value policy.
pub(crate) struct Js(pub JsValue);

impl HostValue for Js {
    fn kind(&self) -> HostKind<'_, Self> {
        let v = &self.0;
        let unsupported = |name: &str| HostKind::Unsupported(name.to_owned());
        // Each question below is a call out of the module; the common kinds of a profile (text,
        // objects, then numbers) are asked about first, and by the calls that return no value.
        if v.is_null_or_undefined() {
            return HostKind::Null;
        }
        if v.is_string() {
            return v.as_string().map_or_else(|| unsupported("string"), |s| HostKind::Text(Cow::Owned(s)));
        }
        if !v.is_object() {
            if let Some(x) = v.as_f64() {
                let whole = x.fract() == 0.0 && x.abs() <= MAX_SAFE_INTEGER;
                return if whole { HostKind::Int(x as i64) } else { HostKind::Float(x) };
            }
            if let Some(b) = v.as_bool() {
                return HostKind::Bool(b);
            }
            return if v.is_bigint() {
                unsupported("BigInt")
            } else if v.is_symbol() {
                unsupported("symbol")
            } else if v.is_function() {
                unsupported("function")
            } else {
                unsupported("value")
            };
        }
        if Array::is_array(v) {
            let array: &Array = v.unchecked_ref();
            return HostKind::List(array.iter().map(Js).collect());
        }
        // Bytes are no document: text must be decoded first (and a string handed over).
        if js_sys::ArrayBuffer::is_view(v) || v.is_instance_of::<js_sys::ArrayBuffer>() {
            return unsupported("binary data");
        }
        // A Date is an instant, not a calendar date: ISO text it must be.
        if v.is_instance_of::<js_sys::Date>() {
            return unsupported("Date");
        }
        let object: &Object = v.unchecked_ref();
        let mut entries = Vec::new();
        for key in Object::keys(object).iter() {
            let Some(name) = key.as_string() else { return unsupported("object") };
            // A getter that throws makes the value unreadable, as in Node.
            let Ok(item) = Reflect::get(object, &key) else { return unsupported("object") };
            entries.push((name, Js(item)));
        }
        HostKind::Map(entries)
    }
}

/// Reads a JavaScript value under the policy for `argument`.
pub(crate) fn json(value: JsValue, argument: Argument<'_>) -> Result<serde_json::Value, core::Error> {
    value::to_json(&Js(value), argument)
}

/// Reads optional JavaScript options (an object, `undefined` or `null`).
pub(crate) fn options(value: JsValue) -> Result<serde_json::Value, core::Error> {
    if value.is_undefined() || value.is_null() { Ok(serde_json::Value::Null) } else { json(value, Argument::Options) }
}

/// The JSON text of an answer: camelCase keys, absent values left out.
pub(crate) fn object_text<T: Serialize + ?Sized>(answer: &T) -> String {
    // Serialising plain data cannot fail; an empty text would show if it did.
    batch::rewrite(&serde_json::to_string(answer).unwrap_or_default(), KeyStyle::Camel, true)
}

/// An answer as JavaScript objects.
pub(crate) fn to_js<T: Serialize + ?Sized>(answer: &T) -> JsValue {
    parse(&object_text(answer))
}

/// JSON text the core wrote, as JavaScript values.
pub(crate) fn parse(text: &str) -> JsValue {
    // The core's JSON always parses; `undefined` would show if it did not.
    JSON::parse(text).unwrap_or(JsValue::UNDEFINED)
}

/// Text or bytes: a JavaScript string (its UTF-8), or a `Uint8Array` / `ArrayBuffer` as is.
pub(crate) enum Input {
    Text(String),
    Bytes(Vec<u8>),
}

impl Input {
    pub(crate) fn read(value: &JsValue) -> Option<Input> {
        if let Some(text) = value.as_string() {
            return Some(Input::Text(text));
        }
        if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
            return Some(Input::Bytes(bytes.to_vec()));
        }
        if let Some(buffer) = value.dyn_ref::<js_sys::ArrayBuffer>() {
            return Some(Input::Bytes(Uint8Array::new(buffer).to_vec()));
        }
        None
    }

    pub(crate) fn bytes(&self) -> &[u8] {
        match self {
            Input::Text(text) => text.as_bytes(),
            Input::Bytes(bytes) => bytes,
        }
    }
}
