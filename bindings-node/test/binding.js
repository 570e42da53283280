// The binding under test (see binding-entry.js for where it comes from).
'use strict'

module.exports = require(require('./binding-entry'))
