//! Reading JSON text into the formats' wire types (`#[derive(Deserialize)]` structs, one
//! module per format in `formats/`), and the field types serde does not have.
//!
//! serde_json reads the text; a syntax error says where the JSON breaks. Type errors do not
//! come from serde: every field of a wire type reads whatever JSON value it finds, and says
//! what it found, so that the conversion to the model, which knows the field's path, can name
//! it (`body[3].text must be a string`). (`serde_path_to_error` does the same from serde's
//! errors, and cost 100 KB of wasm before compression in its generic wrappers; see
//! `docs/decisions/0001-field-paths-without-serde-path-to-error.md`.)
//!
//! - **v1, the widget's own format, is strict:** [`Field`] is absent, a value of the type the
//!   format says ([`Shape`]), or the problem with what is there.
//! - **The formats publishers already have (WordPress, JSON Feed, schema.org) are read
//!   leniently:** real feeds write an id as a number, an author as a string or an object or an
//!   array, a width as `"1200px"`. [`Text`], [`Whole`], [`Object`] and [`List`] read what makes
//!   sense and read anything else as absent, so one odd field never costs the reader the card.

use super::error::{Expected, FieldError, LoadError, NotJson, Problem};
use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, IgnoredAny, Visitor};
use serde_json::error::Category;
use std::fmt;
use std::marker::PhantomData;

/// Reads `text` into `T` with serde_json, in the browser as in the native tests.
///
/// `T` must read the document with `deserialize_any`: one of this module's field types
/// ([`Field`], [`Object`], [`List`], ...), never a derived struct or a map directly. serde_json's
/// typed entry points (`deserialize_struct`, `deserialize_map`) are the only callers of its
/// "invalid type" sentence, which prints floats: reading one document that way brought float
/// printing and serde's `Unexpected` back, 11 KB of brotli wasm (measured).
///
/// (The browser's `JSON.parse` read by serde-wasm-bindgen was measured too: 7 KB smaller in
/// brotli, but slower, and in one task: an article of 30,000 blocks blocked the host page for
/// 114 ms instead of 45; `docs/decisions/0002-serde-json-not-json-parse.md`.)
pub fn read<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    serde_json::from_str(text).map_err(|err| {
        let (line, column) = (err.line(), err.column());
        match err.classify() {
            // The one data error serde itself raises for these types: a field written twice.
            // serde names the field only in its message, `duplicate field `<name>``, which
            // `a_field_written_twice_is_named_as_serde_json_words_it` pins for the serde_json
            // in Cargo.lock.
            Category::Data => match repeated_field(&err.to_string()) {
                Some(field) => LoadError::Invalid(FieldError {
                    field,
                    problem: Problem::Repeated,
                }),
                // No other data error is raised for these types; should one be, it is where
                // the JSON stops being what the widget reads.
                None => LoadError::NotJson(NotJson::Syntax { line, column }),
            },
            Category::Eof => LoadError::NotJson(NotJson::EndsEarly { line, column }),
            Category::Syntax | Category::Io => LoadError::NotJson(NotJson::Syntax { line, column }),
        }
    })
}

/// The field serde_json names in its "duplicate field" message.
pub fn repeated_field(message: &str) -> Option<String> {
    let (name, _) = message.strip_prefix("duplicate field `")?.split_once('`')?;
    Some(name.to_string())
}

/// `parent.name`, or `name` at the top.
pub fn join(parent: &str, name: &str) -> String {
    if parent.is_empty() {
        name.to_string()
    } else {
        format!("{parent}.{name}")
    }
}

/// Consumes the rest of a sequence or map that is being read as absent.
pub(crate) fn drain_seq<'de, A: de::SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

pub(crate) fn drain_map<'de, A: de::MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

/// The `visit_*` methods of a lenient visitor for the JSON values it reads as `$absent`: the
/// scalars, and (consumed to their end) arrays and objects, unless the visitor reads those.
macro_rules! read_as_absent {
    ($absent:expr; $($kind:ident),*) => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok($absent)
        }
        $($crate::model::wire::read_as_absent!(@ $kind $absent);)*
    };
    (@ numbers $absent:expr) => {
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            Ok($absent)
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            Ok($absent)
        }
    };
    (@ strings $absent:expr) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            Ok($absent)
        }
    };
    (@ arrays $absent:expr) => {
        fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
            $crate::model::wire::drain_seq(seq).map(|()| $absent)
        }
    };
    (@ objects $absent:expr) => {
        fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
            $crate::model::wire::drain_map(map).map(|()| $absent)
        }
    };
}
pub(crate) use read_as_absent;

// ---- v1: strict ----

/// A field of the v1 format, as the document has it.
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Field<T> {
    /// Not there, or `null` (CMS exports often write absent fields as `null`).
    #[default]
    Absent,
    Is(T),
    /// There, but of another type or out of range: the problem, for the error.
    Wrong(Problem),
}

impl<T> Field<T> {
    /// The value, if there is one; the field's problem, named by `path`, if it is wrong.
    pub fn get(self, path: &str) -> Result<Option<T>, FieldError> {
        match self {
            Field::Absent => Ok(None),
            Field::Is(value) => Ok(Some(value)),
            Field::Wrong(problem) => Err(FieldError {
                field: path.to_string(),
                problem,
            }),
        }
    }

    fn wrong() -> Self
    where
        T: Shape,
    {
        Field::Wrong(Problem::WrongType(T::EXPECTED))
    }
}

/// A JSON number, as a v1 type is offered it.
#[derive(Clone, Copy)]
pub enum Number {
    Unsigned(u64),
    Negative,
    Fraction,
}

/// What a v1 type reads from each kind of JSON value; by default, nothing (the wrong type).
pub trait Shape: Sized {
    /// The type, as errors name it.
    const EXPECTED: Expected;

    fn from_str(_: &str) -> Option<Self> {
        None
    }

    /// `Err(allowed)` for a number out of range, `None` for the wrong type.
    fn from_number(_: Number) -> Option<Result<Self, Expected>> {
        None
    }

    fn read_seq<'de, A: de::SeqAccess<'de>>(seq: A) -> Result<Field<Self>, A::Error> {
        drain_seq(seq).map(|()| Field::wrong())
    }

    fn read_map<'de, A: de::MapAccess<'de>>(map: A) -> Result<Field<Self>, A::Error> {
        drain_map(map).map(|()| Field::wrong())
    }
}

impl<'de, T: Shape> Deserialize<'de> for Field<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<T: Shape> V<T> {
            fn number<E>(n: Number) -> Result<Field<T>, E> {
                Ok(match T::from_number(n) {
                    Some(Ok(value)) => Field::Is(value),
                    Some(Err(allowed)) => Field::Wrong(Problem::Value(allowed)),
                    None => Field::wrong(),
                })
            }
        }
        impl<'de, T: Shape> Visitor<'de> for V<T> {
            type Value = Field<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(super::i18n::EN.expected.of(T::EXPECTED))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<T>, E> {
                Ok(T::from_str(v).map_or_else(Field::wrong, Field::Is))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<T>, E> {
                Self::number(Number::Unsigned(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Field<T>, E> {
                match u64::try_from(v) {
                    Ok(v) => Self::number(Number::Unsigned(v)),
                    Err(_) => Self::number(Number::Negative),
                }
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Field<T>, E> {
                Self::number(Number::Fraction)
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Field<T>, E> {
                Ok(Field::wrong())
            }
            fn visit_unit<E: de::Error>(self) -> Result<Field<T>, E> {
                Ok(Field::Absent)
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, seq: A) -> Result<Field<T>, A::Error> {
                T::read_seq(seq)
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Field<T>, A::Error> {
                T::read_map(map)
            }
        }
        d.deserialize_any(V(PhantomData))
    }
}

impl Shape for String {
    const EXPECTED: Expected = Expected::String;
    fn from_str(v: &str) -> Option<Self> {
        Some(v.to_string())
    }
}

impl<T: Shape> Shape for Vec<Field<T>> {
    const EXPECTED: Expected = Expected::Array;
    fn read_seq<'de, A: de::SeqAccess<'de>>(mut seq: A) -> Result<Field<Self>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Field::Is(items))
    }
}

/// A derived struct is a [`Shape`] read from an object.
macro_rules! object_shape {
    ($($name:ty),*) => {$(
        impl $crate::model::wire::Shape for $name {
            const EXPECTED: $crate::model::error::Expected = $crate::model::error::Expected::Object;
            fn read_map<'de, A: serde::de::MapAccess<'de>>(
                map: A,
            ) -> Result<$crate::model::wire::Field<Self>, A::Error> {
                <Self as serde::Deserialize>::deserialize(
                    serde::de::value::MapAccessDeserializer::new(map),
                )
                .map($crate::model::wire::Field::Is)
            }
        }
    )*};
}
pub(crate) use object_shape;

/// A whole number, 0 or more (`comments.count`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Count(pub u64);

impl Shape for Count {
    const EXPECTED: Expected = Expected::Number;
    fn from_number(n: Number) -> Option<Result<Self, Expected>> {
        Some(match n {
            Number::Unsigned(v) => Ok(Count(v)),
            Number::Negative | Number::Fraction => Err(Expected::WholeNumber),
        })
    }
}

/// A size in pixels: a positive whole number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Pixels(pub u32);

impl Shape for Pixels {
    const EXPECTED: Expected = Expected::Number;
    fn from_number(n: Number) -> Option<Result<Self, Expected>> {
        Some(match n {
            Number::Unsigned(v) => match u32::try_from(v) {
                Ok(px) if px > 0 => Ok(Pixels(px)),
                _ => Err(Expected::Pixels),
            },
            Number::Negative | Number::Fraction => Err(Expected::Pixels),
        })
    }
}

/// The format's `version`: a positive integer.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Version(pub u64);

impl Shape for Version {
    const EXPECTED: Expected = Expected::PositiveInteger;
    fn from_number(n: Number) -> Option<Result<Self, Expected>> {
        match n {
            Number::Unsigned(v) => Some(Ok(Version(v))),
            Number::Negative | Number::Fraction => None,
        }
    }
}

/// One object or an array of them (a stream's sources); each item is a [`Field`], so a bad one
/// is named by its index.
#[derive(Clone, Debug, PartialEq)]
pub struct OneOrMany<T> {
    pub items: Vec<Field<T>>,
    /// Whether they came as an array (so an error names the item's index).
    pub array: bool,
}

impl<T: Shape> Shape for OneOrMany<T> {
    const EXPECTED: Expected = Expected::ObjectOrArray;
    fn read_seq<'de, A: de::SeqAccess<'de>>(seq: A) -> Result<Field<Self>, A::Error> {
        Ok(match Vec::<Field<T>>::read_seq(seq)? {
            Field::Is(items) => Field::Is(OneOrMany { items, array: true }),
            Field::Absent => Field::Absent,
            Field::Wrong(problem) => Field::Wrong(problem),
        })
    }
    fn read_map<'de, A: de::MapAccess<'de>>(map: A) -> Result<Field<Self>, A::Error> {
        Ok(Field::Is(OneOrMany {
            items: vec![T::read_map(map)?],
            array: false,
        }))
    }
}

// ---- the formats publishers already have: lenient field types ----

/// A text field read leniently: a string (trimmed; empty reads as absent) or a number, as text.
/// Any other JSON value reads as absent.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Text(pub Option<String>);

impl Text {
    pub fn get(&self) -> Option<String> {
        self.0.clone()
    }

    pub fn as_deref(&self) -> Option<&str> {
        self.0.as_deref()
    }

    /// A whole number written as a number or a string (`"1200"`, `"1200px"`).
    pub fn pixels(&self) -> Option<u32> {
        self.as_deref()?.trim_end_matches("px").parse().ok()
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                let v = v.trim();
                Ok(Text((!v.is_empty()).then(|| v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            // A fraction is no id, name or size; reading it as absent also keeps float
            // formatting out of the bundle.
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
                Ok(Text(None))
            }
            read_as_absent!(Text(None); arrays, objects);
        }
        d.deserialize_any(V)
    }
}

/// A whole number from 0 up, read leniently: anything else (a string, a fraction, a negative
/// number) reads as absent.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Whole(pub Option<u64>);

impl<'de> Deserialize<'de> for Whole {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Whole;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Whole, E> {
                Ok(Whole(Some(v)))
            }
            // serde-wasm-bindgen offers every whole JavaScript number as an i64.
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Whole, E> {
                Ok(Whole(u64::try_from(v).ok()))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Whole, E> {
                Ok(Whole(None))
            }
            read_as_absent!(Whole(None); strings, arrays, objects);
        }
        d.deserialize_any(V)
    }
}

/// An object read leniently: anything that is not an object reads as absent.
#[derive(Clone, Debug, PartialEq)]
pub struct Object<T>(pub Option<T>);

impl<T> Default for Object<T> {
    fn default() -> Self {
        Object(None)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Object<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Object<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(|t| Object(Some(t)))
            }
            read_as_absent!(Object(None); numbers, strings, arrays);
        }
        d.deserialize_any(V(PhantomData))
    }
}

/// One value or an array of values, read leniently: `null` (or a number) is none, an array is
/// each of its elements, a string or an object is one. `T` decides what it makes of each (see [`Text`],
/// [`Object`]).
#[derive(Clone, Debug, PartialEq)]
pub struct List<T>(pub Vec<T>);

impl<T> Default for List<T> {
    fn default() -> Self {
        List(Vec::new())
    }
}

impl<T> List<T> {
    pub fn first(&self) -> Option<&T> {
        self.0.first()
    }

    pub fn iter(&self) -> std::slice::Iter<'_, T> {
        self.0.iter()
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for List<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> V<T> {
            fn one<E>(value: Result<T, E>) -> Result<List<T>, E> {
                value.map(|one| List(vec![one]))
            }
        }
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = List<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("any JSON value")
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut many = Vec::new();
                while let Some(one) = seq.next_element()? {
                    many.push(one);
                }
                Ok(List(many))
            }
            fn visit_map<A: de::MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                Self::one(T::deserialize(de::value::MapAccessDeserializer::new(map)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
                Self::one(T::deserialize(de::value::StrDeserializer::<E>::new(v)))
            }
            // A number or a boolean where a list of texts or objects belongs is none of them.
            read_as_absent!(List(Vec::new()); numbers);
        }
        d.deserialize_any(V(PhantomData))
    }
}
