//! Values across the JS boundary, both ways, through serde-wasm-bindgen.

use wasm_bindgen::JsValue;

/// `value` as plain JavaScript objects: maps become objects, absent values `null`.
pub fn to_js<T: serde::Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    let serializer = serde_wasm_bindgen::Serializer::new()
        .serialize_missing_as_null(true)
        .serialize_maps_as_objects(true);
    value.serialize(&serializer).map_err(Into::into)
}

/// A JavaScript value read as `T`; the error is serde-wasm-bindgen's message.
pub fn from_js<T: serde::de::DeserializeOwned>(value: JsValue) -> Result<T, String> {
    serde_wasm_bindgen::from_value(value).map_err(|e| e.to_string())
}
