//! A script embed's `data-options` object, read through serde: serde-wasm-bindgen in the
//! browser, serde_json in tests. Every value is accepted here, named by its kind, and judged by
//! [`ScriptOptions::from_fields`], whose messages name the option; so no serde error path is
//! taken for a bad value (serde's own messages print floats, and Rust's float printing is kept
//! out of the Wasm).
//!
//! [`ScriptOptions::from_fields`]: super::embed::ScriptOptions::from_fields

use std::fmt;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::embed::OptionValue;

/// The own fields of a `data-options` object, in order; fields whose names are not text are
/// dropped (a JavaScript object's are always text).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct OptionFields(pub Vec<(String, OptionValue)>);

impl<'de> Deserialize<'de> for OptionFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(Fields)
    }
}

impl<'de> Deserialize<'de> for OptionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(Value)
    }
}

struct Fields;

impl<'de> Visitor<'de> for Fields {
    type Value = OptionFields;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object of options")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OptionFields, A::Error> {
        let mut fields = Vec::new();
        while let Some((name, value)) = map.next_entry::<OptionValue, OptionValue>()? {
            if let OptionValue::Text(name) = name {
                fields.push((name, value));
            }
        }
        Ok(OptionFields(fields))
    }
}

/// Takes any value. Every kind a deserializer may hand over is overridden here, since serde's
/// default for a kind a visitor does not take is an error that prints the value.
struct Value;

impl<'de> Visitor<'de> for Value {
    type Value = OptionValue;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E>(self, _: bool) -> Result<OptionValue, E> {
        Ok(OptionValue::Other("a boolean"))
    }

    fn visit_i64<E>(self, n: i64) -> Result<OptionValue, E> {
        Ok(OptionValue::Number(n as f64))
    }

    fn visit_u64<E>(self, n: u64) -> Result<OptionValue, E> {
        Ok(OptionValue::Number(n as f64))
    }

    fn visit_f64<E>(self, n: f64) -> Result<OptionValue, E> {
        Ok(OptionValue::Number(n))
    }

    fn visit_str<E>(self, text: &str) -> Result<OptionValue, E> {
        Ok(OptionValue::Text(text.into()))
    }

    fn visit_string<E>(self, text: String) -> Result<OptionValue, E> {
        Ok(OptionValue::Text(text))
    }

    fn visit_bytes<E>(self, _: &[u8]) -> Result<OptionValue, E> {
        Ok(OptionValue::Other("binary data"))
    }

    fn visit_unit<E>(self) -> Result<OptionValue, E> {
        Ok(OptionValue::Other("null"))
    }

    fn visit_none<E>(self) -> Result<OptionValue, E> {
        Ok(OptionValue::Other("null"))
    }

    fn visit_some<D: Deserializer<'de>>(self, value: D) -> Result<OptionValue, D::Error> {
        OptionValue::deserialize(value)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OptionValue, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(OptionValue::Other("a list"))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<OptionValue, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(OptionValue::Other("an object"))
    }
}
