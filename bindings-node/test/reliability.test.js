'use strict'

// Reliability from Node: an internal fault (forced with `injectFault`) throws or rejects with
// code INTERNAL from every kind of call and the process goes on; async calls leave the event
// loop free; four worker_threads share the library and get the main thread's answers.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { Worker } = require('node:worker_threads')
const skillplan = require('./binding')
const { CORPUS } = require('./conformance')

const ROOT = path.join(CORPUS, '..', '..')
const DATA = path.join(ROOT, 'examples', 'data')
const SAMPLE = path.join(CORPUS, 'records', 'sample-training.csv')
const plan = skillplan.defaultPlan()
const profile = JSON.parse(fs.readFileSync(path.join(DATA, 'profile.json'), 'utf8'))
const offer = JSON.parse(fs.readFileSync(path.join(DATA, 'offer.json'), 'utf8'))
const worker = JSON.parse(fs.readFileSync(path.join(DATA, 'worker-welder.json'), 'utf8'))
const observations = skillplan.readObservations(path.join(DATA, 'jilin-observations.csv'))
const toml = fs.readFileSync(path.join(ROOT, 'core', 'plans', 'jilin-2022-2025.toml'), 'utf8')
const records = fs.readFileSync(path.join(CORPUS, 'records', 'sample-training.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l))
const tally = plan.countRecords(records)
const asOf = '2025-06-30'

const answer = (v) => (v instanceof skillplan.Tally ? v.toJsonText() : v instanceof skillplan.Plan ? v.fingerprint : JSON.stringify(v))

// Every kind of exported call, by the name `injectFault` takes.
const calls = {
  defaultPlan: () => skillplan.defaultPlan(),
  loadPlanStr: () => skillplan.loadPlanStr(toml),
  loadPlanAsync: () => skillplan.loadPlanAsync(path.join(ROOT, 'core', 'plans', 'jilin-2022-2025.toml')),
  readObservations: () => skillplan.readObservations(path.join(DATA, 'jilin-observations.csv')),
  fingerprint: () => plan.fingerprint,
  indicators: () => plan.indicators(),
  indicator: () => plan.indicator('subsidized-training'),
  countRecords: () => plan.countRecords(records),
  countRecordsAsync: () => plan.countRecordsAsync(records),
  countRecordsFile: () => plan.countRecordsFile(SAMPLE),
  fromJson: () => skillplan.Tally.fromJson(plan, tally.toJsonText()),
  totals: () => tally.totals(),
  progress: () => plan.progress(observations, { asOf }),
  progressAsync: () => plan.progressAsync(observations, { asOf }),
  pathway: () => plan.pathway(worker, asOf),
  checkEligibility: () => plan.checkEligibility(profile, offer, asOf),
  checkEligibilityJson: () => plan.checkEligibilityJson(JSON.stringify(profile), JSON.stringify(offer), asOf),
  checkEligibilityBatch: () => plan.checkEligibilityBatch([profile, profile], offer, asOf),
  checkEligibilityBatchJson: () => plan.checkEligibilityBatchJson(JSON.stringify([profile]), JSON.stringify(offer), asOf),
}

for (const [operation, call] of Object.entries(calls)) {
  test(`a fault in ${operation} is an Error with code INTERNAL, and the next call answers`, async () => {
    const expected = answer(await call())
    skillplan.injectFault(operation)
    await assert.rejects(async () => call(), (e) => {
      assert.ok(e instanceof Error)
      assert.equal(e.code, 'INTERNAL')
      assert.equal(e.reason, 'panic')
      assert.ok(e.message.includes(operation), e.message)
      return true
    })
    assert.equal(answer(await call()), expected)
  })
}

test('async calls leave the event loop free while they compute', async () => {
  const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-')), 'big.csv')
  const [header, ...rows] = fs.readFileSync(SAMPLE, 'utf8').trim().split('\n')
  fs.writeFileSync(big, [header, ...Array.from({ length: 30 }, () => rows).flat()].join('\n') + '\n')
  const profiles = JSON.stringify(Array.from({ length: 20000 }, () => profile))
  for (const [name, start] of [
    ['countRecordsFile', () => plan.countRecordsFile(big)],
    ['checkEligibilityBatchJson', () => plan.checkEligibilityBatchJson(profiles, JSON.stringify(offer), asOf)],
    ['progressAsync', () => plan.progressAsync(observations, { asOf })],
    ['loadPlanAsync', () => skillplan.loadPlanAsync(path.join(ROOT, 'core', 'plans', 'jilin-2022-2025.toml'))],
  ]) {
    let turns = 0
    let spinning = true
    const spin = () => { if (spinning) { turns++; setImmediate(spin) } }
    const pending = start()
    setImmediate(spin)
    await pending
    spinning = false
    assert.ok(turns > 0, `${name} blocked the event loop`)
  }
})

const WORKER_CODE = `
const { parentPort, workerData } = require('node:worker_threads')
const fs = require('node:fs')
const skillplan = require(workerData.module)
const plan = skillplan.defaultPlan()
const run = async () => {
  const answers = []
  for (let i = 0; i < 20; i++) {
    answers.push([
      plan.countRecords(workerData.records).toJsonText(),
      (await plan.countRecordsFile(workerData.sample)).toJsonText(),
      JSON.stringify(plan.progress(workerData.observations, { asOf: workerData.asOf })),
      JSON.stringify(plan.pathway(workerData.worker, workerData.asOf)),
      JSON.stringify(plan.checkEligibility(workerData.profile, workerData.offer, workerData.asOf)),
      JSON.stringify(await plan.checkEligibilityBatch([workerData.profile, workerData.profile], workerData.offer, workerData.asOf)),
    ])
  }
  // A fault in this thread is this thread's error; the others go on.
  let fault = null
  if (workerData.index === 0) {
    const tally = plan.countRecords(workerData.records)
    skillplan.injectFault('regionTotal')
    try { tally.regionTotal('subsidized-training', '220000') } catch (e) { fault = e.code }
  }
  parentPort.postMessage({ answers, fault })
}
run().catch((e) => parentPort.postMessage({ error: String(e) }))
`

test('four worker_threads share the library and get the answers of the main thread', async () => {
  const data = { module: require('./binding-entry'), records, sample: SAMPLE, observations, worker, profile, offer, asOf }
  const expected = [
    plan.countRecords(records).toJsonText(),
    (await plan.countRecordsFile(SAMPLE)).toJsonText(),
    JSON.stringify(plan.progress(observations, { asOf })),
    JSON.stringify(plan.pathway(worker, asOf)),
    JSON.stringify(plan.checkEligibility(profile, offer, asOf)),
    JSON.stringify(await plan.checkEligibilityBatch([profile, profile], offer, asOf)),
  ]
  const results = await Promise.all([0, 1, 2, 3].map((index) => new Promise((resolve, reject) => {
    const w = new Worker(WORKER_CODE, { eval: true, workerData: { ...data, index } })
    w.once('message', resolve)
    w.once('error', reject)
  })))
  for (const [index, r] of results.entries()) {
    assert.equal(r.error, undefined, r.error)
    assert.equal(r.answers.length, 20)
    for (const a of r.answers) assert.deepEqual(a, expected)
    assert.equal(r.fault, index === 0 ? 'INTERNAL' : null)
  }
})

test('host values nested 100,000 deep are the typed error, not a crash', async () => {
  let deep = []
  for (let i = 0; i < 100000; i++) deep = [deep]
  assert.throws(() => plan.checkEligibility({ statuses: deep }, offer, asOf), { code: 'INVALID_PROFILE', path: 'profile' })
  assert.throws(() => plan.checkEligibility(profile, { occupation: deep }, asOf), { code: 'INVALID_OFFER', path: 'offer' })
  assert.throws(() => plan.pathway({ levels: deep }, asOf), { code: 'INVALID_WORKER', path: 'worker' })
  assert.throws(() => plan.countRecords([{ record_id: deep }], { strict: true }), { code: 'INVALID_RECORD', path: 'rows[1].record_id' })
  await assert.rejects(plan.countRecordsAsync([{ record_id: deep }], { strict: true }), { code: 'INVALID_RECORD' })
  await assert.rejects(plan.checkEligibilityBatch([{ statuses: deep }], offer, asOf), { code: 'INVALID_PROFILE', path: 'profiles[0]' })
})

test('NaN, Infinity and functions in records and workers are the typed error', () => {
  const record = { record_id: 'r1', person_key: 'k1', region: '220100', training_type: 'employment_skills', subsidised: true, start_date: '2023-05-01' }
  // The core's host-value policy, as in every binding: NaN in a row is the missing value of a table.
  assert.throws(() => plan.countRecords([{ ...record, subsidised: NaN }], { strict: true }), { code: 'INVALID_RECORD', path: 'rows[1].subsidised', reason: 'missing_field' })
  assert.throws(() => plan.countRecords([{ ...record, subsidised: () => 1 }], { strict: true }), { code: 'INVALID_RECORD', path: 'rows[1].subsidised', reason: 'wrong_type' })
  assert.throws(() => plan.countRecords([{ ...record, completion_date: Infinity }], { strict: true }), { code: 'INVALID_RECORD', path: 'rows[1].completion_date' })
  // Not strict: the record is refused and listed, the others counted.
  const tally = plan.countRecords([{ ...record, subsidised: () => 1 }, record])
  assert.equal(tally.rowsRejected, 1)
  assert.equal(tally.rowsRead, 2)
  assert.throws(() => plan.pathway({ work_started_on: NaN }, asOf), { code: 'INVALID_WORKER', path: 'worker', reason: 'wrong_type' })
})

test('a Promise-returning call never throws: bad arguments and faults reject', async () => {
  const pending = plan.checkEligibilityBatch([{ sex: 'x', statuses: NaN }], offer, asOf)
  assert.ok(pending instanceof Promise)
  await assert.rejects(pending, { code: 'INVALID_PROFILE', path: 'profiles[0]' })
  skillplan.injectFault('countRecordsFile')
  const faulty = plan.countRecordsFile(SAMPLE)
  assert.ok(faulty instanceof Promise)
  await assert.rejects(faulty, { code: 'INTERNAL' })
})
