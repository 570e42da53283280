// Count real-name training records by the plan's rules, off the event loop, then report
// progress:  node examples/node/count-records.js [records.csv]
'use strict'

const path = require('node:path')
const skillplan = require('../../bindings-node')

const RECORDS = path.resolve(__dirname, '..', '..', 'tests', 'conformance', 'records')

async function main() {
  const plan = skillplan.defaultPlan()
  const file = process.argv[2] ?? path.join(RECORDS, 'sample-training.csv')
  const tally = await plan.countRecordsFile(file)
  tally.merge(await plan.countRecordsFile(path.join(RECORDS, 'sample-bases.csv')))
  console.log(`read ${tally.rowsRead}, counted ${tally.rowsCounted}, rejected ${tally.rowsRejected}`)
  for (const [indicator, count] of Object.entries(tally.totals())) console.log(`  ${indicator}: ${count}`)

  // Records from a web form: a bad one is skipped and reported, never echoed.
  const fromForm = await plan.countRecordsAsync([
    { record_id: 'w1', person_key: 'a1b2', region: '220102', training_type: '企业新型学徒制', subsidised: true,
      start_date: '2024-03-01', completion_date: '2025-02-28' },
    { record_id: 'w2', person_key: '11010519491231002X', region: '220100', training_type: 'other', subsidised: true,
      start_date: '2024-03-01' },
  ])
  console.log('apprenticeships:', fromForm.totals()['enterprise-apprenticeship'],
    'rejected:', fromForm.rejections.map((r) => `row ${r.row} ${r.field} ${r.code}`).join('; '))

  const report = plan.progress(tally.observations(), { asOf: '2025-12-31' })
  for (const row of report.indicators) console.log(`${row.indicator}: ${row.achieved} of ${row.target} (${row.status})`)
}

main().catch((err) => {
  console.error(`error ${err.code} at ${err.path}: ${err.message}`)
  process.exit(1)
})
