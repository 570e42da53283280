// What the JavaScript runners of the shared corpora have in common — the native addon's
// (bindings-node/test) and the browser build's (bindings-wasm/test): comparing an answer with a
// conformance case's `expect`, comparing a thrown error with its `expect_error`, and, for the
// bad-input catalogue, reading its values and checking what an error shows. Each runner keeps
// only the mapping from a case to its own package's calls.
'use strict'

const camel = (key) => key.replace(/_([a-z])/g, (_, c) => c.toUpperCase())

// An element of a list answer is picked by the first of these fields that has the key.
const SELECTORS = ['id', 'method', 'indicator', 'code', 'level', 'check']

/** Pushes onto `failures` every way `actual` (camelCase keys) differs from `expect`. */
function check(actual, expect, at, failures) {
  if (actual === undefined) actual = null
  if (expect !== null && typeof expect === 'object' && !Array.isArray(expect) && Array.isArray(actual)) {
    for (const [key, want] of Object.entries(expect)) {
      const here = `${at}.${key}`
      if (key === 'len') check(actual.length, want, here, failures)
      else if (key === 'ids') check(actual.map((x) => x.id), want, here, failures)
      else if (key === 'first') check(actual[0] ?? null, want, here, failures)
      else if (key === 'last') check(actual[actual.length - 1] ?? null, want, here, failures)
      else if (key.startsWith('all_')) check(actual.map((x) => x[camel(key.slice(4))]), want, here, failures)
      else {
        const found = actual.find((x) => SELECTORS.some((f) => x[f] === key))
        if (found) check(found, want, here, failures)
        else failures.push(`${here}: no element ${key}`)
      }
    }
  } else if (expect !== null && typeof expect === 'object' && !Array.isArray(expect)) {
    if (actual === null) return failures.push(`${at}: expected ${JSON.stringify(expect)}, got null`)
    for (const [key, want] of Object.entries(expect)) {
      const here = `${at}.${key}`
      if (key.endsWith('_contains')) {
        const text = actual[camel(key.slice(0, -'_contains'.length))] ?? ''
        if (!text.includes(want)) failures.push(`${here}: ${JSON.stringify(text)} does not contain ${JSON.stringify(want)}`)
      } else {
        check(camel(key) in actual ? actual[camel(key)] : actual[key], want, here, failures)
      }
    }
  } else if (Array.isArray(expect) && Array.isArray(actual)) {
    if (expect.length !== actual.length) failures.push(`${at}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`)
    expect.forEach((e, i) => i < actual.length && check(actual[i], e, `${at}[${i}]`, failures))
  } else if (actual !== expect) {
    failures.push(`${at}: expected ${JSON.stringify(expect)}, got ${JSON.stringify(actual)}`)
  }
  return failures
}

/** The failures of a conformance case given what the call returned, or the error it threw. */
function caseFailures(c, outcome) {
  if (!('error' in outcome)) {
    if (c.expect_error) return [`expected error ${JSON.stringify(c.expect_error)}, got a result`]
    return check(outcome.result, c.expect, 'result', [])
  }
  const err = outcome.error
  if (!c.expect_error) return [`unexpected error ${err.code} at ${JSON.stringify(err.path)}: ${err.message}`]
  const failures = []
  const actual = {
    code: err.code,
    path: err.path,
    reason: err.reason,
    issue_count: err.issues?.length,
    issue_paths: err.issues?.map((i) => i.path),
  }
  if (c.expect_error.message_excludes !== undefined) {
    for (const shown of [err.message, err.path, err.stack ?? '', String(err)])
      if (shown.includes(c.expect_error.message_excludes)) failures.push('error: the message repeats the input it must not')
  }
  for (const [key, want] of Object.entries(c.expect_error)) {
    if (key === 'message_excludes') continue
    if (JSON.stringify(actual[key]) !== JSON.stringify(want))
      failures.push(`error.${key}: expected ${JSON.stringify(want)}, got ${JSON.stringify(actual[key])}`)
  }
  return failures
}

// 18 characters (17 digits and a digit or X) or the old 15 digits: the shapes of a 身份证号.
const ID_SHAPED = /\d{17}[\dXx]|\d{15}/
const CODES = /^(PLAN|UNKNOWN|INVALID|TOO_MANY)_[A-Z_0-9]+$/

/** A catalogue value as a JavaScript value: {"$float": "NaN"} becomes NaN. */
function hostValue(value) {
  if (Array.isArray(value)) return value.map(hostValue)
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value)
    if (keys.length === 1 && keys[0] === '$float') return Number(value.$float)
    return Object.fromEntries(keys.map((k) => [k, hostValue(value[k])]))
  }
  return value
}

/** Progress thresholds as the JavaScript options spell them (onTrack). */
function thresholds(t) {
  if (t === undefined || t === null || typeof t !== 'object') return t
  const out = { ...t }
  if ('on_track' in out) {
    out.onTrack = out.on_track
    delete out.on_track
  }
  return out
}

/** The failures of a bad-input case given the error thrown: code, path, kind, personal data. */
function badInputFailures(c, err, kinds, secrets) {
  const failures = []
  if (typeof err.code !== 'string' || !CODES.test(err.code)) {
    failures.push(`not a skillplan error: ${err.constructor?.name} code=${err.code} ${err.message}`)
  } else if (err.code !== c.expect.code) {
    failures.push(`code: expected ${c.expect.code}, got ${err.code} (${err.message})`)
  }
  if ('path' in c.expect && err.path !== c.expect.path) failures.push(`path: expected ${JSON.stringify(c.expect.path)}, got ${JSON.stringify(err.path)}`)
  if (err.kind !== kinds.get(err.code)) failures.push(`kind: the core files ${err.code} under ${kinds.get(err.code)}, raised with kind ${err.kind}`)
  const shown = [err.message, err.path, err.stack ?? '', String(err), err.reason ?? '']
  for (const issue of err.issues ?? []) shown.push(issue.message, issue.path, JSON.stringify(issue))
  const problems = new Set()
  for (const text of shown.map((t) => String(t ?? ''))) {
    for (const s of secrets) if (text.includes(s)) problems.add(`shows the secret ${s.slice(0, 4)}…`)
    if (ID_SHAPED.test(text)) problems.add('shows an ID-number-shaped run of digits')
  }
  return [...failures, ...problems]
}

module.exports = { camel, check, caseFailures, hostValue, thresholds, badInputFailures }
