'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const skillplan = require('..')
const { CORPUS } = require('./conformance')

const plan = skillplan.defaultPlan()
const SAMPLE = path.join(CORPUS, 'records', 'sample-training.csv')

const record = (fields = {}) => ({
  record_id: 'r1', person_key: 'k1', region: '220100', training_type: 'employment_skills',
  subsidised: true, start_date: '2023-05-01', completion_date: '2023-05-31', ...fields,
})

test('a file is counted off the event loop and agrees with the same records as objects', async () => {
  const fromFile = await plan.countRecordsFile(SAMPLE)
  const lines = require('node:fs').readFileSync(SAMPLE, 'utf8').trim().split('\n')
  const header = lines[0].split(',')
  const objects = lines.slice(1).map((line) => Object.fromEntries(line.split(',').map((v, i) => [header[i], v])))
  const fromObjects = await plan.countRecordsAsync(objects)
  assert.deepEqual(fromObjects.totals(), fromFile.totals())
  assert.deepEqual(fromObjects.cells(), fromFile.cells())
  assert.equal(fromFile.rowsRead, 2000)
})

test('tallies merge, travel as JSON and feed the progress report', async () => {
  const whole = await plan.countRecordsFile(SAMPLE)
  const a = plan.countRecords([record()])
  const b = skillplan.Tally.fromJson(plan, plan.countRecords([record({ record_id: 'r2', region: 'changchun-new-area' })]).toJsonText())
  a.merge(b)
  assert.equal(a.totals()['subsidized-training'], 2)
  assert.equal(a.regionTotal('subsidized-training', '220100'), 2)
  const report = plan.progress(whole.observations(), { asOf: '2025-12-31' })
  assert.equal(report.indicators[0].achieved, String(whole.totals()['subsidized-training']))
})

test('bad records are typed errors that never show the person key', async () => {
  const key = '11010519491231002X'
  assert.throws(() => plan.countRecords([record({ person_key: key })], { strict: true }), (err) => {
    assert.equal(err.code, 'INVALID_RECORD')
    assert.equal(err.path, 'rows[1].person_key')
    assert.equal(err.reason, 'person_key_is_id_number')
    assert.ok(!err.message.includes(key) && !JSON.stringify(err).includes(key))
    return true
  })
  const tally = plan.countRecords([record({ person_key: key })])
  assert.ok(!JSON.stringify(tally.summary()).includes(key))
  await assert.rejects(plan.countRecordsFile('/no/such/records.csv'), (err) => err.code === 'INVALID_RECORD_SOURCE' && err.reason === 'io')
  assert.throws(() => plan.countRecords([record()], { maxRejected: -1 }), (err) => err.code === 'INVALID_OPTIONS')
  assert.throws(() => plan.countRecords([record({ region: 'x' }), record({ region: 'y' })], { maxRejected: 1 }),
    (err) => err.code === 'TOO_MANY_INVALID_RECORDS' && err.path === 'rows[2].region')
})
