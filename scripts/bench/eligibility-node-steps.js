// What each step of an eligibility call costs from Node, one step at a time (issue 15): the call
// with empty inputs, objects or text in, the answer getters, the JSON text call, a napi call that
// does almost nothing. Not a comparison; eligibility-node.js compares with the rule engines.
//   (cd bindings-node && npx napi build --platform --release) && node scripts/bench/eligibility-node-steps.js
'use strict'
const skillplan = require('../../bindings-node')
const plan = skillplan.defaultPlan()
const profile = { employment: 'employed', receiving_unemployment_benefit: false, unemployment_insurance_months: 18, subsidies_received: [{ kind: 'skill_upgrade_subsidy', date: '2025-01-15', level: 'junior', occupation: '焊工', shortage_occupation: false }], statuses: [], school_type: 'secondary_school', graduation_date: '2008-07-01' }
const offer = { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', shortage_occupation: true, certificate_date: '2025-06-01' }
const N = Number(process.argv[2] ?? 50000)
function t(name, f) { for (let i = 0; i < 2000; i++) f(); const s = process.hrtime.bigint(); for (let i = 0; i < N; i++) f(); console.log(name.padEnd(40), (Number(process.hrtime.bigint() - s) / N / 1000).toFixed(2), 'µs') }
const pt = JSON.stringify(profile), ot = JSON.stringify(offer)
t('checkEligibility only', () => plan.checkEligibility(profile, offer, '2026-03-01'))
t('checkEligibility {} {}', () => plan.checkEligibility({}, {}, '2026-03-01'))
t('checkEligibility text', () => plan.checkEligibility(pt, ot, '2026-03-01'))
const d = plan.checkEligibility(profile, offer, '2026-03-01')
t('d.subsidies', () => d.subsidies)
t('d.asOf', () => d.asOf)
t('checkEligibilityJson summary', () => plan.checkEligibilityJson(pt, ot, '2026-03-01', { explain: false }))
t('checkEligibilityJson summary no opts', () => plan.checkEligibilityJson(pt, ot, '2026-03-01'))
t('JSON.parse(summary-ish)', () => JSON.parse('[{"id":"training_subsidy","status":"undetermined","amount":null,"version":null,"failed":[],"missingFacts":["offer.start_date"]},{"id":"skill_upgrade_subsidy","status":"eligible","amount":"1500","version":"2025","failed":[],"missingFacts":[]}]'))
t('plan.region', () => plan.region('220100'))
