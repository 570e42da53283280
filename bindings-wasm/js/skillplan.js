// skillplan in the page: the JavaScript face of the WebAssembly module. The answers are the
// core's (bindings-wasm/src); this file only loads the module and keeps it usable. A panic in
// wasm aborts the instance (a trap); every call here catches that trap, starts a fresh instance
// from the module already compiled (no new download), and throws the typed INTERNAL error. The
// plans loaded before are loaded again into the new instance the next time they are used.

import * as wasm from './skillplan_wasm.js'

/** Bumped at every fresh instance; a plan whose handle is older loads itself again. */
let generation = 0
let ready = false

const WASM_FILE = 'skillplan_wasm_bg.wasm'

/**
 * Loads the module: from `source` (a URL, a `Response`, the bytes, or a compiled
 * `WebAssembly.Module`), else from the `.wasm` file beside this one. Resolves once ready.
 */
export async function init(source) {
  if (ready) return
  await wasm.default({ module_or_path: source ?? new URL(WASM_FILE, import.meta.url) })
  ready = true
}

/** Loads the module from its bytes or a compiled `WebAssembly.Module`, synchronously. */
export function initSync(module) {
  if (ready) return
  wasm.initSync({ module })
  ready = true
}

function isTrap(e) {
  // A panic or `unreachable` traps; a stack overflow in wasm is a RangeError. Errors the core
  // throws carry a code and are passed on as they are.
  return e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && !('code' in e))
}

/** Runs one call into the module; after a trap, a fresh instance and the INTERNAL error. */
function call(operation, body) {
  if (!ready) throw new Error('skillplan: call init() (or initSync()) before using the module')
  try {
    return body()
  } catch (e) {
    if (!isTrap(e)) throw e
    // Every handle of the old instance is stale from here, even if starting the new one fails.
    generation += 1
    wasm.__wbg_reset_state()
    throw wasm.internalError(operation)
  }
}

const HANDLE = Symbol('skillplan.handle')

/** A loaded, validated plan. Immutable. */
export class Plan {
  constructor(source, handle) {
    // The TOML of a loaded plan (null: the embedded one), to load it again after a trap.
    Object.defineProperty(this, HANDLE, { value: { source, handle, generation }, writable: true })
  }

  /** The handle in the current instance. */
  [Symbol.for('skillplan.raw')]() {
    const held = this[HANDLE]
    if (held.generation !== generation) {
      held.handle = held.source === null ? wasm.defaultPlan() : wasm.loadPlanStr(held.source)
      held.generation = generation
    }
    return held.handle
  }

  get id() {
    return call('id', () => raw(this).id)
  }

  get fingerprint() {
    return call('fingerprint', () => raw(this).fingerprint)
  }

  get metadata() {
    return call('metadata', () => raw(this).metadata)
  }
}

const raw = (plan) => plan[Symbol.for('skillplan.raw')]()

// Every other call of a plan: the same name and arguments as the module's (see skillplan.d.ts).
const PLAN_CALLS = [
  'indicators', 'indicator', 'parts', 'measures', 'measure', 'columns', 'clause', 'departments', 'department',
  'measuresForDepartment', 'measuresForAllRelevant', 'regions', 'region', 'toJson', 'progress', 'progressCsv',
  'indicatorProgress', 'decompose', 'skillLevels', 'titles', 'crosswalkForLevel', 'crosswalkForTitle',
  'educationEquivalences', 'pathway', 'checkEligibility', 'checkEligibilityJson', 'checkEligibilityBatch',
]
for (const name of PLAN_CALLS) {
  Object.defineProperty(Plan.prototype, name, {
    value: function (...args) {
      return call(name, () => raw(this)[name](...args))
    },
    writable: true,
    configurable: true,
  })
}

/** The embedded Jilin 2022–2025 plan (吉人社联〔2022〕145号). */
export function defaultPlan() {
  return call('defaultPlan', () => new Plan(null, wasm.defaultPlan()))
}

/** Loads and validates a plan from TOML text, or from bytes (which must be UTF-8). */
export function loadPlanStr(text) {
  return call('loadPlanStr', () => {
    const handle = wasm.loadPlanStr(text)
    // Kept as text to load again after a trap; bytes were UTF-8 or the load has thrown.
    return new Plan(typeof text === 'string' ? text : new TextDecoder().decode(text), handle)
  })
}

/** Observations from the bytes (or text) of a CSV or JSON file, ready for `plan.progress`. */
export function readObservations(input, format, encoding) {
  return call('readObservations', () => wasm.readObservations(input, format, encoding ?? undefined))
}

/** The person key of one ID number (HMAC-SHA256 under `salt`, 64 hex digits). */
export function personKey(idNumber, salt) {
  return call('personKey', () => wasm.personKey(idNumber, salt))
}

/** Every error code with the kind of error it is. */
export function errorKinds() {
  return call('errorKinds', () => wasm.errorKinds())
}

/** The JSON Schema of the plan data format. */
export function jsonSchema() {
  return call('jsonSchema', () => wasm.jsonSchema())
}

/** The version of this package and of the skillplan core inside it. */
export function version() {
  return call('version', () => wasm.version())
}

/**
 * Makes the next call of `operation` (e.g. `checkEligibility`, or `*`) fail as a panic would,
 * once: for testing a page's error path. The call throws INTERNAL and the module goes on.
 */
export function injectFault(operation) {
  call('injectFault', () => wasm.injectFault(operation))
}
