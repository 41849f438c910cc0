//! Which fields of a serde type have no default, read from its own
//! `Deserialize` (so the pre-scan's required keys never go out of step
//! with the types): the type is read once for each field from a map that
//! holds every other field, made up ([`Sample`]); when it then misses that
//! field, the field is required.

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};

/// The bits (by index in `fields`) of the fields `T` cannot do without.
pub fn required_fields<'de, T: serde::Deserialize<'de>>(fields: &'static [&'static str]) -> u64 {
    let mut mask = 0;
    for (i, name) in fields.iter().enumerate().take(64) {
        match T::deserialize(Without(name)) {
            Err(Missing(Some(f))) if f == *name => mask |= 1 << i,
            _ => {}
        }
    }
    mask
}

/// Why reading a made-up value failed: the field it missed, if that was it.
#[derive(Debug)]
struct Missing(Option<&'static str>);

impl std::fmt::Display for Missing {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

impl std::error::Error for Missing {}

impl de::Error for Missing {
    fn custom<M: std::fmt::Display>(_: M) -> Self {
        Missing(None)
    }
    fn missing_field(field: &'static str) -> Self {
        Missing(Some(field))
    }
}

/// A struct with every field but one.
struct Without(&'static str);

/// A made-up value of whatever type asks for one: zero, false, empty, the
/// first choice, a time or a date when the type expects one.
struct Sample;

/// The text of what a visitor expects ("a timestamp string", …).
struct Expecting<'a, V>(&'a V);

impl<'de, V: Visitor<'de>> std::fmt::Display for Expecting<'_, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        self.0.expecting(f)
    }
}

/// Every field of a struct (but `skip`), each with a [`Sample`] value.
struct Fields {
    fields: &'static [&'static str],
    skip: Option<&'static str>,
    at: usize,
}

impl<'de> MapAccess<'de> for Fields {
    type Error = Missing;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Missing> {
        while let Some(f) = self.fields.get(self.at) {
            self.at += 1;
            if Some(*f) != self.skip {
                let key: de::value::StrDeserializer<'de, Missing> = f.into_deserializer();
                return seed.deserialize(key).map(Some);
            }
        }
        Ok(None)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, seed: S) -> Result<S::Value, Missing> {
        seed.deserialize(Sample)
    }
}

/// No elements, no entries.
struct Empty;

impl<'de> de::SeqAccess<'de> for Empty {
    type Error = Missing;
    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        _: T,
    ) -> Result<Option<T::Value>, Missing> {
        Ok(None)
    }
}

impl<'de> MapAccess<'de> for Empty {
    type Error = Missing;
    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        _: K,
    ) -> Result<Option<K::Value>, Missing> {
        Ok(None)
    }
    fn next_value_seed<S: DeserializeSeed<'de>>(&mut self, _: S) -> Result<S::Value, Missing> {
        Err(Missing(None))
    }
}

impl<'de> de::Deserializer<'de> for Without {
    type Error = Missing;
    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Missing> {
        Err(Missing(None))
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Missing> {
        visitor.visit_map(Fields {
            fields,
            skip: Some(self.0),
            at: 0,
        })
    }
    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        bytes byte_buf option unit unit_struct newtype_struct seq tuple
        tuple_struct map enum identifier ignored_any
    }
}

impl<'de> de::Deserializer<'de> for Sample {
    type Error = Missing;
    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_u64(0)
    }
    fn deserialize_bool<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_bool(false)
    }
    fn deserialize_f32<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_f64(0.0)
    }
    fn deserialize_f64<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_f64(0.0)
    }
    fn deserialize_str<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        let what = Expecting(&v).to_string();
        let s = if what.contains("timestamp") || what.contains("datetime") {
            "2026-01-01T00:00:00Z"
        } else if what.contains("date") {
            "2026-01-01"
        } else {
            ""
        };
        v.visit_str(s)
    }
    fn deserialize_string<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        self.deserialize_str(v)
    }
    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_none()
    }
    fn deserialize_unit<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_unit()
    }
    fn deserialize_seq<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_seq(Empty)
    }
    fn deserialize_map<V: Visitor<'de>>(self, v: V) -> Result<V::Value, Missing> {
        v.visit_map(Empty)
    }
    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Missing> {
        v.visit_map(Fields {
            fields,
            skip: None,
            at: 0,
        })
    }
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, Missing> {
        let first: de::value::StrDeserializer<'de, Missing> =
            variants.first().copied().unwrap_or("").into_deserializer();
        v.visit_enum(first)
    }
    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        v: V,
    ) -> Result<V::Value, Missing> {
        v.visit_newtype_struct(self)
    }
    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 char
        bytes byte_buf unit_struct tuple tuple_struct identifier ignored_any
    }
}

#[cfg(test)]
mod tests {
    use super::super::schema::struct_fields;
    use super::*;
    use crate::domain::{record, session, vote};

    fn required<'de, T: serde::Deserialize<'de>>() -> Vec<&'static str> {
        let f = struct_fields::<T>();
        let m = required_fields::<T>(f);
        f.iter()
            .enumerate()
            .filter(|(i, _)| m & (1 << i) != 0)
            .map(|(_, n)| *n)
            .collect()
    }

    #[test]
    fn the_fields_without_a_default_are_found() {
        assert_eq!(required::<record::Note>(), ["workshop", "at", "text"]);
        assert_eq!(required::<session::Party>(), ["id", "organisation"]);
        assert_eq!(
            required::<session::Workshop>(),
            ["number", "date", "started"]
        );
        assert_eq!(
            required::<session::Session>(),
            ["format_version", "name", "created", "framework"]
        );
        assert_eq!(required::<record::PointRecord>(), Vec::<&str>::new());
        assert_eq!(
            required::<vote::Vote>(),
            [
                "workshop",
                "at",
                "rule",
                "parties_total",
                "present",
                "ballots",
                "tally",
                "outcome"
            ]
        );
    }
}
