// Compiled by ./scripts/test.sh with `tsc --noEmit --strict`: the declarations napi and
// scripts/gen_host_types.py write must type the calls as a TypeScript user writes them.
import { defaultPlan, DecisionSummary, DecisionView, EligibilityDecision, IndicatorProgress, Pathway, SkillplanError } from '../../index'

const plan = defaultPlan()
const explained: EligibilityDecision = plan.checkEligibility({ employment: 'employed' }, null, '2025-01-01')
const summary: DecisionSummary = plan.checkEligibility({}, null, '2025-01-01', { explain: false })
const some: EligibilityDecision = plan.checkEligibility({}, null, '2025-01-01', { subsidies: ['training_subsidy'] })
const status: 'eligible' | 'not_eligible' | 'undetermined' = explained.subsidies[0].status
const amount: string | null | undefined = explained.subsidy('skill_upgrade_subsidy').amount
const why: string = explained.explainSubsidy('skill_upgrade_subsidy', 'en') + explained.explainCheck('training_subsidy', 0)
const months: number | null | undefined = explained.checks('skill_upgrade_subsidy')[2].have
const whole: DecisionView = explained.toJSON()
const reasons: string[] = whole.targetGroups.flatMap((g) => g.reasons.map((r) => r.zh))
const facts: string[] = some.subsidies.flatMap((s) => s.missingFacts)
void summary.subsidies.map((s) => s.amount)
void plan.checkEligibilityBatch([{}], null, '2025-01-01', { explain: false }).then((all: DecisionSummary[]) => all.length)
const report = plan.progress([{ indicator: 'training-bases', date: '2024-12-31', value: '2' }], { asOf: '2025-06-30' })
const row: IndicatorProgress = report.indicators[0]
const method: 'linear_trend' | 'escap_current_status' | 'escap_anticipated_progress' | 'unsd_cagr' = row.projections[0].method
const pathway: Pathway = plan.pathway({ occupation: '焊工', levels: [] }, '2024-06-30')
try {
  plan.indicator('no-such')
} catch (e) {
  const err = e as SkillplanError
  const kind: 'plan' | 'not_found' | 'invalid_input' | 'internal' = err.kind
  void kind
}
void [status, facts, method, pathway, amount, why, months, reasons]
