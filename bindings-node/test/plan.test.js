'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const skillplan = require('./binding')

const MINIMAL = path.resolve(__dirname, '..', '..', 'tests', 'conformance', 'plans', 'good', 'minimal.toml')

test('version is the package version', () => {
  // Under SKILLPLAN_NODE_PACKAGE, the installed package's package.json; else this folder's.
  const dir = process.env.SKILLPLAN_NODE_PACKAGE
    ? path.join(process.env.SKILLPLAN_NODE_PACKAGE, 'node_modules', 'skillplan')
    : path.join(__dirname, '..')
  assert.equal(skillplan.version, JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')).version)
  assert.match(skillplan.version, /^\d+\.\d+\.\d+/)
})

test('targets are exact decimal strings', () => {
  const plan = skillplan.defaultPlan()
  assert.equal(plan.indicator('new-certificates').target, '176000')
  assert.equal(plan.indicator('new-high-skill-certificates').parent, 'new-certificates')
  assert.equal(skillplan.loadPlan(MINIMAL).indicator('bases').target, '12.5')
})

test('results are plain objects that survive JSON', () => {
  const measure = skillplan.defaultPlan().measure('（二十五）')
  const copy = JSON.parse(JSON.stringify(measure))
  assert.equal(copy.responsibility.lead, 'hrss')
  assert.deepEqual(copy.responsibility.departments, ['hrss', 'drc', 'finance', 'emergency'])
})

test('errors are Errors with code, path, reason and issues', () => {
  const plan = skillplan.defaultPlan()
  assert.throws(() => plan.region('000000'), (err) => {
    assert.ok(err instanceof Error)
    assert.equal(err.code, 'UNKNOWN_REGION')
    assert.equal(err.path, 'region')
    assert.equal(err.reason, null)
    return true
  })
  const text = fs.readFileSync(MINIMAL, 'utf8').replace('parent = "trained"', 'parent = "x"').replace('target = "100000"', 'target = "-1"')
  assert.throws(() => skillplan.loadPlanStr(text), (err) => {
    assert.equal(err.code, 'PLAN_INVALID')
    assert.equal(err.reason, 'negative_target')
    assert.deepEqual(err.issues.map((i) => i.reason), ['negative_target', 'unknown_reference'])
    return true
  })
})

test('a Buffer must be UTF-8', () => {
  assert.throws(() => skillplan.loadPlanStr(Buffer.from([0x66, 0xff, 0x0a])), { code: 'PLAN_NOT_UTF8' })
  assert.equal(skillplan.loadPlanStr(fs.readFileSync(MINIMAL)).id, 'sample-2026-2030')
})

test('loadPlanAsync resolves a Plan and rejects with the typed error', async () => {
  const plan = await skillplan.loadPlanAsync(MINIMAL)
  assert.equal(plan.fingerprint, skillplan.loadPlan(MINIMAL).fingerprint)
  await assert.rejects(skillplan.loadPlanAsync(path.join(__dirname, 'missing.toml')), { code: 'PLAN_IO' })
})

test('the canonical JSON and schema are available', () => {
  const json = JSON.parse(skillplan.defaultPlan().toJson())
  assert.equal(json.metadata.document_number, '吉人社联〔2022〕145号')
  assert.equal(JSON.parse(skillplan.jsonSchema()).title, 'PlanData')
})

test('every error code has a kind, and errors carry their code\'s kind', () => {
  const kinds = new Map(skillplan.errorKinds())
  assert.equal(kinds.size, skillplan.errorKinds().length)
  assert.deepEqual([...new Set(kinds.values())].sort(), ['internal', 'invalid_input', 'not_found', 'plan'])
  const plan = skillplan.defaultPlan()
  for (const call of [() => plan.indicator('no-such'), () => skillplan.loadPlanStr(''), () => plan.checkEligibilityJson('{', null, '2024-06-30')]) {
    assert.throws(call, (err) => err.kind === kinds.get(err.code) && typeof err.kind === 'string')
  }
})
