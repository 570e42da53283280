'use strict'

// Eligibility from Node: plain objects in, an EligibilityDecision out (the answer at once, the
// explanation on demand), typed errors, the batch off the event loop.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const skillplan = require('./binding')

const plan = skillplan.defaultPlan()
const offer = { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', certificate_date: '2025-03-01', shortage_occupation: false }
const worker = { employment: 'employed', unemployment_insurance_months: 14, subsidies_received: [] }

test('a decision gives its answer as small plain objects, camelCase keys and decimal strings', () => {
  const d = plan.checkEligibility(worker, offer, '2025-04-01')
  assert.ok(d instanceof skillplan.EligibilityDecision)
  assert.equal(d.asOf, '2025-04-01')
  const upgrade = d.subsidies.find((s) => s.id === 'skill_upgrade_subsidy')
  assert.deepEqual(upgrade, { id: 'skill_upgrade_subsidy', status: 'eligible', amount: '1500', version: '2025', failed: [], missingFacts: [] })
  assert.deepEqual(d.subsidy('skill_upgrade_subsidy'), upgrade)
  const explained = d.toJSON().subsidies.find((s) => s.id === 'skill_upgrade_subsidy')
  assert.equal(explained.version.id, '2025')
  assert.ok(explained.unconfirmed.some((u) => u.parameter === 'amounts'))
  assert.deepEqual(JSON.parse(JSON.stringify(d)), d.toJSON())
  assert.deepEqual(JSON.parse(d.json()), d.toJSON())
})

test('explanations on demand: the whole decision, one subsidy, one check, in one language', () => {
  const d = plan.checkEligibility({ ...worker, unemployment_insurance_months: 7 }, offer, '2025-04-01')
  const months = d.checks('skill_upgrade_subsidy').findIndex((c) => c.check === 'insurance_months')
  assert.deepEqual(d.checks('skill_upgrade_subsidy')[months], { check: 'insurance_months', outcome: 'no', have: 7, need: 12, missingFacts: [] })
  assert.equal(d.explainCheck('skill_upgrade_subsidy', months, 'en'), '12 months of unemployment insurance needed; you have 7')
  assert.equal(d.explainCheck('skill_upgrade_subsidy', months), '需缴纳失业保险满12个月；已缴7个月')
  assert.match(d.explainSubsidy('skill_upgrade_subsidy', 'en'), /^skill upgrade subsidy: not eligible\n/)
  assert.match(d.explain('zh'), /技能提升补贴：不符合/)
  assert.deepEqual(d.subsidyView('skill_upgrade_subsidy'), d.toJSON().subsidies[1])
  assert.throws(() => d.explain('fr'), { code: 'INVALID_OPTIONS', path: 'lang' })
  assert.throws(() => d.subsidy('bonus'), { code: 'INVALID_OPTIONS', path: 'subsidy' })
  assert.throws(() => d.explainCheck('skill_upgrade_subsidy', 99), { code: 'INVALID_OPTIONS', path: 'index' })
})

test('JSON text is accepted for the profile and the offer', () => {
  const fromText = plan.checkEligibility(JSON.stringify(worker), JSON.stringify(offer), '2025-04-01')
  assert.ok(fromText.equals(plan.checkEligibility(worker, offer, '2025-04-01')))
  assert.deepEqual(fromText.toJSON(), plan.checkEligibility(worker, offer, '2025-04-01').toJSON())
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
  assert.ok(decisions.every((d) => d instanceof skillplan.EligibilityDecision))
  assert.equal(decisions[7].subsidies[1].status, 'not_eligible')
  assert.equal(decisions[12].subsidies[1].status, 'eligible')
})

test('a bad profile rejects the batch with its index', async () => {
  await assert.rejects(plan.checkEligibilityBatch([worker, { sex: 'x' }], offer, '2025-04-01'), { code: 'INVALID_PROFILE', path: 'profiles[1].sex' })
})

test('JSON text in and out: the summary, or the explained decision, of some subsidies', () => {
  const summary = JSON.parse(plan.checkEligibilityJson(JSON.stringify(worker), JSON.stringify(offer), '2025-04-01', { explain: false }))
  assert.deepEqual(summary.subsidies[1], { id: 'skill_upgrade_subsidy', status: 'eligible', amount: '1500', version: '2025', failed: [], missingFacts: [] })
  const one = JSON.parse(plan.checkEligibilityJson(JSON.stringify(worker), null, '2025-04-01', { subsidies: ['living_allowance'] }))
  assert.deepEqual(one.subsidies.map((s) => s.id), ['living_allowance'])
  const full = JSON.parse(plan.checkEligibilityJson(JSON.stringify(worker), JSON.stringify(offer), '2025-04-01'))
  assert.deepEqual(full, plan.checkEligibility(worker, offer, '2025-04-01').toJSON())
  assert.throws(() => plan.checkEligibilityJson('{"sex": ', null, '2025-04-01'), { code: 'INVALID_PROFILE', path: 'profile', reason: 'syntax' })
  assert.throws(() => plan.checkEligibilityJson('{}', null, '2025-04-01', { subsidies: ['bonus'] }), { code: 'INVALID_OPTIONS', path: 'options.subsidies[0]' })
})

test('a roster as JSON text resolves to JSON text, each decision the single call', async () => {
  const roster = Array.from({ length: 9000 }, (_, i) => ({ ...worker, unemployment_insurance_months: i % 20 }))
  const body = await plan.checkEligibilityBatchJson(JSON.stringify(roster), JSON.stringify(offer), '2025-04-01', { explain: false })
  const answers = JSON.parse(body)
  assert.equal(answers.length, roster.length)
  for (const i of [0, 11, 12, 8999]) {
    assert.deepEqual(answers[i], JSON.parse(plan.checkEligibilityJson(JSON.stringify(roster[i]), JSON.stringify(offer), '2025-04-01', { explain: false })))
  }
  await assert.rejects(plan.checkEligibilityBatchJson('[{}, {"sex": 1}]', null, '2025-04-01'), { code: 'INVALID_PROFILE', path: 'profiles[1].sex' })
  await assert.rejects(plan.checkEligibilityBatchJson('{}', null, '2025-04-01'), { code: 'INVALID_PROFILE', path: 'profiles', reason: 'wrong_type' })
})

test('the typed calls take the decision options of the JSON calls', async () => {
  const only = plan.checkEligibility(worker, offer, '2025-04-01', { subsidies: ['skill_upgrade_subsidy'] })
  assert.deepEqual(only.subsidies.map((s) => s.id), ['skill_upgrade_subsidy'])
  const full = plan.checkEligibility(worker, offer, '2025-04-01')
  assert.deepEqual(only.subsidies[0], full.subsidies.find((s) => s.id === 'skill_upgrade_subsidy'))
  const summary = plan.checkEligibility(worker, offer, '2025-04-01', { explain: false })
  assert.deepEqual(summary, JSON.parse(plan.checkEligibilityJson(JSON.stringify(worker), JSON.stringify(offer), '2025-04-01', { explain: false })))
  assert.equal(summary.subsidies[0].checks, undefined)
  const batch = await plan.checkEligibilityBatch([worker, {}], offer, '2025-04-01', { explain: false, subsidies: ['training_subsidy'] })
  assert.deepEqual(batch.map((s) => s.subsidies.map((x) => x.id)), [['training_subsidy'], ['training_subsidy']])
  assert.throws(() => plan.checkEligibility(worker, offer, '2025-04-01', { subsidies: ['no_such'] }), { code: 'INVALID_OPTIONS', path: 'options.subsidies[0]' })
})
