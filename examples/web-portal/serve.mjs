// A small static server for the portal: the page from this folder, the WebAssembly package
// under /skillplan/ (bindings-wasm/pkg, built by scripts/build-wasm.sh), with the MIME types
// browsers insist on (ES modules as JavaScript, `.wasm` as application/wasm for streaming
// compilation). Only GET and HEAD, only files under those two folders, on 127.0.0.1.
//   node examples/web-portal/serve.mjs [port]      then open the URL it prints
import http from 'node:http'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const HERE = path.dirname(fileURLToPath(import.meta.url))
const PACKAGE = process.env.SKILLPLAN_WASM_PACKAGE ?? path.resolve(HERE, '..', '..', 'bindings-wasm', 'pkg')
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon',
}

/** The file a URL path names, or null when it is outside the served folders. */
function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0])
  const [root, rest] = decoded.startsWith('/skillplan/') ? [PACKAGE, decoded.slice('/skillplan/'.length)] : [HERE, decoded.slice(1) || 'index.html']
  const file = path.resolve(root, rest)
  return file.startsWith(root + path.sep) ? file : null
}

/** Starts the server; resolves to it once listening (port 0: any free port). */
export function serve(port = 8080) {
  const server = http.createServer((request, response) => {
    const file = request.method === 'GET' || request.method === 'HEAD' ? fileFor(request.url) : null
    fs.stat(file ?? '', (error, stat) => {
      if (!file || error || !stat.isFile()) {
        response.writeHead(file ? 404 : 405, { 'content-type': 'text/plain; charset=utf-8' })
        return response.end(file ? 'not found' : 'not allowed')
      }
      response.writeHead(200, {
        'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
        'content-length': stat.size,
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      })
      if (request.method === 'HEAD') return response.end()
      fs.createReadStream(file).pipe(response)
    })
  })
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)))
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve(Number(process.argv[2] ?? process.env.PORT ?? 8080))
  console.log(`skillplan portal: http://127.0.0.1:${server.address().port}/`)
}
