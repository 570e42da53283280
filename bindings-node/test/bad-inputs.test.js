// The bad-input catalogue (tests/bad-inputs/catalogue.json) through the Node API. Each case is a
// malformed input of one kind handed to the call a Node user would make; it must throw (or
// reject with) an Error whose `code` (and `path`) is the catalogue's, and nothing the error shows
// may repeat a secret of the catalogue or anything shaped like a 身份证号.
'use strict'

const { test, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const skillplan = require('./binding')
const { hostValue, thresholds, badInputFailures } = require('../../tests/js/corpus.cjs')

const DIR = path.resolve(__dirname, '..', '..', 'tests', 'bad-inputs')
const CATALOGUE = JSON.parse(fs.readFileSync(path.join(DIR, 'catalogue.json'), 'utf8'))
const HOSTS = ['rust', 'python', 'node', 'kotlin']
const CASES = CATALOGUE.cases.filter((c) => (c.hosts ?? HOSTS).includes('node'))
const DEFAULT_AS_OF = '2024-06-30'
const plan = skillplan.defaultPlan()
const KINDS = new Map(skillplan.errorKinds())
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-bad-inputs-'))
after(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** The bytes of a text, base64, file, json or repeat input. */
function rawBytes(form) {
  if ('text' in form) return Buffer.from(form.text, 'utf8')
  if ('base64' in form) return Buffer.from(form.base64, 'base64')
  if ('file' in form) return fs.readFileSync(path.join(DIR, form.file))
  if ('json' in form) return Buffer.from(JSON.stringify(form.json), 'utf8')
  if ('repeat' in form) {
    const r = form.repeat
    return Buffer.from((r.head ?? '') + r.unit.repeat(r.times) + (r.tail ?? ''), 'utf8')
  }
  throw new Error(`input ${Object.keys(form)} has no bytes; the case needs a text form`)
}

function text(form) {
  return new TextDecoder('utf-8', { fatal: true }).decode(rawBytes(form))
}

/** A host value: the value form, or the JSON the text holds. */
function value(form) {
  if ('value' in form) return hostValue(form.value)
  if ('json' in form) return form.json
  return JSON.parse(text(form))
}

function countOptions(options) {
  const out = { strict: options.strict ?? false, maxRejected: options.max_rejected ?? 1000 }
  if (options.encoding !== undefined) out.encoding = options.encoding
  if (options.columns !== undefined) out.columns = options.columns
  return out
}

function writeTemp(name, form) {
  const file = path.join(tmp, `${process.pid}-${name}`)
  fs.writeFileSync(file, rawBytes(form))
  return file
}

/** Makes the call of the case's kind (a bad input must throw or reject). */
async function run(c) {
  const form = c.input
  const options = c.options ?? {}
  const asOf = options.as_of ?? DEFAULT_AS_OF
  switch (c.kind) {
    case 'plan':
      return skillplan.loadPlanStr(rawBytes(form))
    case 'records_csv':
    case 'records_jsonl':
    case 'records_xlsx': {
      const extension = { records_csv: 'csv', records_jsonl: 'jsonl', records_xlsx: 'xlsx' }[c.kind]
      return plan.countRecordsFile(writeTemp(`${c.name}.${extension}`, form), countOptions(options))
    }
    case 'person_key':
      return skillplan.personKey(text(form), Buffer.from(options.salt ?? '', 'utf8'))
    case 'records':
      return plan.countRecords(value(form), countOptions(options))
    case 'observations_json':
    case 'observations_csv': {
      const observations = 'value' in form
        ? value(form)
        : skillplan.readObservations(writeTemp(`${c.name}.${c.kind === 'observations_json' ? 'json' : 'csv'}`, form))
      return plan.progress(observations, { asOf })
    }
    case 'profile': {
      const offer = options.offer ?? {}
      if ('value' in form) return plan.checkEligibility(value(form), offer, asOf)
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
    case 'tally':
      return skillplan.Tally.fromJson(plan, text(form))
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
  test(`bad input: ${c.name}`, async () => {
    let result
    try {
      result = await run(c)
    } catch (err) {
      const failures = badInputFailures(c, err, KINDS, CATALOGUE.secrets)
      assert.deepEqual(failures, [], `${c.name}: ${failures.join('; ')}`)
      return
    }
    assert.fail(`${c.name}: expected ${c.expect.code}, got no error but ${result?.constructor?.name ?? typeof result}`)
  })
}

test('the catalogue is well formed and large enough', () => {
  assert.equal(CATALOGUE.format, 'skillplan-bad-inputs/1')
  const names = CATALOGUE.cases.map((c) => c.name)
  assert.equal(new Set(names).size, names.length, 'case names must be unique')
  assert.ok(CATALOGUE.cases.length >= 75)
  assert.ok(CASES.length >= 60, `only ${CASES.length} cases apply to Node`)
})
