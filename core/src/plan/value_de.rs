//! Reads the plan model from a parsed TOML table and says where a value is wrong
//! (`indicators[2].parent`), for builds without `fast-load` (the mobile library).
//!
//! It does what `serde_path_to_error` over toml's own deserialiser does, for one deserialiser
//! type, with the path carried by the error as it returns: every model type is then compiled
//! once instead of once per wrapper, which keeps the mobile library under its size goal.

use std::fmt;

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, IntoDeserializer, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use toml::Value;

/// A step of a path: a key of a table or a position in an array.
enum Step {
    Key(String),
    Index(usize),
}

/// What went wrong, and where (innermost step first while it travels outwards).
pub(crate) struct Error {
    steps: Vec<Step>,
    message: String,
}

impl Error {
    fn at_key(mut self, key: &str) -> Error {
        self.steps.push(Step::Key(key.to_owned()));
        self
    }

    fn at_index(mut self, index: usize) -> Error {
        self.steps.push(Step::Index(index));
        self
    }

    /// `indicators[2].parent`, or the empty text at the top.
    pub(crate) fn path(&self) -> String {
        let mut out = String::new();
        for step in self.steps.iter().rev() {
            match step {
                Step::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Step::Index(i) => out.push_str(&format!("[{i}]")),
            }
        }
        out
    }

    pub(crate) fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.path(), self.message)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error { steps: Vec::new(), message: msg.to_string() }
    }
}

/// Deserialises `T` from a TOML value, with the path of the first problem.
pub(crate) fn from_value<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T, Error> {
    T::deserialize(ValueDe(value))
}

struct ValueDe<'de>(&'de Value);

impl<'de> Deserializer<'de> for ValueDe<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Integer(i) => visitor.visit_i64(*i),
            Value::Float(f) => visitor.visit_f64(*f),
            Value::Boolean(b) => visitor.visit_bool(*b),
            // A date literal reaches the model as its text, which `date_text` reads.
            Value::Datetime(d) => visitor.visit_string(d.to_string()),
            Value::Array(items) => visitor.visit_seq(Seq { items: items.iter().enumerate() }),
            Value::Table(table) => visitor.visit_map(Map { entries: table.iter(), value: None }),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_some(self)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_enum(IntoDeserializer::<'de, Error>::into_deserializer(s.as_str())),
            Value::Table(table) if table.len() == 1 => match table.iter().next() {
                Some((key, value)) => visitor.visit_enum(Variant { key, value }),
                None => Err(de::Error::invalid_length(0, &"a table with one key")),
            },
            other => Err(de::Error::invalid_type(unexpected(other), &"a string or a table with one key")),
        }
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf unit
        unit_struct seq tuple tuple_struct map struct identifier ignored_any
    }
}

fn unexpected(v: &Value) -> de::Unexpected<'_> {
    match v {
        Value::String(s) => de::Unexpected::Str(s),
        Value::Integer(i) => de::Unexpected::Signed(*i),
        Value::Float(f) => de::Unexpected::Float(*f),
        Value::Boolean(b) => de::Unexpected::Bool(*b),
        Value::Datetime(_) => de::Unexpected::Other("a date"),
        Value::Array(_) => de::Unexpected::Seq,
        Value::Table(_) => de::Unexpected::Map,
    }
}

struct Seq<'de> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
}

impl<'de> SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        match self.items.next() {
            None => Ok(None),
            Some((i, v)) => seed.deserialize(ValueDe(v)).map(Some).map_err(|e| e.at_index(i)),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    entries: toml::map::Iter<'de, String, Value>,
    value: Option<(&'de str, &'de Value)>,
}

impl<'de> MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        match self.entries.next() {
            None => Ok(None),
            Some((key, value)) => {
                self.value = Some((key.as_str(), value));
                // An unknown key is located at the key itself.
                seed.deserialize(de::value::BorrowedStrDeserializer::<Error>::new(key.as_str()))
                    .map(Some)
                    .map_err(|e| e.at_key(key))
            }
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, value) = self.value.take().ok_or_else(|| de::Error::custom("a value without its key"))?;
        seed.deserialize(ValueDe(value)).map_err(|e| e.at_key(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// A one-key table read as an enum variant: the key names the variant, the value is its content.
struct Variant<'de> {
    key: &'de str,
    value: &'de Value,
}

impl<'de> EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let key = self.key;
        // An unknown variant is located at the table that names it, as the fast-load build does.
        let variant = seed.deserialize(de::value::BorrowedStrDeserializer::<Error>::new(key))?;
        Ok((variant, self))
    }
}

impl<'de> VariantAccess<'de> for Variant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        Err(de::Error::invalid_type(unexpected(self.value), &"a name alone"))
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(ValueDe(self.value)).map_err(|e| e.at_key(self.key))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        ValueDe(self.value).deserialize_any(visitor).map_err(|e| e.at_key(self.key))
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value, Error> {
        ValueDe(self.value).deserialize_any(visitor).map_err(|e| e.at_key(self.key))
    }
}
