// Runs the shared conformance corpus (tests/conformance/*.json) through the Node API.
// Each corpus `call` maps to the method a Node user would call; fields are read in camelCase,
// decimals and dates compare as the strings the binding returns.
'use strict'

const fs = require('node:fs')
const assert = require('node:assert/strict')
const path = require('node:path')
const skillplan = require('./binding')
const { caseFailures } = require('../../tests/js/corpus.cjs')

const CORPUS = path.resolve(__dirname, '..', '..', 'tests', 'conformance')

function loadCases(suite) {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, suite), 'utf8')).cases
}

function plan(args) {
  return args.plan && args.plan !== 'jilin' ? skillplan.loadPlan(path.join(CORPUS, args.plan)) : skillplan.defaultPlan()
}

function options(a) {
  const o = { asOf: a.as_of }
  if (a.milestones) o.milestones = a.milestones
  if (a.regional_targets) o.regionalTargets = a.regional_targets
  if (a.thresholds) o.thresholds = { onTrack: a.thresholds.on_track, behind: a.thresholds.behind }
  return o
}

// The tally's summary in the corpus's shape: cells and indicators as maps.
function tallyView(tally) {
  const view = tally.summary()
  view.cells = Object.fromEntries(view.cells.map((c) => [`${c.indicator}/${c.region}/${c.month}`, c.count]))
  view.indicators = Object.fromEntries(view.indicators.map((i) => [i.indicator, i]))
  return view
}

const countOptions = (a) => ({
  strict: a.strict ?? false,
  maxRejected: a.max_rejected ?? 1000,
  ...(a.encoding === undefined ? {} : { encoding: a.encoding }),
  ...(a.columns === undefined ? {} : { columns: a.columns }),
})

async function countMerged(a) {
  const p = plan(a)
  let whole = null
  for (const file of a.files) {
    const part = await p.countRecordsFile(path.join(CORPUS, file), countOptions(a))
    // Through JSON, as partial tallies travel between processes.
    const copy = skillplan.Tally.fromJson(p, part.toJsonText())
    if (whole === null) whole = copy
    else whole.merge(copy)
  }
  return tallyView(whole)
}

const CALLS = {
  count_records: (a) => tallyView(plan(a).countRecords(a.records, countOptions(a))),
  count_file: async (a) => tallyView(await plan(a).countRecordsFile(path.join(CORPUS, a.file), countOptions(a))),
  count_files_merged: countMerged,
  load_plan: (a) => skillplan.loadPlan(path.join(CORPUS, a.file)),
  load_plan_str: (a) =>
    skillplan.loadPlanStr(a.text_repeat ? a.text_repeat.unit.repeat(a.text_repeat.times) : fs.readFileSync(path.join(CORPUS, a.file), 'utf8')),
  plan,
  metadata: (a) => plan(a).metadata,
  indicators: (a) => plan(a).indicators(),
  indicator: (a) => plan(a).indicator(a.id),
  parts: (a) => plan(a).parts(a.id),
  measures: (a) => plan(a).measures(),
  measure: (a) => plan(a).measure(a.id),
  columns: (a) => plan(a).columns(),
  clause: (a) => plan(a).clause(a.id),
  departments: (a) => plan(a).departments(),
  department: (a) => plan(a).department(a.name),
  measures_for_department: (a) => plan(a).measuresForDepartment(a.department),
  regions: (a) => plan(a).regions(),
  region: (a) => plan(a).region(a.id),
  progress: (a) => plan(a).indicatorProgress(a.observations, a.indicator, options(a), a.region ?? null),
  report: (a) => plan(a).progress(a.observations, options(a)),
  skill_levels: (a) => plan(a).skillLevels(),
  crosswalk_for_level: (a) => plan(a).crosswalkForLevel(a.level),
  crosswalk_for_title: (a) => plan(a).crosswalkForTitle(a.title),
  education_equivalences: (a) => plan(a).educationEquivalences(),
  pathway: (a) => plan(a).pathway(a.worker, a.as_of),
  // The explained form (toJSON) of the decision object; test/explain.test.js checks that the
  // object's on-demand parts equal it.
  eligibility: (a) => plan(a).checkEligibility(a.profile_text ?? a.profile, a.offer ?? null, a.as_of).toJSON(),
  eligibility_batch: async (a) => {
    const p = plan(a)
    const decisions = await p.checkEligibilityBatch(a.profiles, a.offer ?? null, a.as_of)
    a.profiles.forEach((profile, i) => assert.ok(decisions[i].equals(p.checkEligibility(profile, a.offer ?? null, a.as_of)), 'batch and single calls differ'))
    return decisions
  },
  decompose: (a) => plan(a).decompose(a.indicator, a.weights.map(([region, weight]) => ({ region, weight }))),
}

async function runCase(c) {
  let outcome
  try {
    outcome = { result: await CALLS[c.call](c.args) }
  } catch (error) {
    outcome = { error }
  }
  return caseFailures(c, outcome)
}

module.exports = { loadCases, runCase, tallyView, CORPUS }
