// A Node web team's first look at the plan: plain objects, exact decimal strings, typed errors.
// Run: node examples/node/plan-queries.js
'use strict'

const skillplan = require('../../bindings-node')

const plan = skillplan.defaultPlan()
const { title, documentNumber, period } = plan.metadata
console.log(`${title.en} (${documentNumber}), ${period.start} – ${period.end}`)

for (const indicator of plan.indicators()) {
  const indent = indicator.parent ? '  ' : ''
  console.log(`${indent}${indicator.row}. ${indicator.name.zh}: ${indicator.comparator} ${indicator.target} (${indicator.unit})`)
}

const measures = plan.measuresForDepartment('教育厅')
console.log(`省教育厅 is named in ${measures.length} measures; the first is ${measures[0].id} ${measures[0].title.zh}`)

try {
  plan.indicator('employment-rate')
} catch (err) {
  console.log(`error ${err.code} at ${JSON.stringify(err.path)}: ${err.message}`)
}

skillplan
  .loadPlanAsync(require('node:path').join(__dirname, '..', '..', 'tests', 'conformance', 'plans', 'bad', 'cyclic-parent.toml'))
  .catch((err) => console.log(`async load refused: ${err.code}/${err.reason} at ${err.path}`))
