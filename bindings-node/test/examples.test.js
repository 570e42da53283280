'use strict'

// The Node examples run and say what they should.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const { execFileSync } = require('node:child_process')
const path = require('node:path')

const EXAMPLES = path.resolve(__dirname, '..', '..', 'examples', 'node')
const run = (script, ...args) => execFileSync(process.execPath, [path.join(EXAMPLES, script), ...args], { encoding: 'utf8' })

test('plan-queries example', () => {
  const out = run('plan-queries.js')
  assert.match(out, /省教育厅 is named in 16 measures/)
  assert.match(out, /async load refused: PLAN_INVALID\/cyclic_parent at indicators\[0\]\.parent/)
})

test('progress example', () => {
  const out = run('progress.js', '2026-01-01')
  assert.match(out, /subsidized-training: 905000 of 840000 \(met\)/)
  assert.match(out, /enterprise-apprenticeship: 36500 of 40000 \(missed\)/)
})

test('count-records example', () => {
  const out = run('count-records.js')
  assert.match(out, /read 2040, counted 1385, rejected 0/)
  assert.match(out, /training-bases: 32/)
  assert.match(out, /apprenticeships: 1 rejected: row 2 person_key person_key_is_id_number/)
  assert.doesNotMatch(out, /11010519491231002X/)
  assert.match(out, /subsidized-training: 1237 of 840000 \(missed\)/)
})

test('count-exports example', () => {
  const out = run('count-exports.js')
  assert.match(out, /read 400, counted 259, rejected 0/)
  assert.match(out, /the GB18030 export and the workbook count as the UTF-8 sample: true/)
  assert.match(out, /mapped headers: 1 subsidised training counted/)
  assert.match(out, /refused: INVALID_RECORD_SOURCE\/unknown_field at columns/)
  assert.match(out, /hash-keys: 1 written, 1 left out \(row 2: invalid_id_number\)/)
  assert.match(out, /one key: 64 hex digits, the same in the file: true/)
  assert.doesNotMatch(out, /11010519491231/)
})

test('eligibility example', () => {
  const out = run('eligibility.js')
  assert.match(out, /target groups: rural_revitalisation, enterprise_employees/)
  assert.match(out, /skill_upgrade_subsidy: not_eligible \(failed: insurance_months\)/)
  assert.match(out, /skill upgrade subsidy: not eligible\n/)
  assert.match(out, / {2}✗ 12 months of unemployment insurance needed; you have 7\n/)
  assert.match(out, /to qualify: 缴纳失业保险满12个月；已缴7个月/)
  assert.match(out, /roster: not_eligible, eligible, undetermined/)
  assert.match(out, /refused: INVALID_PROFILE at profile.unemployment_insurance_months \(wrong_type\)/)
})
