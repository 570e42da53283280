//! Closed sets of values (statuses, methods, kinds) that every host spells the same way: one Rust
//! enum each, serialised as its snake_case text, with the text and every value at hand so that
//! bindings export the set (Python `Literal`s, TypeScript unions, uniffi enums) instead of
//! writing the strings again.

/// Defines a closed set: the enum (with serde and JSON Schema derives, each variant serialised as
/// the text given), `as_str`, `parse` and `ALL`.
macro_rules! closed_set {
    (
        $(#[$doc:meta])*
        $vis:vis enum $name:ident {
            $( $(#[$vdoc:meta])* $variant:ident = $text:literal ),+ $(,)?
        }
    ) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
        // The variants' Rust names, for hosts that declare the enum again (uniffi's remote enums).
        #[schemars(extend("x-rust-variants" = [$(stringify!($variant)),+]))]
        $(#[$doc])*
        $vis enum $name {
            $( $(#[$vdoc])* #[serde(rename = $text)] $variant ),+
        }

        impl $name {
            /// Every value, in the order of the declaration.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The value as JSON, data files and every binding write it.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            /// The value written `text`, if any.
            pub fn parse(text: &str) -> Option<$name> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use closed_set;
