// Per-check eligibility (the fast answer, no explanations) in the browser build, inside Debian's
// Chromium (driven by the portal test's playwright harness), against the same build in Node and
// the native Node addon, on the same people in one run. Exits 1 unless all three give the same
// answers. Goal (issue 19): ≤ 3 µs per check in Chromium.
//
//   ./scripts/build-wasm.sh && (cd bindings-node && npx napi build --platform --release) \
//     && (cd examples/web-portal && npm ci) && node scripts/bench/wasm-eligibility.mjs [people] [repeats]
import { createRequire } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openPortal } from '../../examples/web-portal/test/browser.mjs'
import * as wasm from '../../bindings-wasm/pkg/node.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..')
const native = createRequire(import.meta.url)(path.join(ROOT, 'bindings-node'))
const PEOPLE = Number(process.argv[2] ?? 20000)
const REPEATS = Number(process.argv[3] ?? 5)
const AS_OF = '2025-06-30'

// A small deterministic generator, so that every run checks the same people.
let state = 20250630
const random = () => {
  state = (Math.imul(state, 1103515245) + 12345) >>> 0
  return state / 2 ** 32
}
const pick = (xs) => xs[Math.floor(random() * xs.length)]
const date = (from, days) => new Date(Date.parse(from) + Math.floor(random() * days) * 86400000).toISOString().slice(0, 10)
const LEVELS = ['junior', 'intermediate', 'senior', 'technician']

/** A worker as the portal's form gives one: some fields filled, some not. */
function person() {
  const profile = {
    birth_date: date('1965-01-01', 365 * 40), sex: pick(['female', 'male']), hukou: pick(['urban', 'rural']),
    region: pick(['220100', '220200', '220300', '220400']),
    employment: pick(['employed', 'employed', 'registered_unemployed', 'self_employed', 'student']),
    unemployment_insurance_months: Math.floor(random() * 60),
  }
  if (random() < 0.5) profile.statuses = [pick(['rural_transfer_labour', 'returning_migrant_worker', 'veteran', 'disabled'])]
  if (random() < 0.6) profile.subsidies_received = []
  if (random() < 0.5)
    profile.certificates = [{ kind: 'skill_level_certificate', level: pick(LEVELS), occupation: pick(['电工', '焊工', '育婴员']), date: date('2015-01-01', 3000) }]
  const start = date('2025-01-01', 150)
  const offer = {
    training_type: pick(['employment_skills', 'skill_upgrading', 'entrepreneurship']), target_level: pick(LEVELS),
    certificate_kind: pick(['skill_level_certificate', 'vocational_qualification', 'training_certificate']),
    occupation: pick(['电工', '焊工', '育婴员']), hours: 40 + Math.floor(random() * 200), provider_listed: random() < 0.8,
    start_date: start, end_date: date(start, 60), certificate_date: date('2025-03-01', 100),
  }
  return { profile, offer }
}

const people = Array.from({ length: PEOPLE }, person)
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
const fast = { explain: false }

function measure(plan) {
  const objects = () => people.map((p) => plan.checkEligibility(p.profile, p.offer, AS_OF, fast))
  const texts = people.map((p) => [JSON.stringify(p.profile), JSON.stringify(p.offer)])
  const json = () => texts.map(([profile, offer]) => plan.checkEligibilityJson(profile, offer, AS_OF, fast))
  const answers = JSON.stringify(objects())
  const runs = { objects: [], json: [] }
  for (let r = 0; r < REPEATS; r += 1) {
    for (const [name, run] of Object.entries({ objects, json })) {
      const start = performance.now()
      run()
      runs[name].push(((performance.now() - start) * 1000) / PEOPLE)
    }
  }
  return { runs, answers }
}

const portal = await openPortal({ page: 'bench.html' })
let browser
try {
  await portal.page.waitForFunction(() => typeof window.skillplanBench === 'function', null, { timeout: 30_000 })
  browser = await portal.page.evaluate(([p, a, r]) => window.skillplanBench(p, a, r), [people, AS_OF, REPEATS])
  if (portal.outside().length) throw new Error(`requests left the page: ${portal.outside()}`)
} finally {
  await portal.close()
}
const inNode = measure(wasm.defaultPlan())
const addon = measure(native.defaultPlan())

const hosts = { 'wasm in Chromium': browser, 'wasm in Node': inNode, 'native addon in Node': addon }
let agree = true
for (const [name, result] of Object.entries(hosts)) {
  if (result.answers !== addon.answers) {
    console.error(`${name} answers differently from the native addon`)
    agree = false
  }
}
const eligible = JSON.parse(addon.answers).flatMap((d) => d.subsidies).filter((s) => s.status === 'eligible').length
console.log(`${PEOPLE} people, ${REPEATS} runs, median µs per check (fast answer, all four subsidies); ${eligible} eligible answers; ${browser.userAgent}`)
console.log('| host | objects in, summary out | JSON text in, text out | all runs (objects) |')
console.log('|---|---:|---:|---|')
for (const [name, result] of Object.entries(hosts))
  console.log(`| ${name} | ${median(result.runs.objects).toFixed(2)} | ${median(result.runs.json).toFixed(2)} | ${result.runs.objects.map((x) => x.toFixed(2)).join(' ')} |`)
const ratio = median(browser.runs.objects) / median(addon.runs.objects)
console.log(`Chromium / native addon (objects): ${ratio.toFixed(2)}×; goal ≤ 3 µs in Chromium: ${median(browser.runs.objects) <= 3 ? 'met' : 'not met'}`)
process.exit(agree ? 0 : 1)
