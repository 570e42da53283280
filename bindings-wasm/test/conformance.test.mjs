// The shared conformance corpus in the browser build: the fifth runner, beside Rust, Python,
// Node and Kotlin. Every case the page can express runs and must pass.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { loadCases, runCase, notInTheBrowser } from './conformance.mjs'

const SUITES = ['plan-queries.json', 'bad-plans.json', 'progress.json', 'pathway.json', 'records.json', 'eligibility.json']
let run = 0
let left = 0
for (const suite of SUITES) {
  for (const c of loadCases(suite)) {
    if (notInTheBrowser(c)) {
      left += 1
      continue
    }
    run += 1
    test(`${suite}: ${c.name}`, () => {
      const failures = runCase(c)
      assert.deepEqual(failures, [], failures.join('\n'))
    })
  }
}

test('only the record-counting cases and the missing plan file are left out', () => {
  const missingFile = loadCases('bad-plans.json').filter((c) => c.expect_error?.code === 'PLAN_IO')
  assert.equal(missingFile.length, 1)
  assert.equal(left, loadCases('records.json').length + missingFile.length)
  assert.ok(run >= 340, `only ${run} cases ran`)
})
