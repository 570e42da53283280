// Opens the portal in the system's Chromium (Debian's package; playwright cannot download
// browsers here), served by serve.mjs on 127.0.0.1, with every request recorded: `outside()`
// lists those that went anywhere else. Shared by the portal test and the in-browser benchmark
// (scripts/bench/wasm-eligibility.mjs).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium } from 'playwright-core'
import { serve } from '../serve.mjs'

const EXECUTABLE = process.env.CHROMIUM ?? '/usr/bin/chromium'

/** Opens `file` (the portal by default) and waits until the portal says it is ready. */
export async function openPortal({ width = 1280, height = 900, page: file = '' } = {}) {
  const server = await serve(0)
  const origin = `http://127.0.0.1:${server.address().port}`
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'skillplan-chromium-'))
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: EXECUTABLE,
    headless: true,
    viewport: { width, height },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--no-first-run', '--disable-sync', '--disable-default-apps', '--disable-extensions'],
  })
  const requests = []
  context.on('request', (request) => requests.push(request.url()))
  // Anything not from the local server is refused as well as recorded.
  await context.route('**/*', (route) => (route.request().url().startsWith(`${origin}/`) ? route.continue() : route.abort()))
  const page = context.pages()[0] ?? (await context.newPage())
  const problems = []
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`))
  page.on('console', (message) => message.type() === 'error' && problems.push(`console: ${message.text()}`))
  await page.goto(`${origin}/${file}`)
  if (file === '')
    await page.waitForFunction(() => document.body.dataset.state === 'ready' || document.body.dataset.state === 'failed', null, { timeout: 30_000 })
  const close = async () => {
    await context.close()
    server.close()
    fs.rmSync(profile, { recursive: true, force: true })
  }
  const outside = () => requests.filter((url) => !url.startsWith(`${origin}/`) && !url.startsWith('data:'))
  return { page, context, origin, requests, outside, problems, close }
}
