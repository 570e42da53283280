'use strict'

const { test } = require('node:test')
const assert = require('node:assert/strict')
const { loadCases, runCase } = require('./conformance')

for (const suite of ['plan-queries.json', 'bad-plans.json', 'progress.json', 'pathway.json', 'records.json', 'eligibility.json']) {
  for (const c of loadCases(suite)) {
    test(`${suite}: ${c.name}`, async () => {
      const failures = await runCase(c)
      assert.deepEqual(failures, [], failures.join('\n'))
    })
  }
}
