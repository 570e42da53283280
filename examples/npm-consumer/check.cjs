// CommonJS: require('skillplan') from an installed package.
'use strict'
const assert = require('node:assert/strict')
const skillplan = require('skillplan')

const plan = skillplan.defaultPlan()
assert.equal(plan.indicator('subsidized-training').target, '840000')
assert.equal(skillplan.version, require('skillplan/package.json').version)
const offer = { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', certificate_date: '2025-03-01' }
const d = plan.checkEligibility({ employment: 'employed', unemployment_insurance_months: 14, subsidies_received: [] }, offer, '2025-04-01')
assert.equal(d.subsidy('skill_upgrade_subsidy').status, 'eligible')
assert.equal(d.subsidy('skill_upgrade_subsidy').amount, '1500')
assert.throws(() => plan.clause('（九十）'), { code: 'UNKNOWN_CLAUSE', path: 'id' })
console.log(`cjs: skillplan ${skillplan.version}, ${plan.metadata.documentNumber}, skill upgrade subsidy ${d.subsidy('skill_upgrade_subsidy').amount}`)
