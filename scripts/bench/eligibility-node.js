// Per-check cost of the 技能提升补贴 rule (2025 version) from Node, in one run: skillplan against
// json-rules-engine 7.3.1 and @gorules/zen-engine 0.54.0 encoding the same rule.
// Every engine answers every profile; the script exits 1 unless they all agree.
//
// Two scenarios. "objects": the profile and offer are JavaScript objects and the answer is read
// from a JavaScript object. "request": a portal's request body (JSON text) in, the response
// body (JSON text) out, as an HTTP handler does it; the rule engines parse the text, compute
// their facts, run, and stringify {eligible, amount}; skillplan takes the text as it is.
//
//   (cd scripts/bench/node-eligibility && npm install) && node scripts/bench/eligibility-node.js [profiles] [repeats]
'use strict'

const path = require('node:path')
const skillplan = require('../../bindings-node')
const deps = path.join(__dirname, 'node-eligibility', 'node_modules')
const { Engine } = require(path.join(deps, 'json-rules-engine'))
const { ZenEngine } = require(path.join(deps, '@gorules', 'zen-engine'))

const N = Number(process.argv[2] ?? 20000)
const REPEATS = Number(process.argv[3] ?? 5)
const AS_OF = '2026-03-01'
const LEVELS = ['junior', 'intermediate', 'senior', 'technician']
const ORDINAL = { junior: 2, intermediate: 3, senior: 4, technician: 5 }
const AMOUNT = { junior: 1000, intermediate: 1500, senior: 2000 }
const KINDS = ['vocational_qualification', 'skill_level_certificate', 'special_ability', 'training_certificate']
const OCCUPATIONS = ['电工', '焊工', '育婴员']

// A small deterministic generator (splitmix-like) so every run checks the same people.
let seed = 42n
function next() {
  seed = (seed + 0x9e3779b97f4a7c15n) & 0xffffffffffffffffn
  let z = seed
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & 0xffffffffffffffffn
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & 0xffffffffffffffffn
  return Number((z ^ (z >> 31n)) & 0xffffffffn) / 2 ** 32
}
const pick = (xs) => xs[Math.floor(next() * xs.length)]
const day = (start, span) => new Date(Date.parse(start) + Math.floor(next() * span) * 86400000).toISOString().slice(0, 10)

function person() {
  const received = []
  for (let i = Math.floor(next() * 3); i > 0; i--) {
    received.push({ kind: pick(['skill_upgrade_subsidy', 'skill_upgrade_subsidy', 'training_subsidy']), date: day('2025-01-01', 59),
      level: pick(LEVELS.slice(0, 3)), occupation: pick(OCCUPATIONS), shortage_occupation: next() < 0.5 })
  }
  const profile = { employment: pick(['employed', 'employed', 'registered_unemployed']), receiving_unemployment_benefit: next() < 0.3,
    unemployment_insurance_months: Math.floor(next() * 40), subsidies_received: received, statuses: [], school_type: 'secondary_school',
    graduation_date: '2008-07-01' }
  const offer = { target_level: pick(LEVELS), certificate_kind: pick(KINDS), occupation: pick(OCCUPATIONS), shortage_occupation: next() < 0.4,
    certificate_date: day('2025-03-01', 300) }
  return { profile, offer }
}

/** The facts the rule engines read, computed from the same profile and offer. */
function facts({ profile, offer }) {
  const deadline = new Date(offer.certificate_date)
  deadline.setUTCMonth(deadline.getUTCMonth() + 12)
  const upgrades = profile.subsidies_received.filter((s) => s.kind === 'skill_upgrade_subsidy')
  const thisYear = upgrades.filter((s) => s.date.slice(0, 4) === AS_OF.slice(0, 4))
  const ordinary = thisYear.filter((s) => !s.shortage_occupation).length + (offer.shortage_occupation ? 0 : 1)
  const same = (s) => s.level === offer.target_level && s.occupation === offer.occupation
  return {
    insured: profile.employment === 'employed' || profile.receiving_unemployment_benefit === true,
    months: profile.unemployment_insurance_months,
    certificateKind: offer.certificate_kind,
    level: offer.target_level,
    withinWindow: Date.parse(AS_OF) <= deadline.getTime(),
    yearOk: thisYear.length < 3 && ordinary <= 1,
    sameReceived: upgrades.some(same),
    higherReceived: upgrades.some((s) => ORDINAL[s.level] > ORDINAL[offer.target_level]),
    trainingSame: profile.subsidies_received.some((s) => s.kind === 'training_subsidy' && same(s)),
  }
}

function jsonRulesEngine() {
  const engine = new Engine([], { allowUndefinedFacts: false })
  for (const [level, amount] of Object.entries(AMOUNT)) {
    engine.addRule({
      conditions: { all: [
        { fact: 'insured', operator: 'equal', value: true },
        { fact: 'months', operator: 'greaterThanInclusive', value: 12 },
        { fact: 'certificateKind', operator: 'in', value: ['vocational_qualification', 'skill_level_certificate'] },
        { fact: 'level', operator: 'equal', value: level },
        { fact: 'withinWindow', operator: 'equal', value: true },
        { fact: 'yearOk', operator: 'equal', value: true },
        { fact: 'sameReceived', operator: 'equal', value: false },
        { fact: 'higherReceived', operator: 'equal', value: false },
        { fact: 'trainingSame', operator: 'equal', value: false },
      ] },
      event: { type: 'eligible', params: { amount } },
    })
  }
  return async (input) => {
    const { events } = await engine.run(facts(input))
    return events.length ? String(events[0].params.amount) : null
  }
}

function zenEngine() {
  const rules = Object.entries(AMOUNT).map(([level, amount], i) => ({
    _id: `r${i}`, insured: 'true', months: '>= 12', kind: '"vocational_qualification", "skill_level_certificate"', level: `"${level}"`,
    window: 'true', year: 'true', same: 'false', higher: 'false', training: 'false', eligible: 'true', amount: String(amount),
  }))
  rules.push({ _id: 'other', insured: '', months: '', kind: '', level: '', window: '', year: '', same: '', higher: '', training: '', eligible: 'false', amount: 'null' })
  const input = (id, field) => ({ id, name: id, field })
  const jdm = {
    nodes: [
      { id: 'in', type: 'inputNode', name: 'request', position: { x: 0, y: 0 } },
      { id: 'table', type: 'decisionTableNode', name: 'skill upgrade subsidy', position: { x: 200, y: 0 }, content: {
        hitPolicy: 'first',
        inputs: [input('insured', 'insured'), input('months', 'months'), input('kind', 'certificateKind'), input('level', 'level'),
          input('window', 'withinWindow'), input('year', 'yearOk'), input('same', 'sameReceived'), input('higher', 'higherReceived'),
          input('training', 'trainingSame')],
        outputs: [{ id: 'eligible', name: 'eligible', field: 'eligible' }, { id: 'amount', name: 'amount', field: 'amount' }],
        rules,
      } },
      { id: 'out', type: 'outputNode', name: 'response', position: { x: 400, y: 0 } },
    ],
    edges: [{ id: 'e1', sourceId: 'in', targetId: 'table', type: 'edge' }, { id: 'e2', sourceId: 'table', targetId: 'out', type: 'edge' }],
  }
  const decision = new ZenEngine().createDecision(Buffer.from(JSON.stringify(jdm)))
  return async (input) => {
    const { result } = await decision.evaluate(facts(input))
    return result.eligible ? String(result.amount) : null
  }
}

/** The request scenario around a rule engine: text in, facts, run, text out. */
function overText(check) {
  return async (input) => {
    const request = JSON.parse(input.text)
    const amount = await check(request)
    return JSON.parse(JSON.stringify({ eligible: amount !== null, amount }))?.amount ?? null
  }
}

function skillplanText() {
  const plan = skillplan.defaultPlan()
  const options = { subsidies: ['skill_upgrade_subsidy'], explain: false }
  return (input) => {
    const body = plan.checkEligibilityJson(input.profileText, input.offerText, AS_OF, options)
    // The handler would write `body` as it is; reading it back here only checks the answer.
    const s = JSON.parse(body).subsidies[0]
    return s.status === 'eligible' ? s.amount : null
  }
}

function skillplanCheck() {
  const plan = skillplan.defaultPlan()
  return (input) => {
    // The status and amount of all four subsidies, as a portal page shows them; nothing is explained.
    let upgrade = null
    for (const s of plan.checkEligibility(input.profile, input.offer, AS_OF).subsidies) {
      const { status, amount } = s
      if (s.id === 'skill_upgrade_subsidy') upgrade = status === 'eligible' ? amount : null
    }
    return upgrade
  }
}

async function timeEach(name, check, inputs) {
  const answers = new Array(inputs.length)
  const times = []
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint()
    for (let i = 0; i < inputs.length; i++) answers[i] = await check(inputs[i])
    times.push(Number(process.hrtime.bigint() - start) / inputs.length / 1000)
  }
  times.sort((a, b) => a - b)
  return { name, perCheckMicros: times[Math.floor(times.length / 2)], answers }
}

async function main() {
  const inputs = Array.from({ length: N }, person)
  for (const x of inputs) {
    x.text = JSON.stringify({ profile: x.profile, offer: x.offer })
    x.profileText = JSON.stringify(x.profile)
    x.offerText = JSON.stringify(x.offer)
  }
  const jre = jsonRulesEngine()
  const zen = zenEngine()
  const results = [
    await timeEach('skillplan checkEligibility (status+amount of all four)', skillplanCheck(), inputs),
    await timeEach('@gorules/zen-engine 0.54.0', zen, inputs),
    await timeEach('json-rules-engine 7.3.1', jre, inputs),
  ]
  const requests = [
    await timeEach('skillplan checkEligibilityJson (summary)', skillplanText(), inputs),
    await timeEach('@gorules/zen-engine 0.54.0', overText(zen), inputs),
    await timeEach('json-rules-engine 7.3.1', overText(jre), inputs),
  ]
  // A roster in one request: the profiles as one JSON array text (all with the same offer).
  const plan = skillplan.defaultPlan()
  const sameOffer = inputs[0].offer
  const rosterText = JSON.stringify(inputs.map((x) => x.profile))
  const rosterTimes = []
  let rosterAnswers = []
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint()
    const body = await plan.checkEligibilityBatchJson(rosterText, JSON.stringify(sameOffer), AS_OF, { subsidies: ['skill_upgrade_subsidy'], explain: false })
    rosterTimes.push(Number(process.hrtime.bigint() - start) / N / 1000)
    rosterAnswers = JSON.parse(body).map((d) => (d.subsidies[0].status === 'eligible' ? d.subsidies[0].amount : null))
  }
  rosterTimes.sort((a, b) => a - b)
  const batchMicros = rosterTimes[Math.floor(rosterTimes.length / 2)]
  // The objects of a batch, per profile, against single calls with the same offer.
  const objectTimes = []
  let objectAnswers = []
  for (let r = 0; r < REPEATS; r++) {
    const start = process.hrtime.bigint()
    const decisions = await plan.checkEligibilityBatch(inputs.map((x) => x.profile), sameOffer, AS_OF)
    objectAnswers = decisions.map((d) => {
      let up = null
      for (const s of d.subsidies) if (s.id === 'skill_upgrade_subsidy') up = s.status === 'eligible' ? s.amount : null
      return up
    })
    objectTimes.push(Number(process.hrtime.bigint() - start) / N / 1000)
  }
  objectTimes.sort((a, b) => a - b)
  const objectBatchMicros = objectTimes[Math.floor(objectTimes.length / 2)]
  const sameOfferSingle = await timeEach('single', skillplanCheck(), inputs.map((x) => ({ profile: x.profile, offer: sameOffer })))
  // The explanation of one subsidy on demand, in one language.
  const sample = inputs.slice(0, 2000).map((x) => plan.checkEligibility(x.profile, x.offer, AS_OF))
  let start = process.hrtime.bigint()
  for (const d of sample) d.explainSubsidy('skill_upgrade_subsidy', 'zh')
  const explainMicros = Number(process.hrtime.bigint() - start) / sample.length / 1000
  start = process.hrtime.bigint()
  for (const d of sample) d.subsidyView('skill_upgrade_subsidy')
  const viewMicros = Number(process.hrtime.bigint() - start) / sample.length / 1000
  const singles = skillplanCheck()
  const rosterDisagreements = inputs.filter((x, i) => singles({ profile: x.profile, offer: sameOffer }) !== rosterAnswers[i]).length
  const ours = results[0]
  const disagreements = [...results.slice(1), ...requests].flatMap((o) =>
    o.answers.map((a, i) => (a === ours.answers[i] ? null : `${o.name} row ${i}: ${a} vs ${ours.answers[i]}`)).filter(Boolean))
  const eligible = ours.answers.filter((a) => a !== null).length
  console.log(`${N} profiles, ${REPEATS} repeats, median per check; ${eligible} eligible`)
  for (const [title, group] of [['objects in, objects out', results], ['request text in, response text out', requests]]) {
    console.log(`-- ${title}`)
    for (const r of group) console.log(`${r.name.padEnd(46)} ${r.perCheckMicros.toFixed(2).padStart(8)} µs`)
    const [us, z, j] = group.map((r) => r.perCheckMicros)
    console.log(`skillplan vs json-rules-engine: ${(j / us).toFixed(1)}× faster; vs ZEN: ${(z / us).toFixed(1)}× faster`)
  }
  console.log('-- a roster as one request (JSON array text in, JSON text out, all cores)')
  console.log(`${'skillplan checkEligibilityBatchJson (summary)'.padEnd(46)} ${batchMicros.toFixed(2).padStart(8)} µs per profile`)
  const [, zenText, jreText] = requests.map((r) => r.perCheckMicros)
  console.log(`skillplan roster vs json-rules-engine requests: ${(jreText / batchMicros).toFixed(1)}× faster; vs ZEN: ${(zenText / batchMicros).toFixed(1)}× faster`)
  console.log('-- the same offer for every profile: objects of a batch vs single calls')
  console.log(`${'skillplan checkEligibility, one offer'.padEnd(46)} ${sameOfferSingle.perCheckMicros.toFixed(2).padStart(8)} µs`)
  console.log(`${'skillplan checkEligibilityBatch (objects)'.padEnd(46)} ${objectBatchMicros.toFixed(2).padStart(8)} µs per profile`)
  console.log('-- explanations on demand')
  console.log(`${"explainSubsidy(id, 'zh')".padEnd(46)} ${explainMicros.toFixed(2).padStart(8)} µs`)
  console.log(`${'subsidyView(id) (both languages, an object)'.padEnd(46)} ${viewMicros.toFixed(2).padStart(8)} µs`)
  if (rosterDisagreements) disagreements.push(`${rosterDisagreements} roster answers differ from single calls`)
  const objectDisagreements = objectAnswers.filter((a, i) => a !== sameOfferSingle.answers[i]).length
  if (objectDisagreements) disagreements.push(`${objectDisagreements} batch objects differ from single calls`)
  if (disagreements.length) {
    console.error(`${disagreements.length} disagreements, e.g.\n${disagreements.slice(0, 5).join('\n')}`)
    process.exit(1)
  }
  console.log('all three engines agree on every profile')
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
