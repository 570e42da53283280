// A portal's progress endpoint logic: observations in, a plain JSON-ready report out,
// computed off the event loop. Run: node examples/node/progress.js [AS_OF]
'use strict'

const path = require('node:path')
const skillplan = require('../../bindings-node')

async function main(asOf) {
  const plan = skillplan.defaultPlan()
  const observations = skillplan.readObservations(path.join(__dirname, '..', 'data', 'jilin-observations.csv'))
  const report = await plan.progressAsync(observations, { asOf })
  for (const row of report.indicators) {
    console.log(`${row.indicator}: ${row.achieved ?? '—'} of ${row.target} (${row.statusLabel.en})`)
  }
  return report
}

main(process.argv[2] ?? '2025-06-30').catch((err) => {
  console.error(`error ${err.code} at ${err.path}: ${err.message}`)
  process.exitCode = 1
})
