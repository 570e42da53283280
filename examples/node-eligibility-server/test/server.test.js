'use strict'

// The eligibility endpoint over real HTTP: a decision, the 400s with code and path, the batch.
const { test, before, after } = require('node:test')
const assert = require('node:assert/strict')
const { createServer, MAX_BODY } = require('../server')

let server
let base

before(async () => {
  server = createServer()
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${server.address().port}`
})

after(() => new Promise((resolve) => server.close(resolve)))

const post = async (path, body) => {
  const res = await fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  return { status: res.status, type: res.headers.get('content-type'), body: await res.json() }
}

const worker = { employment: 'employed', unemployment_insurance_months: 7, subsidies_received: [] }
const offer = { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', certificate_date: '2025-03-01', shortage_occupation: false }

test('POST /eligibility returns the decision with what is missing', async () => {
  const { status, type, body } = await post('/eligibility', { profile: worker, offer, as_of: '2025-04-01' })
  assert.equal(status, 200)
  assert.match(type, /application\/json/)
  const upgrade = body.subsidies.find((s) => s.id === 'skill_upgrade_subsidy')
  assert.equal(upgrade.status, 'not_eligible')
  assert.equal(upgrade.toQualify[0].explanation.en, '12 months of unemployment insurance; you have 7')
  assert.deepEqual(upgrade.clauses, ['（二十五）'])
})

test('with 12 months the same request is eligible for 1500', async () => {
  const { body } = await post('/eligibility', { profile: { ...worker, unemployment_insurance_months: 12 }, offer, as_of: '2025-04-01' })
  const upgrade = body.subsidies.find((s) => s.id === 'skill_upgrade_subsidy')
  assert.equal(upgrade.status, 'eligible')
  assert.equal(upgrade.amount, '1500')
})

test('malformed JSON → 400 INVALID_JSON', async () => {
  const { status, body } = await post('/eligibility', '{"profile": ')
  assert.equal(status, 400)
  assert.deepEqual([body.error.code, body.error.path], ['INVALID_JSON', 'body'])
})

test('an invalid profile → 400 with the code and the path of the field', async () => {
  const { status, body } = await post('/eligibility', { profile: { ...worker, unemployment_insurance_months: 7.5 }, as_of: '2025-04-01' })
  assert.equal(status, 400)
  assert.deepEqual([body.error.code, body.error.path, body.error.reason], ['INVALID_PROFILE', 'profile.unemployment_insurance_months', 'wrong_type'])
})

test('an invalid offer → 400 INVALID_OFFER', async () => {
  const { status, body } = await post('/eligibility', { profile: worker, offer: { hours: -3 }, as_of: '2025-04-01' })
  assert.equal(status, 400)
  assert.deepEqual([body.error.code, body.error.path], ['INVALID_OFFER', 'offer.hours'])
})

test('an ID number with a wrong check digit is refused and not echoed', async () => {
  const { status, body } = await post('/eligibility', { profile: { id_number: '110105194912310021' }, as_of: '2025-04-01' })
  assert.equal(status, 400)
  assert.equal(body.error.reason, 'invalid_id_number')
  assert.doesNotMatch(JSON.stringify(body), /11010519491231/)
})

test('a bad as_of → 400 INVALID_OPTIONS; a missing one → INVALID_REQUEST', async () => {
  let r = await post('/eligibility', { profile: worker, as_of: '2025-13-01' })
  assert.deepEqual([r.status, r.body.error.code, r.body.error.path], [400, 'INVALID_OPTIONS', 'as_of'])
  r = await post('/eligibility', { profile: worker })
  assert.deepEqual([r.status, r.body.error.code, r.body.error.path], [400, 'INVALID_REQUEST', 'as_of'])
})

test('the body must be an object with a profile', async () => {
  let r = await post('/eligibility', [1])
  assert.deepEqual([r.status, r.body.error.code], [400, 'INVALID_REQUEST'])
  r = await post('/eligibility', { as_of: '2025-04-01' })
  assert.deepEqual([r.status, r.body.error.path], [400, 'profile'])
})

test('POST /eligibility/batch decides a roster, each as a single call would', async () => {
  const profiles = [worker, { ...worker, unemployment_insurance_months: 30 }]
  const { status, body } = await post('/eligibility/batch', { profiles, offer, as_of: '2025-04-01' })
  assert.equal(status, 200)
  assert.deepEqual(body.map((d) => d.subsidies[1].status), ['not_eligible', 'eligible'])
  const single = await post('/eligibility', { profile: profiles[1], offer, as_of: '2025-04-01' })
  assert.deepEqual(body[1], single.body)
})

test('a bad profile in a batch → 400 with its index', async () => {
  const { status, body } = await post('/eligibility/batch', { profiles: [worker, { sex: 'x' }], as_of: '2025-04-01' })
  assert.deepEqual([status, body.error.code, body.error.path], [400, 'INVALID_PROFILE', 'profiles[1].sex'])
})

test('other routes and methods', async () => {
  assert.equal((await fetch(base + '/nope')).status, 404)
  assert.equal((await fetch(base + '/eligibility')).status, 405)
})

test('a body over the limit → 413', async () => {
  const res = await fetch(base + '/eligibility', { method: 'POST', body: 'x'.repeat(MAX_BODY + 10) })
  assert.equal(res.status, 413)
  assert.equal((await res.json()).error.code, 'BODY_TOO_LARGE')
})
