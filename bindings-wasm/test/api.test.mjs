// The calls beyond the corpus: the version, the error kinds, observations from a file's bytes
// (UTF-8 and GB18030, as provincial systems write them), the JSON text call, the schema.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as skillplan from './binding.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const ROOT = path.resolve(HERE, '..', '..')
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'bindings-wasm', 'package.json'), 'utf8'))

test('the version is the package version', () => {
  assert.equal(skillplan.version(), pkg.version)
})

test('every error code has its kind', () => {
  const kinds = new Map(skillplan.errorKinds())
  assert.equal(kinds.get('INVALID_PROFILE'), 'invalid_input')
  assert.equal(kinds.get('INTERNAL'), 'internal')
})

test('observations from the bytes of the example CSV give the report the objects give', () => {
  const plan = skillplan.defaultPlan()
  const bytes = new Uint8Array(fs.readFileSync(path.join(ROOT, 'examples', 'data', 'jilin-observations.csv')))
  const rows = skillplan.readObservations(bytes, 'csv')
  assert.ok(rows.length > 10)
  const report = plan.progress(rows, { asOf: '2024-06-30' })
  assert.equal(report.indicators.length, plan.indicators().length)
  assert.equal(skillplan.readObservations(new TextDecoder().decode(bytes), 'csv').length, rows.length)
  assert.throws(() => skillplan.readObservations(bytes, 'xml'), (e) => e.code === 'INVALID_OPTIONS' && e.path === 'format')
})

test('the JSON text call equals the object call', () => {
  const plan = skillplan.defaultPlan()
  const profile = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'data', 'profile.json'), 'utf8'))
  const offer = JSON.parse(fs.readFileSync(path.join(ROOT, 'examples', 'data', 'offer.json'), 'utf8'))
  const text = plan.checkEligibilityJson(JSON.stringify(profile), JSON.stringify(offer), '2024-06-30', { explain: false })
  assert.deepEqual(JSON.parse(text), plan.checkEligibility(profile, offer, '2024-06-30', { explain: false }))
})

test('the plan schema is JSON Schema', () => {
  assert.equal(typeof JSON.parse(skillplan.jsonSchema()).$schema, 'string')
})

test('a Date is refused, as in Node: dates are ISO text', () => {
  const plan = skillplan.defaultPlan()
  assert.throws(() => plan.checkEligibility({ birth_date: new Date() }, null, '2024-06-30'),
    (e) => e.code === 'INVALID_PROFILE' && e.path === 'profile' && e.message.includes('Date'))
})
