'use strict'
// Leak check of the Node binding: a million calls, RSS before and after (issue 7 goal: growth
// under 10 MB).
//
// The calls cycle through the kinds a portal makes all day — an eligibility decision, a refused
// profile (the error path), the JSON route, a pathway, a small tally, a plan query and a refused
// query — so that what each allocates on both sides (JS objects, Rust values, Error objects,
// Tally handles) is freed. RSS is read after a warm-up and every 100,000 calls, after a full
// GC: a leak shows as steady growth.
//
// The loop yields to the event loop every 1,000 calls, as a server does between requests:
// Node runs the finalizers of native objects (a `Tally`'s Rust memory) on the event loop, so a
// synchronous loop that never yields keeps every Tally it made until it does.
//
//     node --expose-gc scripts/bench/leak.js [--calls 1000000]
const fs = require('node:fs')
const path = require('node:path')
const skillplan = require('../../bindings-node')

if (typeof global.gc !== 'function') {
  console.error('run with node --expose-gc')
  process.exit(2)
}
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name)
  return i > 0 ? Number(process.argv[i + 1]) : fallback
}
const total = arg('--calls', 1_000_000)
const warmup = arg('--warmup', 30_000)
const DATA = path.join(__dirname, '..', '..', 'examples', 'data')
const read = (f) => JSON.parse(fs.readFileSync(path.join(DATA, f), 'utf8'))
const plan = skillplan.defaultPlan()
const asOf = '2025-06-30'
const profile = read('profile.json')
const offer = read('offer.json')
const worker = read('worker-welder.json')
const badProfile = { ...profile, statuses: ['veteran', 7] }
const profileText = JSON.stringify(profile)
const offerText = JSON.stringify(offer)
const records = [0, 1, 2].map((i) => ({
  record_id: `r${i}`, person_key: `k${i}`, region: '220100', training_type: 'employment_skills',
  subsidised: true, start_date: '2023-05-01', completion_date: '2023-05-31',
}))
const refused = (call) => () => {
  try { call() } catch (e) { return e.code }
  throw new Error('expected an error')
}
const kinds = [
  () => plan.checkEligibility(profile, offer, asOf),
  refused(() => plan.checkEligibility(badProfile, offer, asOf)),
  () => plan.checkEligibilityJson(profileText, offerText, asOf),
  () => plan.pathway(worker, asOf),
  () => plan.countRecords(records).totals(),
  () => plan.indicator('subsidized-training'),
  refused(() => plan.region('nowhere')),
]
const turn = () => new Promise((resolve) => setImmediate(resolve))
const rss = async () => {
  await turn()
  global.gc()
  await turn()
  global.gc()
  return process.memoryUsage().rss
}

const main = async () => {
for (let i = 0; i < warmup; i++) {
  kinds[i % kinds.length]()
  if (i % 1000 === 0) await turn()
}
const start = await rss()
const samples = [[0, start]]
const step = Math.max(Math.floor(total / 10), 1)
const t0 = process.hrtime.bigint()
for (let i = 1; i <= total; i++) {
  kinds[i % kinds.length]()
  if (i % 1000 === 0) await turn()
  if (i % step === 0) samples.push([i, await rss()])
}
const seconds = Number(process.hrtime.bigint() - t0) / 1e9
const end = samples[samples.length - 1][1]
console.log(`node: ${total.toLocaleString('en')} calls (${kinds.length} kinds) in ${seconds.toFixed(1)} s`)
console.log('  calls      RSS (MiB)')
for (const [n, b] of samples) console.log(`  ${n.toLocaleString('en').padStart(9)}  ${(b / 2 ** 20).toFixed(1).padStart(8)}`)
console.log(`  RSS growth after warm-up: ${((end - start) / 2 ** 20 >= 0 ? '+' : '')}${((end - start) / 2 ** 20).toFixed(1)} MiB (goal < 10 MiB)`)
console.log(JSON.stringify({ binding: 'node', calls: total, seconds: Number(seconds.toFixed(1)), rss_start_kib: Math.round(start / 1024), rss_end_kib: Math.round(end / 1024), growth_kib: Math.round((end - start) / 1024) }))
}

main()
