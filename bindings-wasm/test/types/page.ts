// The declarations type a page's calls as a TypeScript user writes them (tsc --strict, run by
// scripts/test.sh); a wrong field or answer type here fails the build.
import { init, defaultPlan, loadPlanStr, readObservations, type DecisionSummary, type DecisionView, type SkillplanError } from '../../pkg/skillplan.js'

export async function page(planText: string, csv: Uint8Array): Promise<string[]> {
  await init()
  const plan = defaultPlan()
  const fast: DecisionSummary = plan.checkEligibility({ employment: 'employed' }, null, '2025-06-30', { explain: false })
  const explained: DecisionView = plan.checkEligibility({ employment: 'employed' }, { hours: 120 }, '2025-06-30')
  const amounts: Array<string | null | undefined> = fast.subsidies.map((s) => s.amount)
  const missing: string[] = explained.subsidies.flatMap((s) => s.toQualify.map((q) => q.explanation.zh))
  const pathway = plan.pathway({ levels: [{ level: 'junior', obtained_on: '2021-02-28' }] }, '2025-06-30')
  const progress: string[] = pathway.steps.flatMap((s) => s.routes.map((r) => r.progress))
  const report = loadPlanStr(planText).progress(readObservations(csv, 'csv'), { asOf: '2024-06-30' })
  try {
    plan.indicator('no-such-indicator')
  } catch (e) {
    const error = e as SkillplanError
    missing.push(`${error.code} ${error.path} ${error.kind}`)
  }
  return [plan.id, report.asOf, ...missing, ...progress, ...amounts.map(String)]
}
