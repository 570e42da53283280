// The portal in a real browser (Debian's Chromium through playwright-core): for several
// profiles the statuses, amounts, target groups and pathway the page shows are the core's
// answers for the same input — computed here by the skillplan CLI, natively — the language
// toggle turns every label to English and back, a bad input shows the typed error's message
// beside its field, and no request leaves 127.0.0.1; after the page has loaded, none at all.
// Screenshots at 390 px (a phone) and 1280 px go to target/web-portal/.
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { openPortal } from './browser.mjs'

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const CLI = process.env.SKILLPLAN_CLI ?? path.join(ROOT, 'target', 'debug', 'skillplan')
const SHOTS = path.join(ROOT, 'target', 'web-portal')
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-portal-'))

// What a worker types: the form's fields (dates as text, as the page takes them).
const CASES = {
  'rural woman, electrician course (the README example)': {
    profile: { birth_date: '1990-05-01', sex: 'female', hukou: 'rural', region: '220100', employment: 'employed',
      unemployment_insurance_months: 7, statuses: ['rural_transfer_labour'], receiving_unemployment_benefit: false,
      subsidies_received: [],
      certificates: [{ kind: 'skill_level_certificate', level: 'junior', occupation: '电工', date: '2021-06-30' }] },
    offer: { training_type: 'employment_skills', target_level: 'intermediate', certificate_kind: 'skill_level_certificate',
      occupation: '电工', hours: 120, start_date: '2025-01-10', end_date: '2025-02-20', certificate_date: '2025-03-01', provider_listed: true },
    work_started_on: '2019-03-01',
    as_of: '2025-06-30',
  },
  'registered unemployed young man, no course chosen yet': {
    profile: { birth_date: '2001-09-01', sex: 'male', hukou: 'urban', region: '220200', employment: 'registered_unemployed' },
    offer: { provider_listed: true },
    as_of: '2025-06-30',
  },
  'insured employee with an intermediate certificate, upgrading': {
    profile: { birth_date: '1985-11-20', sex: 'male', hukou: 'urban', region: '220100', employment: 'employed',
      unemployment_insurance_months: 40, subsidies_received: [],
      certificates: [{ kind: 'skill_level_certificate', level: 'intermediate', occupation: '焊工', date: '2025-03-01' }] },
    offer: { training_type: 'skill_upgrading', target_level: 'senior', certificate_kind: 'skill_level_certificate',
      occupation: '焊工', hours: 160, start_date: '2025-04-01', end_date: '2025-05-30', certificate_date: '2025-06-10', provider_listed: false },
    work_started_on: '2008-07-01',
    as_of: '2025-06-30',
  },
  'veteran with a disability, entrepreneurship training': {
    profile: { birth_date: '1979-02-14', sex: 'male', hukou: 'rural', region: '220300', employment: 'preparing_business',
      statuses: ['veteran', 'disabled'] },
    offer: { training_type: 'entrepreneurship', certificate_kind: 'training_certificate', hours: 80,
      start_date: '2024-09-02', end_date: '2024-10-11', provider_listed: true },
    as_of: '2024-12-31',
  },
}

function worker(c) {
  const levels = (c.profile.certificates ?? []).filter((x) => x.level && x.date).map((x) => ({ level: x.level, obtained_on: x.date }))
  return { levels, ...(c.work_started_on ? { work_started_on: c.work_started_on } : {}) }
}

/** The core's answer, from the CLI, for the JSON the case says. */
function core(command, files, asOf) {
  const args = [command]
  for (const [flag, value] of Object.entries(files)) {
    const file = path.join(tmp, `${flag}-${Math.random().toString(16).slice(2)}.json`)
    fs.writeFileSync(file, JSON.stringify(value))
    args.push(`--${flag}`, file)
  }
  return JSON.parse(execFileSync(CLI, [...args, '--as-of', asOf, '--format', 'json'], { encoding: 'utf8' }))
}

async function fill(page, c) {
  await page.evaluate(() => {
    document.querySelector('#profile').reset()
    for (const row of document.querySelectorAll('.certificate')) row.remove()
  })
  const p = c.profile
  for (const name of ['birth_date', 'unemployment_insurance_months']) if (p[name] !== undefined) await page.fill(`[name=${name}]`, String(p[name]))
  for (const name of ['sex', 'hukou', 'region', 'employment']) if (p[name] !== undefined) await page.selectOption(`[name=${name}]`, p[name])
  if (p.receiving_unemployment_benefit !== undefined)
    await page.selectOption('[name=receiving_unemployment_benefit]', p.receiving_unemployment_benefit ? 'yes' : 'no')
  if (p.subsidies_received !== undefined) await page.check('[name=none_received]')
  for (const status of p.statuses ?? []) await page.check(`#statuses input[value=${status}]`)
  for (const [i, certificate] of (p.certificates ?? []).entries()) {
    await page.click('#add-certificate')
    const row = page.locator('.certificate').nth(i)
    await row.locator('[data-field=kind]').selectOption(certificate.kind)
    await row.locator('[data-field=level]').selectOption(certificate.level)
    await row.locator('[data-field=occupation]').fill(certificate.occupation)
    await row.locator('[data-field=date]').fill(certificate.date)
  }
  if (c.work_started_on) await page.fill('[name=work_started_on]', c.work_started_on)
  const o = c.offer
  for (const name of ['occupation', 'hours', 'start_date', 'end_date', 'certificate_date']) if (o[name] !== undefined) await page.fill(`[name=${name}]`, String(o[name]))
  for (const name of ['training_type', 'target_level', 'certificate_kind']) if (o[name] !== undefined) await page.selectOption(`[name=${name}]`, o[name])
  await page.setChecked('[name=provider_listed]', o.provider_listed)
  await page.fill('[name=as_of]', c.as_of)
  await page.click('#check')
}

/** What the page shows, read from the result's elements. */
const shown = (page) => page.evaluate(() => ({
  subsidies: [...document.querySelectorAll('[data-subsidy]')].map((n) => ({
    id: n.dataset.subsidy, status: n.dataset.status, amount: n.dataset.amount || null,
    name: n.querySelector('h3').textContent, amountText: n.querySelector('.amount').textContent,
    missing: [...n.querySelectorAll('.missing li')].map((li) => li.textContent),
  })),
  groups: [...document.querySelectorAll('[data-group]')].map((n) => n.dataset.group),
  steps: [...document.querySelectorAll('[data-level]')].map((n) => ({
    level: n.dataset.level, routes: [...n.querySelectorAll('[data-route]')].map((r) => [r.dataset.route, r.dataset.progress]),
  })),
  title: document.querySelector('h1').textContent,
}))

let portal
before(async () => {
  fs.mkdirSync(SHOTS, { recursive: true })
  portal = await openPortal({ width: 1280, height: 900 })
  assert.deepEqual(portal.problems, [])
})
after(async () => {
  await portal?.close()
  fs.rmSync(tmp, { recursive: true, force: true })
})

for (const [name, c] of Object.entries(CASES)) {
  test(`the page shows the core's answers: ${name}`, async () => {
    const decision = core('eligibility', { profile: c.profile, offer: c.offer }, c.as_of)
    const pathway = core('pathway', { worker: worker(c) }, c.as_of)
    await fill(portal.page, c)
    await portal.page.waitForSelector('#results:not([hidden])')
    const page = await shown(portal.page)
    assert.deepEqual(page.subsidies.map(({ id, status, amount }) => ({ id, status, amount })),
      decision.subsidies.map((s) => ({ id: s.id, status: s.status, amount: s.amount ?? null })))
    for (const s of page.subsidies) {
      if (s.amount) assert.ok(s.amountText.includes(s.amount), `${s.id}: the amount ${s.amount} is not shown`)
      const want = decision.subsidies.find((d) => d.id === s.id)
      assert.equal(s.name, want.name.zh)
      const things = new Set(want.to_qualify.map((q) => q.field ?? q.explanation.zh))
      if (s.status !== 'eligible') assert.equal(s.missing.length, things.size, `${s.id}: what is missing`)
    }
    assert.deepEqual(page.groups, decision.target_groups.filter((g) => g.status === 'member').map((g) => g.id))
    assert.deepEqual(page.steps, pathway.steps.map((s) => ({ level: s.level, routes: s.routes.map((r) => [r.id, r.progress]) })))
    assert.deepEqual(portal.problems, [])
  })
}

test('the language toggle turns the page to English and back', async () => {
  const c = CASES['rural woman, electrician course (the README example)']
  const decision = core('eligibility', { profile: c.profile, offer: c.offer }, c.as_of)
  await fill(portal.page, c)
  await portal.page.click('#lang')
  let page = await shown(portal.page)
  assert.equal(page.title, 'Vocational training subsidies: check for yourself')
  assert.deepEqual(page.subsidies.map((s) => s.name), decision.subsidies.map((s) => s.name.en))
  assert.equal(await portal.page.getAttribute('html', 'lang'), 'en')
  assert.equal(await portal.page.textContent('label:has([name=birth_date]) span'), 'Date of birth')
  await portal.page.setViewportSize({ width: 1280, height: 900 })
  await portal.page.screenshot({ path: path.join(SHOTS, 'portal-1280-en.png'), fullPage: true })
  await portal.page.click('#lang')
  page = await shown(portal.page)
  assert.equal(page.title, '职业技能培训补贴自助查询')
  assert.deepEqual(page.subsidies.map((s) => s.name), decision.subsidies.map((s) => s.name.zh))
})

/** The message the core gives for a profile, from the CLI's error line. */
function coreError(profile, asOf) {
  const file = path.join(tmp, 'bad.json')
  fs.writeFileSync(file, JSON.stringify(profile))
  try {
    execFileSync(CLI, ['eligibility', '--profile', file, '--as-of', asOf, '--format', 'json'], { encoding: 'utf8', stdio: 'pipe' })
  } catch (e) {
    return e.stderr
  }
  throw new Error('the CLI accepted a bad profile')
}

test('an impossible date shows the typed error beside its field', async () => {
  const c = structuredClone(CASES['rural woman, electrician course (the README example)'])
  c.profile.birth_date = '1990-02-30'
  await fill(portal.page, c)
  const note = portal.page.locator('.field-error[data-error-for="profile.birth_date"]')
  await note.waitFor()
  assert.equal(await note.getAttribute('data-code'), 'INVALID_PROFILE')
  const text = await note.textContent()
  const message = 'profile.birth_date: expected an ISO date YYYY-MM-DD that exists'
  assert.ok(coreError({ birth_date: '1990-02-30' }, c.as_of).includes(message))
  assert.ok(text.includes(message), text)
  // Beside its field: the note follows the field's own label.
  assert.ok(await portal.page.evaluate(() =>
    document.querySelector('label:has([name=birth_date])').nextElementSibling.matches('.field-error')))
  assert.equal(await portal.page.getAttribute('[name=birth_date]', 'aria-invalid'), 'true')
  assert.ok(await portal.page.isHidden('#results'))
  await portal.page.setViewportSize({ width: 390, height: 844 })
  await portal.page.screenshot({ path: path.join(SHOTS, 'portal-390-error.png'), fullPage: false })
  await portal.page.setViewportSize({ width: 1280, height: 900 })
})

test('a bad date in a certificate row and a bad as-of date are shown where they were typed', async () => {
  const c = structuredClone(CASES['insured employee with an intermediate certificate, upgrading'])
  c.profile.certificates[0].date = '2025-13-01'
  await fill(portal.page, c)
  const row = portal.page.locator('.field-error[data-error-for="profile.certificates[0].date"]')
  await row.waitFor()
  assert.ok(await portal.page.evaluate(() => document.querySelector('.certificate').nextElementSibling.matches('.field-error')))
  c.profile.certificates[0].date = '2025-03-01'
  c.as_of = '2025-06-31'
  await fill(portal.page, c)
  const note = portal.page.locator('.field-error[data-error-for="as_of"]')
  await note.waitFor()
  assert.match(await note.textContent(), /as_of/)
})

test('a fault inside the module shows INTERNAL, and the next check answers again', async () => {
  const c = CASES['rural woman, electrician course (the README example)']
  const decision = core('eligibility', { profile: c.profile, offer: c.offer }, c.as_of)
  // The page's own module instance (same URL): the next check traps as a bug would.
  await portal.page.evaluate(async () => (await import('./skillplan/skillplan.js')).injectFault('checkEligibility'))
  await fill(portal.page, c)
  await portal.page.waitForSelector('#form-error:not([hidden])')
  assert.match(await portal.page.textContent('#form-error'), /INTERNAL/)
  assert.ok(await portal.page.isHidden('#results'))
  await portal.page.click('#check')
  await portal.page.waitForSelector('#results:not([hidden])')
  const page = await shown(portal.page)
  assert.deepEqual(page.subsidies.map(({ id, status, amount }) => ({ id, status, amount })),
    decision.subsidies.map((s) => ({ id: s.id, status: s.status, amount: s.amount ?? null })))
  assert.deepEqual(portal.problems, [])
})

test('screenshots at 390 px and 1280 px', async () => {
  await fill(portal.page, CASES['rural woman, electrician course (the README example)'])
  await portal.page.waitForSelector('#results:not([hidden])')
  await portal.page.screenshot({ path: path.join(SHOTS, 'portal-1280.png'), fullPage: true })
  await portal.page.setViewportSize({ width: 390, height: 844 })
  await portal.page.screenshot({ path: path.join(SHOTS, 'portal-390.png'), fullPage: true })
  // The answers as a phone shows them (the README's picture is this file).
  const top = await portal.page.evaluate(() => document.querySelector('#results').getBoundingClientRect().top + window.scrollY)
  await portal.page.screenshot({ path: path.join(SHOTS, 'portal-390-results.png'), fullPage: true, clip: { x: 0, y: top - 8, width: 390, height: 1100 } })
  // Nothing overflows the phone's width.
  assert.ok(await portal.page.evaluate(() => document.documentElement.scrollWidth <= 390), 'the page is wider than the phone')
  await portal.page.setViewportSize({ width: 1280, height: 900 })
})

test('no request left 127.0.0.1, and none at all after the page had loaded', async () => {
  assert.deepEqual(portal.outside(), [])
  const loaded = portal.requests.filter((url) => !url.startsWith('data:'))
  // The page, its style and script, the package's two modules and the .wasm: then nothing.
  assert.deepEqual(loaded.map((url) => new URL(url).pathname).sort(),
    ['/', '/app.js', '/skillplan/skillplan.js', '/skillplan/skillplan_wasm.js', '/skillplan/skillplan_wasm_bg.wasm', '/style.css'])
})

test('the README page (minimal.html) shows its answer', async () => {
  const minimal = await openPortal({ width: 390, height: 844, page: 'minimal.html' })
  try {
    await minimal.page.waitForFunction(() => document.querySelector('#out').textContent !== '…')
    assert.equal(await minimal.page.textContent('#out'), '1500')
    assert.deepEqual(minimal.outside(), [])
    assert.deepEqual(minimal.problems, [])
  } finally {
    await minimal.close()
  }
})
