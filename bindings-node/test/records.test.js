'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const skillplan = require('./binding')
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

test('a CSV file of several blocks, with quoted fields holding commas and line breaks, counts as the same records as objects', async () => {
  const fs = require('node:fs')
  const os = require('node:os')
  const regions = ['220100', '长春市', 'jilin-city', '222401', 'nowhere']
  const objects = []
  const lines = ['record_id,person_key,region,training_type,subsidised,groups,start_date,completion_date,note']
  for (let i = 0; i < 40000; i++) {
    const o = {
      record_id: `r${i}`, person_key: `k${i}`, region: regions[i % regions.length],
      training_type: i % 7 === 0 ? 'apprenticeship' : 'employment_skills', subsidised: i % 10 < 7 ? 'true' : 'false',
      groups: i % 2 ? 'migrant_worker;veteran' : '', start_date: `202${2 + (i % 4)}-0${1 + (i % 9)}-1${i % 10}`,
      completion_date: `202${2 + (i % 4)}-0${1 + (i % 9)}-2${i % 9}`,
    }
    objects.push(o)
    // A note the format does not read, quoted, with a comma, a doubled quote and a line break.
    const note = `"note ${i}, a ""quoted"" word\nand a second line ${'x'.repeat(i % 50)}"`
    lines.push([o.record_id, o.person_key, `"${o.region}"`, o.training_type, o.subsidised, `"${o.groups}"`,
      o.start_date, o.completion_date, note].join(','))
  }
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-')), 'records.csv')
  fs.writeFileSync(file, lines.join('\n') + '\n')
  assert.ok(fs.statSync(file).size > 5 * (1 << 20), 'larger than one block')
  const options = { maxRejected: 100000 }
  const fromFile = (await plan.countRecordsFile(file, options)).summary()
  const fromObjects = (await plan.countRecordsAsync(objects, options)).summary()
  assert.equal(fromFile.rows_read, 40000)
  assert.ok(fromFile.rows_rejected > 0)
  fromFile.rejections = fromFile.rejections.map(({ source, ...r }) => r)
  assert.deepEqual({ ...fromFile, ignored_columns: [] }, { ...fromObjects, ignored_columns: [] })
})
