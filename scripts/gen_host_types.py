#!/usr/bin/env python3
"""Writes each host's types from the core's boundary types, so that no binding writes them again.

Reads `core/plans/host-types.schema.json` (the JSON Schema that `skillplan::host::types::schema`
writes; a core test keeps it current) and writes:

- `bindings-python/python/skillplan/_types.py`: a frozen dataclass per struct, with the struct's
  documentation, `decimal.Decimal` and `datetime.date` fields, and a `Literal` per closed set;
- `bindings-wasm/js/types.d.ts`, the browser build's types: the same header up to its Node-only
  end (the `Answer` of Node's decision class), then the same interfaces;
- `bindings-mobile/src/remote.rs`: uniffi remote declarations of the types the mobile library
  exposes, so that uniffi writes their Kotlin and Swift types and the conversions;
- `bindings-node/dts-header.d.ts`, the header napi puts at the top of `index.d.ts`: the
  hand-written `bindings-node/ts/header.d.ts` (the error type, the inputs), then a TypeScript
  interface per struct (keys in camelCase, decimals and dates as strings, absent values left out
  or null) and a string union per closed set.

`./scripts/test.sh` runs this and fails if the files it writes are not the committed ones.
"""

from __future__ import annotations

import json
import keyword
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SCHEMA = ROOT / "core" / "plans" / "host-types.schema.json"
PYTHON_OUT = ROOT / "bindings-python" / "python" / "skillplan" / "_types.py"
PYTHON_MIXINS = ROOT / "bindings-python" / "python" / "skillplan" / "_mixins.py"
TS_HEADER = ROOT / "bindings-node" / "ts" / "header.d.ts"
KOTLIN_OUT = ROOT / "bindings-mobile" / "src" / "remote.rs"

# The types the mobile library declares to uniffi as remote types, by the name the core gives
# them, and the name Kotlin and Swift see where it differs (`Unit` is Kotlin's unit type).
MOBILE_TYPES = [
    "Label", "Period", "Metadata", "Responsibility", "Measure", "ColumnItem", "Column", "Clause", "Department",
    "Region", "SkillLevel", "Title", "CrosswalkEntry", "EducationEquivalence", "Issue", "Report", "IndicatorProgress",
    "Projection", "PartsCheck", "ProgressWarning", "RegionalTarget", "Milestone", "Thresholds", "Pathway", "Step",
    "RouteProgress", "ConditionProgress", "Unlock", "HeldLevelView", "DecisionSummary", "SubsidySummary", "SeriesKind",
    "RecordInput", "Rejection", "IndicatorTally", "TallyCell", "SchoolType", "ErrorClass", "DecisionView", "Attribute",
    "CheckCode", "HashSummary",
]
# The decision of an eligibility check, under the names Kotlin, Swift and TypeScript have always
# given its parts (the core names them after what they are to it: views of a decision).
DECISION_NAMES = {
    "DecisionView": "EligibilityDecision", "GroupView": "TargetGroupDecision", "SubsidyView": "SubsidyDecision",
    "CheckView": "EligibilityCheck", "Requirement": "EligibilityRequirement", "Unconfirmed": "UnconfirmedValue",
    "VersionView": "RuleVersion", "Tri": "CheckOutcome",
}
MOBILE_NAMES = {"Unit": "IndicatorUnit", **DECISION_NAMES}
# In TypeScript the decision is the EligibilityDecision class (answer first, explanations on
# demand); the explained form its toJSON() returns keeps the core's names.
TS_NAMES = {**DECISION_NAMES, "DecisionView": "DecisionView", "SubsidyView": "SubsidyView"}
# Python's decision classes are skillplan.eligibility's own (Check, TargetGroup, RuleVersion with
# from_date …: its established API), built from the core's JSON; they are not generated.
PYTHON_SKIP = set(DECISION_NAMES) | {"GroupStatus", "RequirementKind", "CheckCode"}
# Types only the mobile library declares: Python and Node hand the tally's parts over as plain
# dicts and objects with the core's own keys (their established API), not as these classes.
MOBILE_ONLY = {"RecordInput", "Rejection", "IndicatorTally", "TallyCell", "HashSummary"}
TS_OUT = ROOT / "bindings-node" / "dts-header.d.ts"
WASM_TS_OUT = ROOT / "bindings-wasm" / "js" / "types.d.ts"
# Where the Node header's Node-only part starts: the answer type names Node's decision class.
NODE_ONLY_FROM = "/** The answer the options ask for"

# The names a repr shows first, when a struct has them: what identifies it at a glance.
SUMMARY_FIELDS = ["id", "indicator", "level", "method", "code", "region", "title", "name", "kind", "status",
                  "achieved", "target", "current_level", "as_of", "index", "classification", "document_number"]


def ref_name(schema: dict) -> str | None:
    ref = schema.get("$ref")
    return ref.rsplit("/", 1)[-1] if ref else None


def nullable(schema: dict) -> tuple[dict, bool]:
    """The schema without its null alternative, and whether it had one."""
    if isinstance(schema.get("type"), list) and "null" in schema["type"]:
        rest = [t for t in schema["type"] if t != "null"]
        out = dict(schema)
        out["type"] = rest[0] if len(rest) == 1 else rest
        return out, True
    for key in ("anyOf", "oneOf"):
        options = schema.get(key)
        if options and any(o.get("type") == "null" for o in options):
            rest = [o for o in options if o.get("type") != "null"]
            if len(rest) == 1:
                merged = {k: v for k, v in schema.items() if k != key}
                merged.update(rest[0])
                return merged, True
            out = dict(schema)
            out[key] = rest
            return out, True
    return schema, False


def enum_values(schema: dict) -> list[str] | None:
    """The values of a closed set of strings, or None."""
    if schema.get("type") == "string" and "enum" in schema:
        return list(schema["enum"])
    options = schema.get("oneOf") or schema.get("anyOf")
    if options and all(o.get("type") == "string" and ("const" in o or len(o.get("enum", [])) == 1) for o in options):
        return [o["const"] if "const" in o else o["enum"][0] for o in options]
    return None


def is_struct(schema: dict) -> bool:
    return schema.get("type") == "object" and "properties" in schema


def ordered(schema: dict) -> list[tuple[str, dict]]:
    """A struct's properties: the required ones in their declared order (JSON Schema keeps that
    order in `required`), then the rest by name."""
    props = schema["properties"]
    required = [p for p in schema.get("required", []) if p in props]
    return [(p, props[p]) for p in required] + sorted((p, s) for p, s in props.items() if p not in required)


def doc(schema: dict) -> str:
    return (schema.get("description") or "").strip()


class Python:
    def __init__(self, defs: dict, mixins: set[str]) -> None:
        self.defs = defs
        self.mixins = mixins

    def type_of(self, schema: dict) -> str:
        schema, null = nullable(schema)
        name = ref_name(schema)
        if name == "DecimalText":
            out = "decimal.Decimal"
        elif name == "DateText":
            out = "datetime.date"
        elif name:
            out = name
        elif enum_values(schema) is not None:
            out = "Literal[" + ", ".join(json.dumps(v) for v in enum_values(schema)) + "]"
        else:
            t = schema.get("type")
            if t == "string":
                out = "str"
            elif t == "integer":
                out = "int"
            elif t == "number":
                out = "float"
            elif t == "boolean":
                out = "bool"
            elif t == "array":
                out = f"list[{self.type_of(schema.get('items', {}))}]"
            elif t == "object":
                out = f"dict[str, {self.type_of(schema.get('additionalProperties', {}))}]"
            elif "anyOf" in schema or "oneOf" in schema:
                out = " | ".join(self.type_of(o) for o in schema.get("anyOf") or schema.get("oneOf"))
            elif isinstance(t, list):
                out = " | ".join(self.type_of({"type": x}) for x in t)
            else:
                out = "Any"
        return f"Optional[{out}]" if null else out

    def render(self) -> str:
        lines = [
            '"""The core\'s boundary types as Python classes: generated by scripts/gen_host_types.py from',
            'core/plans/host-types.schema.json (the Rust types); do not edit. Decimals are',
            '``decimal.Decimal``, dates ``datetime.date``; closed sets are ``Literal`` aliases."""',
            "",
            "from __future__ import annotations",
            "",
            "import dataclasses",
            "import datetime",
            "import decimal",
            "from typing import Any, Literal, Optional, TypeAlias, Union",
            "",
            "from . import _mixins",
            "",
        ]
        names = sorted(self.defs)
        for name in names:
            values = enum_values(self.defs[name])
            if values is not None:
                text = doc(self.defs[name]).split("\n")[0]
                lines.append(f"{name}: TypeAlias = Literal[" + ", ".join(json.dumps(v) for v in values) + "]")
                if text:
                    lines.append(f'"""{text}"""')
                lines.append("")
        for name in names:
            schema = self.defs[name]
            if name in ("DecimalText", "DateText") or is_struct(schema) or enum_values(schema) is not None:
                continue
            lines.append(f"{name}: TypeAlias = {self.alias(schema)}")
            if doc(schema):
                lines.append(f'"""{doc(schema).splitlines()[0]}"""')
            lines.append("")
        structs = [n for n in names if is_struct(self.defs[n])]
        for name in structs:
            lines += self.render_struct(name, self.defs[name])
        lines += ["", "", "CLASSES: dict[str, type] = {"]
        lines += [f"    {json.dumps(n)}: {n}," for n in structs]
        lines += ["}", '"""The class of each boundary type, by the name of the Rust type: what the native converter builds."""', ""]
        lines.append("__all__ = [")
        for name in names:
            if name not in ("DecimalText", "DateText"):
                lines.append(f"    {json.dumps(name)},")
        lines.append("]")
        return "\n".join(lines) + "\n"

    def alias(self, schema: dict) -> str:
        """A union of other types, as a runtime alias."""
        options = schema.get("anyOf") or schema.get("oneOf")
        if options:
            return "Union[" + ", ".join(self.type_of(o) for o in options) + "]"
        return self.type_of(schema)

    def render_struct(self, name: str, schema: dict) -> list[str]:
        props = schema["properties"]
        required = set(schema.get("required", []))
        has_defaults = any(p not in required for p in props)
        options = "frozen=True, slots=True, repr=False" + (", kw_only=True" if has_defaults else "")
        base = f"(_mixins.{name})" if name in self.mixins else ""
        out = ["", f"@dataclasses.dataclass({options})", f"class {name}{base}:"]
        text = doc(schema)
        out.append('    """' + (text.replace("\\", "\\\\").replace('"""', "'''") or name) + '"""')
        out.append("")
        for prop, sub in ordered(schema):
            attr = prop + "_" if keyword.iskeyword(prop) else prop
            t = self.type_of(sub)
            if prop in required:
                out.append(f"    {attr}: {t}")
            elif t.startswith("list["):
                out.append(f"    {attr}: {t} = dataclasses.field(default_factory=list)")
            else:
                if not t.startswith("Optional["):
                    t = f"Optional[{t}]"
                out.append(f"    {attr}: {t} = None")
            field_doc = doc(sub) or doc(nullable(sub)[0])
            if field_doc:
                out.append('    """' + field_doc.replace("\\", "\\\\").replace('"""', "'''") + '"""')
        summary = [f for f in SUMMARY_FIELDS if f in props][:4] or [p for p, _ in ordered(schema)][:3]
        parts = []
        for f in summary:
            sub, _ = nullable(props[f])
            if ref_name(sub) == "Label":
                parts.append(f"{f}={{None if self.{f} is None else self.{f}.zh!r}}")
            else:
                parts.append(f"{f}={{self.{f}!r}}")
        out += ["", "    def __repr__(self) -> str:", f'        return f"{{type(self).__name__}}({", ".join(parts)})"']
        return out


def camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(w[:1].upper() + w[1:] for w in rest)


class TypeScript:
    def __init__(self, defs: dict) -> None:
        self.defs = defs

    def type_of(self, schema: dict) -> str:
        schema, null = nullable(schema)
        name = ref_name(schema)
        if name in ("DecimalText", "DateText"):
            out = "string"
        elif name:
            out = TS_NAMES.get(name, name)
        elif enum_values(schema) is not None:
            out = " | ".join(f"'{v}'" for v in enum_values(schema))
        else:
            t = schema.get("type")
            if t == "string":
                out = "string"
            elif t in ("integer", "number"):
                out = "number"
            elif t == "boolean":
                out = "boolean"
            elif t == "array":
                out = f"Array<{self.type_of(schema.get('items', {}))}>"
            elif t == "object":
                out = f"Record<string, {self.type_of(schema.get('additionalProperties', {}))}>"
            elif "anyOf" in schema or "oneOf" in schema:
                out = " | ".join(self.type_of(o) for o in schema.get("anyOf") or schema.get("oneOf"))
            elif isinstance(t, list):
                out = " | ".join(self.type_of({"type": x}) for x in t)
            else:
                out = "unknown"
        return f"{out} | null" if null and not out.endswith("| null") else out

    def render(self, wasm: bool = False) -> str:
        header = TS_HEADER.read_text(encoding="utf-8")
        if wasm:
            if NODE_ONLY_FROM not in header:
                raise SystemExit(f"{TS_HEADER}: no line starts {NODE_ONLY_FROM!r}, where the Node-only part begins")
            header = header[: header.index(NODE_ONLY_FROM)]
            intro = [
                "/* The types of skillplan's browser build: bindings-node/ts/header.d.ts up to its Node-only",
                "   part, then the core's boundary types, written by scripts/gen_host_types.py from",
                "   core/plans/host-types.schema.json; do not edit. */",
            ]
        else:
            intro = [
                "/* auto-generated by NAPI-RS, with the header in bindings-node/dts-header.d.ts */",
                "/* eslint-disable */",
                "/* The header: bindings-node/ts/header.d.ts, then the core's boundary types, written by",
                "   scripts/gen_host_types.py from core/plans/host-types.schema.json; do not edit. */",
            ]
        lines = [
            *intro,
            "",
            header.rstrip("\n"),
            "",
            "/* The core's boundary types. Keys are camelCase; decimals and dates are strings (exact",
            "   decimals, ISO dates); an absent value is left out (or null in JSON text). */",
            "",
        ]
        for core in sorted(self.defs, key=lambda n: TS_NAMES.get(n, n)):
            schema = self.defs[core]
            name = TS_NAMES.get(core, core)
            values = enum_values(schema)
            if name in ("DecimalText", "DateText"):
                continue
            if values is not None:
                lines += self.comment(doc(schema), "")
                lines.append(f"export type {name} = " + " | ".join(f"'{v}'" for v in values))
                lines.append("")
            elif not is_struct(schema):
                lines += self.comment(doc(schema), "")
                lines.append(f"export type {name} = {self.type_of(schema)}")
                lines.append("")
            else:
                lines += self.comment(doc(schema), "")
                lines.append(f"export interface {name} {{")
                required = set(schema.get("required", []))
                for prop, sub in ordered(schema):
                    inner, null = nullable(sub)
                    lines += self.comment(doc(sub) or doc(inner), "  ")
                    optional = null or prop not in required
                    t = self.type_of(inner) + (" | null" if null else "")
                    lines.append(f"  {camel(prop)}{'?' if optional else ''}: {t}")
                lines.append("}")
                lines.append("")
        return "\n".join(lines)

    @staticmethod
    def comment(text: str, indent: str) -> list[str]:
        if not text:
            return []
        body = text.replace("*/", "* /").split("\n")
        if len(body) == 1:
            return [f"{indent}/** {body[0]} */"]
        return [f"{indent}/**"] + [f"{indent} * {line}".rstrip() for line in body] + [f"{indent} */"]


class Uniffi:
    """`bindings-mobile/src/remote.rs`: uniffi's remote declarations of the core's types."""

    def __init__(self, defs: dict) -> None:
        self.defs = defs

    def name(self, core: str) -> str:
        return MOBILE_NAMES.get(core, core)

    def rust(self, schema: dict) -> str:
        schema, null = nullable(schema)
        name = ref_name(schema)
        if name == "DecimalText":
            out = "ExactDecimal"
        elif name == "DateText":
            out = "CalendarDate"
        elif name:
            out = self.name(name)
        else:
            t = schema.get("type")
            fmt = schema.get("format")
            out = {"string": "String", "boolean": "bool"}.get(t) or {"uint32": "u32", "int64": "i64", "uint64": "u64"}.get(fmt, "")
            if t == "array":
                out = f"Vec<{self.rust(schema.get('items', {}))}>"
            if not out:
                raise SystemExit(f"no uniffi type for {schema}")
        return f"Option<{out}>" if null else out

    def closure(self) -> list[str]:
        seen: list[str] = []

        def visit(name: str) -> None:
            if name in seen or name in ("DecimalText", "DateText"):
                return
            seen.append(name)
            for ref in re.findall(r'"#/\$defs/(\w+)"', json.dumps(self.defs[name])):
                visit(ref)

        for name in MOBILE_TYPES:
            visit(name)
        return seen

    def render(self) -> str:
        names = self.closure()
        lines = [
            "//! The core's boundary types declared to uniffi as remote types: generated by",
            "//! scripts/gen_host_types.py from core/plans/host-types.schema.json; do not edit. uniffi",
            "//! writes their Kotlin and Swift types and the conversions; the compiler checks every field",
            "//! against the core's own definition.",
            "",
            "use crate::{CalendarDate, ExactDecimal};",
            "",
        ]
        imports = sorted(n for n in names if self.name(n) == n)
        lines.append("pub use skillplan::host::types::remote::{" + ", ".join(imports) + "};")
        for core, host in sorted(MOBILE_NAMES.items()):
            if core in names:
                lines.append(f"/// The core's `{core}`, named so that it does not shadow Kotlin's `{core}`.")
                lines.append(f"pub type {host} = skillplan::host::types::remote::{core};")
        lines.append("")
        for name in names:
            schema = self.defs[name]
            lines += [f"/// {l}".rstrip() for l in (doc(schema) or name).split("\n")]
            if enum_values(schema) is not None:
                variants = schema.get("x-rust-variants")
                if not variants:
                    raise SystemExit(f"{name}: no x-rust-variants (declare it with closed_set!)")
                lines.append("#[uniffi::remote(Enum)]")
                lines.append(f"pub enum {self.name(name)} {{")
                options = schema.get("oneOf") or []
                for i, v in enumerate(variants):
                    vdoc = doc(options[i]) if i < len(options) else ""
                    if vdoc:
                        lines += [f"    /// {l}".rstrip() for l in vdoc.split("\n")]
                    lines.append(f"    {v},")
                lines.append("}")
            elif is_struct(schema):
                lines.append("#[uniffi::remote(Record)]")
                lines.append(f"pub struct {self.name(name)} {{")
                for prop, sub in ordered(schema):
                    fdoc = doc(sub) or doc(nullable(sub)[0])
                    if fdoc:
                        lines += [f"    /// {l}".rstrip() for l in fdoc.split("\n")]
                    rust = self.rust(sub)
                    # Hosts build some of these (inputs, options): absent and empty can be left out.
                    if rust.startswith("Option<"):
                        lines.append("    #[uniffi(default = None)]")
                    elif rust.startswith("Vec<"):
                        lines.append("    #[uniffi(default = [])]")
                    lines.append(f"    pub {prop}: {rust},")
                lines.append("}")
            else:
                raise SystemExit(f"{name}: uniffi cannot declare {schema}")
            lines.append("")
        return "\n".join(lines)


def main() -> int:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    shared = {name: s for name, s in defs.items() if name not in MOBILE_ONLY}
    python = {name: s for name, s in shared.items() if name not in PYTHON_SKIP}
    mixins = set(re.findall(r"^class (\w+)", PYTHON_MIXINS.read_text(encoding="utf-8"), re.M))
    PYTHON_OUT.write_text(Python(python, mixins).render(), encoding="utf-8")
    TS_OUT.write_text(TypeScript(shared).render(), encoding="utf-8")
    WASM_TS_OUT.write_text(TypeScript(shared).render(wasm=True), encoding="utf-8")
    KOTLIN_OUT.write_text(Uniffi(defs).render(), encoding="utf-8")
    # The workspace's rustfmt.toml (width 120) lays the Rust out as `cargo fmt --check` wants it.
    subprocess.run(["rustfmt", "--edition", "2024", "--config-path", str(ROOT / "rustfmt.toml"), str(KOTLIN_OUT)], check=True)
    print(f"wrote {PYTHON_OUT.relative_to(ROOT)}, {TS_OUT.relative_to(ROOT)}, {WASM_TS_OUT.relative_to(ROOT)} and {KOTLIN_OUT.relative_to(ROOT)} ({len(defs)} types)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
