// TypeScript as an ES module (.mts): the `import` condition's declarations (index.d.mts) type
// the named and the default import.
import skillplan, { defaultPlan, version, type SkillplanError } from 'skillplan'

const plan = defaultPlan()
const sameFunction: boolean = skillplan.defaultPlan === defaultPlan
const target: string = plan.indicator('subsidized-training').target
if (!sameFunction || target !== '840000') throw new Error(`esm.mts: ${String(sameFunction)} ${target}`)
try {
  plan.clause('（九十）')
  throw new Error('no error')
} catch (err) {
  if ((err as SkillplanError).code !== 'UNKNOWN_CLAUSE') throw err
}
console.log(`mts: skillplan ${version}`)
