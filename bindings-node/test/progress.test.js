'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const path = require('node:path')
const skillplan = require('./binding')

const EXAMPLE = path.resolve(__dirname, '..', '..', 'examples', 'data', 'jilin-observations.csv')
const plan = skillplan.defaultPlan()
const observations = skillplan.readObservations(EXAMPLE)

test('a report is a plain object with exact decimal strings', () => {
  const report = plan.progress(observations, { asOf: '2025-06-30' })
  const row1 = report.indicators[0]
  assert.equal(row1.achieved, '801000')
  assert.equal(row1.status, 'on_track')
  assert.deepEqual(row1.statusLabel, { zh: '进度正常', en: 'on track' })
  assert.equal(JSON.parse(JSON.stringify(report)).indicators.length, 6)
})

test('progressAsync gives the same answer off the event loop', async () => {
  const sync = plan.progress(observations, { asOf: '2025-12-31' })
  const pending = plan.progressAsync(observations, { asOf: '2025-12-31' })
  assert.ok(pending instanceof Promise)
  assert.deepEqual(await pending, sync)
})

test('many async reports in parallel agree', async () => {
  const reports = await Promise.all(Array.from({ length: 16 }, () => plan.progressAsync(observations, { asOf: '2025-06-30' })))
  const first = JSON.stringify(reports[0])
  assert.ok(reports.every((r) => JSON.stringify(r) === first))
})

test('floats and wrong types are refused with the path', () => {
  const bad = [{ indicator: 'training-bases', date: '2023-12-31', value: 14.5 }]
  assert.throws(() => plan.progress(bad, { asOf: '2025-06-30' }), { code: 'INVALID_OBSERVATION', reason: 'not_a_number', path: 'observations[0].value' })
  const wrong = [{ indicator: 'training-bases', date: new Date(), value: 1 }]
  assert.throws(() => plan.progress(wrong, { asOf: '2025-06-30' }), { code: 'INVALID_OBSERVATION', reason: 'wrong_type', path: 'observations[0].date' })
  assert.throws(() => plan.progress([], { asOf: '2025-13-01' }), { code: 'INVALID_OPTIONS', path: 'as_of' })
})

test('safe integers are exact; unsafe ones are refused', () => {
  const ok = plan.indicatorProgress([{ indicator: 'training-bases', date: '2023-12-31', value: 14 }], 'training-bases', { asOf: '2025-06-30' })
  assert.equal(ok.achieved, '14')
  const unsafe = [{ indicator: 'training-bases', date: '2023-12-31', value: 2 ** 60 }]
  assert.throws(() => plan.progress(unsafe, { asOf: '2025-06-30' }), { code: 'INVALID_OBSERVATION', reason: 'not_a_number' })
})

test('decompose feeds regional progress', () => {
  const targets = plan.decompose('subsidized-training', [
    { region: 'changchun', weight: '906.7' },
    { region: 'jilin-city', weight: 362 },
  ])
  assert.equal(targets.reduce((sum, t) => sum + Number(t.target), 0), 840000)
  const report = plan.progress(observations, { asOf: '2025-12-31', regionalTargets: targets })
  assert.deepEqual(report.regions.map((r) => r.region), ['changchun', 'jilin-city'])
})

test('CSV export', () => {
  const csv = plan.progressCsv(observations, { asOf: '2026-11-28' })
  assert.match(csv.split('\n')[0], /^indicator,name_zh,name_en,region/)
  assert.equal(csv.trim().split('\n').length, 7)
})
