'use strict'

// Eligibility from Node: plain objects in and out, typed errors, the batch off the event loop.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const skillplan = require('..')

const plan = skillplan.defaultPlan()
const offer = { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', certificate_date: '2025-03-01', shortage_occupation: false }
const worker = { employment: 'employed', unemployment_insurance_months: 14, subsidies_received: [] }

test('a decision is a plain object with camelCase keys and decimal strings', () => {
  const d = plan.checkEligibility(worker, offer, '2025-04-01')
  assert.equal(d.asOf, '2025-04-01')
  const upgrade = d.subsidies.find((s) => s.id === 'skill_upgrade_subsidy')
  assert.equal(upgrade.status, 'eligible')
  assert.equal(upgrade.amount, '1500')
  assert.deepEqual(upgrade.missingFacts, [])
  assert.equal(upgrade.version.id, '2025')
  assert.ok(upgrade.unconfirmed.some((u) => u.parameter === 'amounts'))
  assert.deepEqual(JSON.parse(JSON.stringify(d)), d)
})

test('JSON text is accepted for the profile and the offer', () => {
  assert.deepEqual(plan.checkEligibility(JSON.stringify(worker), JSON.stringify(offer), '2025-04-01'), plan.checkEligibility(worker, offer, '2025-04-01'))
})

test('errors carry code, path and reason', () => {
  assert.throws(() => plan.checkEligibility({ statuses: ['astronaut'] }, null, '2025-04-01'), (e) => {
    assert.deepEqual([e.code, e.path, e.reason], ['INVALID_PROFILE', 'profile.statuses[0]', 'unknown_value'])
    return true
  })
  assert.throws(() => plan.checkEligibility({}, { hours: 2.5 }, '2025-04-01'), { code: 'INVALID_OFFER', path: 'offer.hours' })
  assert.throws(() => plan.checkEligibility({}, null, '1 April'), { code: 'INVALID_OPTIONS', path: 'as_of' })
  assert.throws(() => plan.checkEligibility({ unemployment_insurance_months: NaN }, null, '2025-04-01'), { code: 'INVALID_PROFILE' })
})

test('the batch runs off the event loop: a timer fires while it computes', async () => {
  const roster = Array.from({ length: 20000 }, (_, i) => ({ ...worker, unemployment_insurance_months: i % 30 }))
  let ticks = 0
  const timer = setInterval(() => ticks++, 1)
  const decisions = await plan.checkEligibilityBatch(roster, offer, '2025-04-01')
  clearInterval(timer)
  assert.equal(decisions.length, roster.length)
  assert.ok(ticks > 0, 'the event loop was blocked')
  assert.equal(decisions[7].subsidies[1].status, 'not_eligible')
  assert.equal(decisions[12].subsidies[1].status, 'eligible')
})

test('a bad profile rejects the batch with its index', async () => {
  await assert.rejects(plan.checkEligibilityBatch([worker, { sex: 'x' }], offer, '2025-04-01'), { code: 'INVALID_PROFILE', path: 'profiles[1].sex' })
})
