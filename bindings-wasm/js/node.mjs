// skillplan's WebAssembly build in Node: the same module and JavaScript as in the page, loaded
// from the file beside this one. (Servers have the native package `skillplan`, which is faster
// and counts records on all cores; this entry is for tests and for code shared with a page.)
import { readFileSync } from 'node:fs'
import { initSync } from './skillplan.js'

initSync(readFileSync(new URL('./skillplan_wasm_bg.wasm', import.meta.url)))

export * from './skillplan.js'
