// The ES module entry (index.mjs, the `import` condition of the exports map) names every export
// of the CommonJS entry, and they are the same objects.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { createRequire } from 'node:module'
import { fileURLToPath, pathToFileURL } from 'node:url'

const require = createRequire(import.meta.url)
const here = path.dirname(fileURLToPath(import.meta.url))
const project = process.env.SKILLPLAN_NODE_PACKAGE
const dir = project ? path.join(project, 'node_modules', 'skillplan') : path.join(here, '..')

test('index.mjs exports what index.js exports', async () => {
  const esm = await import(pathToFileURL(path.join(dir, 'index.mjs')).href)
  const cjs = require(path.join(dir, 'index.js'))
  const source = fs.readFileSync(path.join(dir, 'index.js'), 'utf8')
  const names = [...source.matchAll(/^module\.exports\.(\w+) = nativeBinding\.\w+$/gm)].map((m) => m[1])
  assert.ok(names.length > 10)
  assert.deepEqual(Object.keys(esm).filter((k) => k !== 'default').sort(), [...names].sort())
  for (const name of names) assert.equal(esm[name], cjs[name], name)
  assert.equal(esm.default, cjs)
})

test('the exports map serves require and import', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'))
  const root = manifest.exports['.']
  assert.equal(root.require.default, './index.js')
  assert.equal(root.import.default, './index.mjs')
  for (const file of [root.require.types, root.import.types, root.require.default, root.import.default]) {
    assert.ok(fs.existsSync(path.join(dir, file)), file)
  }
})
