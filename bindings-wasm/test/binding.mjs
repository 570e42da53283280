// The module under test: the built package (bindings-wasm/pkg, from scripts/build-wasm.sh), or
// an installed one when SKILLPLAN_WASM_PACKAGE names its folder.
const where = process.env.SKILLPLAN_WASM_PACKAGE
  ? new URL(`file://${process.env.SKILLPLAN_WASM_PACKAGE}/node.mjs`)
  : new URL('../pkg/node.mjs', import.meta.url)
const skillplan = await import(where.href)
export const {
  init, initSync, Plan, defaultPlan, loadPlanStr, readObservations, personKey, errorKinds, jsonSchema, version, injectFault,
} = skillplan
