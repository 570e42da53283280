// ES module: named and default imports from an installed package.
import assert from 'node:assert/strict'
import { createRequire } from 'node:module'
import skillplan, { defaultPlan, version, loadPlanAsync } from 'skillplan'

const plan = defaultPlan()
assert.equal(version, createRequire(import.meta.url)('skillplan/package.json').version)
assert.equal(skillplan.defaultPlan, defaultPlan)
assert.equal(plan.parts('new-certificates')[0].id, 'new-high-skill-certificates')
await assert.rejects(loadPlanAsync('no-such-plan.toml'), { code: 'PLAN_IO' })
console.log(`esm: skillplan ${version}, ${plan.indicators().length} indicators`)
