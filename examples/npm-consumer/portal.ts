// TypeScript, strict: the declarations an installed package carries type a portal's calls.
import { defaultPlan, version, type SkillplanError } from 'skillplan'

const plan = defaultPlan()
const decision = plan.checkEligibility(
  { employment: 'employed', unemployment_insurance_months: 14, subsidies_received: [] },
  { target_level: 'intermediate', certificate_kind: 'skill_level_certificate', occupation: '电工', certificate_date: '2025-03-01' },
  '2025-04-01',
)
const upgrade = decision.subsidy('skill_upgrade_subsidy')
const amount: string | null | undefined = upgrade?.amount
if (amount !== '1500') throw new Error(`skill upgrade subsidy: ${String(amount)}`)

try {
  plan.clause('（九十）')
  throw new Error('no error')
} catch (err) {
  const e = err as SkillplanError
  if (e.code !== 'UNKNOWN_CLAUSE') throw err
}
const v: string = version
console.log(`ts: skillplan ${v}, ${decision.subsidies.length} subsidies decided`)
