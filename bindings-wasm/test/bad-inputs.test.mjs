// The bad-input catalogue (tests/bad-inputs/catalogue.json) through the browser build. Each case
// is a malformed input handed to the call a page would make: it must throw an Error whose `code`
// (and `path`) is the catalogue's, and nothing the error shows may repeat a secret of the
// catalogue or anything shaped like a 身份证号. Files arrive as their bytes, as a page has them.
// The record and tally kinds do not apply: the browser build does not count records.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import * as skillplan from './binding.mjs'
import corpus from '../../tests/js/corpus.cjs'

const { hostValue, thresholds, badInputFailures } = corpus

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'tests', 'bad-inputs')
const CATALOGUE = JSON.parse(fs.readFileSync(path.join(DIR, 'catalogue.json'), 'utf8'))
const HOSTS = ['rust', 'python', 'node', 'kotlin', 'wasm']
const COUNTING = new Set(['records', 'records_csv', 'records_jsonl', 'records_xlsx', 'tally'])
const CASES = CATALOGUE.cases.filter((c) => (c.hosts ?? HOSTS).includes('wasm') && !COUNTING.has(c.kind))
const DEFAULT_AS_OF = '2024-06-30'
const plan = skillplan.defaultPlan()
const KINDS = new Map(skillplan.errorKinds())
const utf8 = new TextEncoder()

/** The bytes of a text, base64, file, json or repeat input. */
function rawBytes(form) {
  if ('text' in form) return utf8.encode(form.text)
  if ('base64' in form) return new Uint8Array(Buffer.from(form.base64, 'base64'))
  if ('file' in form) return new Uint8Array(fs.readFileSync(path.join(DIR, form.file)))
  if ('json' in form) return utf8.encode(JSON.stringify(form.json))
  if ('repeat' in form) {
    const r = form.repeat
    return utf8.encode((r.head ?? '') + r.unit.repeat(r.times) + (r.tail ?? ''))
  }
  throw new Error(`input ${Object.keys(form)} has no bytes; the case needs a text form`)
}

const text = (form) => new TextDecoder('utf-8', { fatal: true }).decode(rawBytes(form))

function value(form) {
  if ('value' in form) return hostValue(form.value)
  if ('json' in form) return form.json
  return JSON.parse(text(form))
}

/** Makes the call of the case's kind (a bad input must throw). */
function run(c) {
  const form = c.input
  const options = c.options ?? {}
  const asOf = options.as_of ?? DEFAULT_AS_OF
  switch (c.kind) {
    case 'plan':
      return skillplan.loadPlanStr(rawBytes(form))
    case 'person_key':
      return skillplan.personKey(text(form), utf8.encode(options.salt ?? ''))
    case 'observations_json':
    case 'observations_csv': {
      const observations = 'value' in form
        ? value(form)
        : skillplan.readObservations(rawBytes(form), c.kind === 'observations_json' ? 'json' : 'csv')
      return plan.progress(observations, { asOf })
    }
    case 'profile': {
      const offer = options.offer ?? {}
      if ('value' in form) return plan.checkEligibility(value(form), offer, asOf)
      // As in Node (a Buffer), bytes handed over as the document are refused as the wrong type.
      if ('base64' in form) return plan.checkEligibility(rawBytes(form), offer, asOf)
      return plan.checkEligibilityJson(text(form), JSON.stringify(offer), asOf)
    }
    case 'offer': {
      const profile = options.profile ?? {}
      if ('value' in form) return plan.checkEligibility(profile, value(form), asOf)
      if ('base64' in form) return plan.checkEligibility(profile, rawBytes(form), asOf)
      return plan.checkEligibilityJson(JSON.stringify(profile), text(form), asOf)
    }
    case 'worker':
      return plan.pathway(value(form), asOf)
    case 'progress_options': {
      const given = value(form)
      const o = { asOf }
      if (given.milestones !== undefined) o.milestones = given.milestones
      if (given.regional_targets !== undefined) o.regionalTargets = given.regional_targets
      if (given.thresholds !== undefined) o.thresholds = thresholds(given.thresholds)
      return plan.progress([], o)
    }
    case 'as_of': {
      const date = text(form)
      switch (options.call ?? 'eligibility') {
        case 'eligibility':
          return plan.checkEligibility({}, null, date)
        case 'pathway':
          return plan.pathway({}, date)
        case 'progress':
          return plan.progress([], { asOf: date })
        default:
          throw new Error(`unknown as_of call ${options.call}`)
      }
    }
    default:
      throw new Error(`unknown kind ${c.kind}`)
  }
}

for (const c of CASES) {
  test(`bad input: ${c.name}`, () => {
    let result
    try {
      result = run(c)
    } catch (err) {
      const failures = badInputFailures(c, err, KINDS, CATALOGUE.secrets)
      assert.deepEqual(failures, [], `${c.name}: ${failures.join('; ')}`)
      return
    }
    assert.fail(`${c.name}: expected ${c.expect.code}, got no error but ${result?.constructor?.name ?? typeof result}`)
  })
}

test('every kind the page can say is run, and only counting is left out', () => {
  assert.equal(CATALOGUE.format, 'skillplan-bad-inputs/1')
  const left = CATALOGUE.cases.filter((c) => (c.hosts ?? HOSTS).includes('wasm') && COUNTING.has(c.kind))
  const notListed = CATALOGUE.cases.filter((c) => !(c.hosts ?? HOSTS).includes('wasm'))
  assert.ok(CASES.length >= 150, `only ${CASES.length} cases apply to the browser build`)
  assert.ok(notListed.every((c) => COUNTING.has(c.kind) || !c.hosts.includes('node')), 'a case Node runs is not listed for wasm')
  assert.ok(left.length > 0)
})
