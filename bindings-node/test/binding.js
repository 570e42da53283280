// The binding under test: this folder's package (`..`), or, when SKILLPLAN_NODE_PACKAGE names
// an npm project, the `skillplan` package installed in it (./scripts/test-packages.sh runs the
// suites against the installed tarballs that way).
'use strict'

const path = require('node:path')

function load() {
  const project = process.env.SKILLPLAN_NODE_PACKAGE
  if (!project) return require('..')
  // Not `require.resolve('skillplan')`: from this folder that resolves to the package itself.
  const installed = path.join(path.resolve(project), 'node_modules', 'skillplan')
  const entry = require.resolve(installed)
  if (!entry.startsWith(installed + path.sep)) {
    throw new Error(`skillplan resolved to ${entry}, not to the package installed in ${project}`)
  }
  return require(entry)
}

module.exports = load()
