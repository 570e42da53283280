'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const skillplan = require('./binding')

const plan = skillplan.defaultPlan()

test('a pathway is a plain object a portal can send as JSON', () => {
  const p = plan.pathway({ work_started_on: '2019-03-01', levels: [{ level: 'junior', obtained_on: '2021-02-28' }] }, '2024-06-30')
  const next = p.steps.find((s) => s.isNext)
  assert.equal(next.level, 'intermediate')
  assert.equal(next.earliestDate, '2025-02-28')
  assert.equal(JSON.parse(JSON.stringify(p)).steps.length, 6)
})

test('the ladder and the crosswalk', () => {
  assert.deepEqual(plan.skillLevels().map((l) => l.nationalLevel ?? null), [null, 5, 4, 3, 2, 1, null, null])
  assert.deepEqual(plan.crosswalkForLevel('technician').map((x) => [x.title, x.years]), [['engineer', 3]])
  assert.throws(() => plan.crosswalkForLevel('guru'), { code: 'UNKNOWN_LEVEL', path: 'level' })
  assert.deepEqual(plan.titles().map((t) => t.grade), ['junior', 'intermediate', 'deputy_senior', 'senior'])
})

test('bad workers are typed errors with paths', () => {
  assert.throws(() => plan.pathway({ diplomas: [{ school: 'university' }] }, '2024-01-01'), {
    code: 'INVALID_WORKER', reason: 'unknown_school', path: 'worker.diplomas[0].school',
  })
  assert.throws(() => plan.pathway({ work_started_on: '2024-02-30' }, '2024-06-01'), { code: 'INVALID_WORKER', reason: 'invalid_date' })
  assert.throws(() => plan.pathway({}, 'yesterday'), { code: 'INVALID_OPTIONS', path: 'as_of' })
})
