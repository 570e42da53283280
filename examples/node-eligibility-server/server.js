// A worker-portal endpoint: POST /eligibility with {"profile", "offer", "as_of"} returns the
// eligibility decision; POST /eligibility/batch with {"profiles", "offer", "as_of"} decides a
// roster off the event loop. Bad JSON or a bad profile → 400 with the error's code and path.
//
//   node examples/node-eligibility-server/server.js [port]     (default 8080)
//   curl -s localhost:8080/eligibility -d '{"profile": {"employment": "employed"}, "as_of": "2025-04-01"}'
'use strict'

const http = require('node:http')
const skillplan = require('../../bindings-node')

/** The largest request body accepted, in bytes. */
const MAX_BODY = 1 << 20

function send(res, status, body) {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}

/** The error as the response shows it: stable code, path of the offending field, reason, message. */
function errorBody(err) {
  return { error: { code: err.code ?? 'INTERNAL', path: err.path ?? '', reason: err.reason ?? null, message: err.message } }
}

class RequestError extends Error {
  constructor(status, code, path, reason, message) {
    super(message)
    Object.assign(this, { status, code, path, reason })
  }
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = []
    let size = 0
    // Past the limit the rest is read and dropped, so that the client receives the 413.
    req.on('data', (chunk) => {
      size += chunk.length
      if (size <= MAX_BODY) chunks.push(chunk)
    })
    req.on('end', () => {
      if (size > MAX_BODY) reject(new RequestError(413, 'BODY_TOO_LARGE', 'body', 'too_large', `the body is over ${MAX_BODY} bytes`))
      else resolve(Buffer.concat(chunks).toString('utf8'))
    })
    req.on('error', reject)
  })
}

function parseRequest(text, listField) {
  let body
  try {
    body = JSON.parse(text)
  } catch (e) {
    throw new RequestError(400, 'INVALID_JSON', 'body', 'syntax', 'the body is not valid JSON')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new RequestError(400, 'INVALID_REQUEST', 'body', 'wrong_type', 'the body must be a JSON object')
  if (!(listField in body)) throw new RequestError(400, 'INVALID_REQUEST', listField, 'missing_field', `${listField} is required`)
  if (listField === 'profiles' && !Array.isArray(body.profiles))
    throw new RequestError(400, 'INVALID_REQUEST', 'profiles', 'wrong_type', 'profiles must be an array')
  if (typeof body.as_of !== 'string') throw new RequestError(400, 'INVALID_REQUEST', 'as_of', 'missing_field', 'as_of must be an ISO date string')
  return body
}

/** A request handler bound to a plan; every answer is JSON. */
function createServer(plan = skillplan.defaultPlan()) {
  return http.createServer(async (req, res) => {
    try {
      const route = new URL(req.url, 'http://localhost').pathname
      if (route !== '/eligibility' && route !== '/eligibility/batch')
        return send(res, 404, errorBody(new RequestError(404, 'NOT_FOUND', 'url', 'unknown_route', 'POST /eligibility or /eligibility/batch')))
      if (req.method !== 'POST') return send(res, 405, errorBody(new RequestError(405, 'METHOD_NOT_ALLOWED', 'method', 'wrong_method', 'use POST')))
      const text = await readBody(req)
      if (route === '/eligibility') {
        const body = parseRequest(text, 'profile')
        return send(res, 200, plan.checkEligibility(body.profile, body.offer ?? null, body.as_of))
      }
      const body = parseRequest(text, 'profiles')
      return send(res, 200, await plan.checkEligibilityBatch(body.profiles, body.offer ?? null, body.as_of))
    } catch (err) {
      // Library errors carry a stable code; anything without one is ours and is a 500.
      const status = err.status ?? (typeof err.code === 'string' && err.code !== 'INTERNAL' ? 400 : 500)
      if (!res.headersSent) send(res, status, errorBody(err))
    }
  })
}

module.exports = { createServer, MAX_BODY }

if (require.main === module) {
  const port = Number(process.argv[2] ?? 8080)
  createServer().listen(port, () => console.log(`POST http://localhost:${port}/eligibility`))
}
