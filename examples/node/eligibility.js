// Eligibility in a worker portal: one check, then a roster off the event loop.
//   node examples/node/eligibility.js
'use strict'

const skillplan = require('../../bindings-node')

async function main() {
  const plan = skillplan.defaultPlan()
  const offer = {
    training_type: 'employment_skills',
    target_level: 'intermediate',
    certificate_kind: 'skill_level_certificate',
    occupation: '电工',
    hours: 120,
    provider_listed: true,
    start_date: '2025-01-10',
    certificate_date: '2025-03-01',
    shortage_occupation: false,
  }
  const worker = { employment: 'employed', statuses: ['农民工'], unemployment_insurance_months: 7, subsidies_received: [],
    receiving_unemployment_benefit: false, school_type: 'secondary_school', graduation_date: '2008-07-01' }

  // The answer first: statuses and amounts, with nothing explained yet.
  const decision = plan.checkEligibility(worker, offer, '2025-04-01')
  console.log('target groups:', decision.targetGroups.join(', '))
  for (const s of decision.subsidies) {
    console.log(`${s.id}: ${s.status}${s.amount ? ` ${s.amount} 元` : ''}${s.failed.length ? ` (failed: ${s.failed.join(', ')})` : ''}`)
  }
  // The explanation on demand: one subsidy in one language, or the whole explained form.
  console.log(decision.explainSubsidy('skill_upgrade_subsidy', 'en'))
  const explained = decision.toJSON()
  for (const r of explained.subsidies[1].toQualify) console.log(`   to qualify: ${r.explanation.zh}`)

  const roster = [worker, { ...worker, unemployment_insurance_months: 30 }, { employment: 'registered_unemployed' }]
  const decisions = await plan.checkEligibilityBatch(roster, offer, '2025-04-01')
  console.log('roster:', decisions.map((d) => d.subsidies.find((s) => s.id === 'skill_upgrade_subsidy').status).join(', '))

  try {
    plan.checkEligibility({ unemployment_insurance_months: 7.5 }, offer, '2025-04-01')
  } catch (e) {
    console.log(`refused: ${e.code} at ${e.path} (${e.reason})`)
  }
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
