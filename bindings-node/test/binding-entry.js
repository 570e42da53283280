// Where the binding under test is loaded from: this folder's package (`..`), or, when
// SKILLPLAN_NODE_PACKAGE names an npm project, the `skillplan` package installed in it
// (./scripts/test-packages.sh runs the suites against the installed tarballs that way). Worker
// threads load the same path.
'use strict'

const path = require('node:path')

function entry() {
  const project = process.env.SKILLPLAN_NODE_PACKAGE
  if (!project) return require.resolve('..')
  // Not `require.resolve('skillplan')`: from this folder that resolves to the package itself.
  const installed = path.join(path.resolve(project), 'node_modules', 'skillplan')
  const resolved = require.resolve(installed)
  if (!resolved.startsWith(installed + path.sep)) {
    throw new Error(`skillplan resolved to ${resolved}, not to the package installed in ${project}`)
  }
  return resolved
}

module.exports = entry()
