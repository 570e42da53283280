// Runs the shared conformance corpus (tests/conformance/*.json) through the browser build, as a
// page would call it. Plans come from their files' text (a page has no file system); each corpus
// `call` maps to the method of the same name; fields are read in camelCase, decimals and dates
// compare as the strings the module returns. Two kinds of case cannot be said in a page, and
// `notInTheBrowser` names them: counting records (not in the browser build), and reading a plan
// file that does not exist (a page has the text it fetched, or nothing).
import fs from 'node:fs'
import path from 'node:path'
import assert from 'node:assert/strict'
import { fileURLToPath } from 'node:url'
import * as skillplan from './binding.mjs'
import corpus from '../../tests/js/corpus.cjs'

const { caseFailures } = corpus

export const CORPUS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'conformance')

export function loadCases(suite) {
  return JSON.parse(fs.readFileSync(path.join(CORPUS, suite), 'utf8')).cases
}

/** Counting training records is the analysts' job (Python, Node, the CLI), not the page's. */
const NOT_IN_THE_BROWSER = new Set(['count_records', 'count_file', 'count_files_merged'])
export const notInTheBrowser = (c) =>
  NOT_IN_THE_BROWSER.has(c.call) || (c.call === 'load_plan' && c.expect_error?.code === 'PLAN_IO')

/** A plan file's text, as a page that fetched or was handed the file has it. */
const planText = (file) => fs.readFileSync(path.join(CORPUS, file))

function plan(args) {
  return args.plan && args.plan !== 'jilin' ? skillplan.loadPlanStr(planText(args.plan)) : skillplan.defaultPlan()
}

function options(a) {
  const o = { asOf: a.as_of }
  if (a.milestones) o.milestones = a.milestones
  if (a.regional_targets) o.regionalTargets = a.regional_targets
  if (a.thresholds) o.thresholds = { onTrack: a.thresholds.on_track, behind: a.thresholds.behind }
  return o
}

const CALLS = {
  // A plan file picked in the page arrives as bytes.
  load_plan: (a) => skillplan.loadPlanStr(new Uint8Array(planText(a.file))),
  load_plan_str: (a) =>
    skillplan.loadPlanStr(a.text_repeat ? a.text_repeat.unit.repeat(a.text_repeat.times) : planText(a.file).toString('utf8')),
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
  // The explained decision (the default); the fast answer must agree with it.
  eligibility: (a) => {
    const p = plan(a)
    const explained = p.checkEligibility(a.profile_text ?? a.profile, a.offer ?? null, a.as_of)
    const fast = p.checkEligibility(a.profile_text ?? a.profile, a.offer ?? null, a.as_of, { explain: false })
    assert.deepEqual(fast.subsidies.map((s) => [s.id, s.status, s.amount ?? null]),
      explained.subsidies.map((s) => [s.id, s.status, s.amount ?? null]), 'the fast answer and the explained one differ')
    return explained
  },
  eligibility_batch: (a) => {
    const p = plan(a)
    const decisions = p.checkEligibilityBatch(a.profiles, a.offer ?? null, a.as_of)
    a.profiles.forEach((profile, i) =>
      assert.deepEqual(decisions[i], p.checkEligibility(profile, a.offer ?? null, a.as_of), 'batch and single calls differ'))
    return decisions
  },
  decompose: (a) => plan(a).decompose(a.indicator, a.weights.map(([region, weight]) => ({ region, weight }))),
}

/** The failures of one case: none when the module answers as the corpus says. */
export function runCase(c) {
  let outcome
  try {
    outcome = { result: CALLS[c.call](c.args) }
  } catch (error) {
    outcome = { error }
  }
  return caseFailures(c, outcome)
}
