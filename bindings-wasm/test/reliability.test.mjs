// A panic inside the module (in wasm it aborts the instance: a trap) reaches JavaScript as the
// typed INTERNAL error, and the module goes on: a fresh instance starts, and the plans loaded
// before answer again, the same answers. `injectFault` makes the next call trap as a bug would.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as skillplan from './binding.mjs'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PLAN_FILE = path.resolve(HERE, '..', '..', 'tests', 'conformance', 'plans', 'good', 'crosswalk-province.toml')
const data = (name) => JSON.parse(fs.readFileSync(path.resolve(HERE, '..', '..', 'examples', 'data', name), 'utf8'))
const PROFILE = data('profile.json')
const OFFER = data('offer.json')
const AS_OF = '2025-06-30'

function internal(call, operation) {
  assert.throws(call, (e) => {
    assert.equal(e.code, 'INTERNAL')
    assert.equal(e.kind, 'internal')
    assert.equal(e.reason, 'panic')
    assert.ok(e.message.includes(operation), e.message)
    assert.ok(e instanceof Error)
    return true
  })
}

test('a fault in a call is INTERNAL, and the same plan answers the same afterwards', () => {
  const plan = skillplan.defaultPlan()
  const before = plan.checkEligibility(PROFILE, OFFER, AS_OF)
  skillplan.injectFault('checkEligibility')
  internal(() => plan.checkEligibility(PROFILE, OFFER, AS_OF), 'checkEligibility')
  assert.deepEqual(plan.checkEligibility(PROFILE, OFFER, AS_OF), before)
  assert.equal(plan.id, 'jilin-2022-2025')
})

test('a plan loaded from text before the fault is loaded again into the fresh instance', () => {
  const plan = skillplan.loadPlanStr(fs.readFileSync(PLAN_FILE, 'utf8'))
  const fingerprint = plan.fingerprint
  const before = [plan.skillLevels(), plan.indicators()]
  skillplan.injectFault('*')
  internal(() => plan.skillLevels(), 'skillLevels')
  assert.equal(plan.fingerprint, fingerprint)
  assert.deepEqual([plan.skillLevels(), plan.indicators()], before)
})

test('faults one after another, in module functions too, leave typed errors working', () => {
  for (let i = 0; i < 3; i += 1) {
    skillplan.injectFault('defaultPlan')
    internal(() => skillplan.defaultPlan(), 'defaultPlan')
  }
  const plan = skillplan.defaultPlan()
  assert.throws(() => plan.checkEligibility({ birth_date: '1990-02-30' }, null, AS_OF), (e) => {
    assert.equal(e.code, 'INVALID_PROFILE')
    assert.equal(e.path, 'profile.birth_date')
    return true
  })
})

test('the fault fires once, only for the call it names', () => {
  const plan = skillplan.defaultPlan()
  skillplan.injectFault('pathway')
  assert.equal(plan.skillLevels().length, 8)
  internal(() => plan.pathway({}, AS_OF), 'pathway')
  assert.ok(plan.pathway({}, AS_OF).steps.length > 0)
})
