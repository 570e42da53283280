'use strict'

// The answer first, the explanation on demand: for every eligibility case of the conformance
// corpus, the parts read one by one (a subsidy's answer, its check codes, one subsidy or one
// check explained in one language) equal the whole explained form, and that form equals the
// eager one of the JSON text call.
const { test } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const skillplan = require('./binding')

const CORPUS = path.resolve(__dirname, '..', '..', 'tests', 'conformance')
const cases = JSON.parse(fs.readFileSync(path.join(CORPUS, 'eligibility.json'), 'utf8')).cases.filter(
  (c) => c.call === 'eligibility' && !c.expect_error,
)

test('the corpus has explained cases', () => assert.ok(cases.length > 80))

for (const c of cases) {
  test(`on demand equals the whole explained form: ${c.name}`, () => {
    const a = c.args
    const plan = a.plan && a.plan !== 'jilin' ? skillplan.loadPlan(path.join(CORPUS, a.plan)) : skillplan.defaultPlan()
    const profileText = a.profile_text ?? JSON.stringify(a.profile)
    const d = plan.checkEligibility(a.profile_text ?? a.profile, a.offer ?? null, a.as_of)
    const whole = d.toJSON()
    assert.deepEqual(whole, JSON.parse(plan.checkEligibilityJson(profileText, JSON.stringify(a.offer ?? {}), a.as_of)))
    assert.deepEqual(d.targetGroups, whole.targetGroups.filter((g) => g.status === 'member').map((g) => g.id))
    assert.equal(d.subsidies.length, whole.subsidies.length)
    d.subsidies.forEach((s, i) => {
      const w = whole.subsidies[i]
      assert.deepEqual([s.id, s.status, s.amount, s.version], [w.id, w.status, w.amount, w.version?.id ?? null])
      assert.deepEqual(s.missingFacts, w.missingFacts)
      assert.deepEqual(s.failed, w.checks.filter((x) => x.outcome === 'no').map((x) => x.check))
      assert.deepEqual(d.subsidyView(s.id), w)
      const checks = d.checks(s.id)
      assert.deepEqual(checks.map((x) => [x.check, x.outcome]), w.checks.map((x) => [x.check, x.outcome]))
      const zh = d.explainSubsidy(s.id, 'zh')
      const en = d.explainSubsidy(s.id, 'en')
      w.checks.forEach((x, k) => {
        assert.equal(d.explainCheck(s.id, k, 'zh'), x.explanation.zh)
        assert.equal(d.explainCheck(s.id, k, 'en'), x.explanation.en)
        assert.ok(zh.includes(x.explanation.zh) && en.includes(x.explanation.en))
      })
      assert.ok(d.explain('en').includes(en))
    })
  })
}
