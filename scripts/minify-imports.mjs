// Trunk post_build hook (before csp-hashes.mjs): gives the Wasm's imports short names, in the Wasm and in the
// JS glue that provides them, and writes the two files' new Subresource Integrity hashes into index.html.
// wasm-bindgen names every import after its JS function and a hash of its signature
// (`__wbg_setTimeout_fbd69c6576710fc6`): ~280 names whose hex digits gzip cannot shrink, 5 KB of the
// gzipped Wasm (ARCHITECTURE.md, "Download size"). Names of one to two characters (`a`, `b`, … `aZ`) and the
// module `a` instead of `./sidenote-app_bg.js` change nothing else: the same functions, bound by name.
// Imports of other modules (JS snippets) keep their names. Fails the build on anything unexpected (a name
// the glue does not define, an import object of another shape), and checks the result by compiling it and
// comparing its imports with the glue's: a mismatch would stop the app at start-up.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) fail('TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');

function fail(message) {
  console.error(`minify-imports: ${message}`);
  process.exit(1);
}

const wasms = fs.readdirSync(staging).filter((f) => f.endsWith('_bg.wasm'));
if (wasms.length !== 1) fail(`expected one *_bg.wasm in ${staging}, found ${wasms.length}`);
const wasmName = wasms[0];
const glueName = wasmName.replace(/_bg\.wasm$/, '.js');
const wasmFile = path.join(staging, wasmName);
const glueFile = path.join(staging, glueName);
const htmlFile = path.join(staging, 'index.html');
const wasm = fs.readFileSync(wasmFile);
let glue = fs.readFileSync(glueFile, 'utf8');
let html = fs.readFileSync(htmlFile, 'utf8');

// --- The Wasm: a magic number and version, then sections (id, LEB128 size, body); imports are section 2.
function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}
function u32(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return Buffer.from(out);
}
const name = (text) => Buffer.concat([u32(Buffer.byteLength(text)), Buffer.from(text)]);

// Short names: a–z, A–Z, then two characters; JS identifiers, so the glue's object keys stay unquoted.
const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const shortName = (n) =>
  n < LETTERS.length ? LETTERS[n] : LETTERS[Math.floor(n / LETTERS.length) - 1] + LETTERS[n % LETTERS.length];

const SHORT_MODULE = 'a';
const sections = [];
const renamed = new Map();
// wasm-bindgen's own imports come from `./<name>_bg.js`, provided by the glue's `import0`; others (JS snippets
// of `#[wasm_bindgen(module = …)]`) keep their names. Trunk writes its hash in hex without leading zeros: one
// build in sixteen has 15 digits or fewer.
const glueModule = `./${wasmName.replace(/-[0-9a-f]{1,16}_bg\.wasm$/, '').replace(/_bg\.wasm$/, '')}_bg.js`;
let glueImports = 0;
let at = 8;
while (at < wasm.length) {
  const id = wasm[at++];
  const [size, start] = readU32(wasm, at);
  let body = wasm.subarray(start, start + size);
  at = start + size;
  if (id === 2) {
    let [count, p] = readU32(body, 0);
    const parts = [u32(count)];
    for (let i = 0; i < count; i++) {
      const [moduleLength, m] = readU32(body, p);
      const module = body.subarray(m, m + moduleLength).toString();
      const [fieldLength, f] = readU32(body, m + moduleLength);
      const field = body.subarray(f, f + fieldLength).toString();
      p = f + fieldLength;
      // The import's kind and type: a function's type index, a table's, a memory's or a global's type.
      const descriptorStart = p;
      const kind = body[p++];
      if (kind === 0) [, p] = readU32(body, p);
      else if (kind === 1 || kind === 2) {
        if (kind === 1) p++;
        const flags = body[p++];
        [, p] = readU32(body, p);
        if (flags & 1) [, p] = readU32(body, p);
      } else if (kind === 3) p += 2;
      else fail(`unknown import kind ${kind} of ${module}.${field}`);
      const descriptor = body.subarray(descriptorStart, p);
      if (module !== glueModule) {
        parts.push(name(module), name(field), descriptor);
        continue;
      }
      glueImports++;
      if (!renamed.has(field)) renamed.set(field, shortName(renamed.size));
      parts.push(name(SHORT_MODULE), name(renamed.get(field)), descriptor);
    }
    if (p !== body.length) fail('the import section has bytes after its last import');
    body = Buffer.concat(parts);
  }
  sections.push(Buffer.from([id]), u32(body.length), body);
}
if (at !== wasm.length) fail('the Wasm ends inside a section');
if (!glueImports) fail(`the Wasm imports nothing from ${glueModule}: not wasm-bindgen output?`);
const minified = Buffer.concat([wasm.subarray(0, 8), ...sections]);

// --- The glue: `const import0 = { __proto__: null, <name>: function(…) {…}, … };` and
// `return { __proto__: null, "<module>": import0 };`. Every import's key is renamed, and nothing else.
const objectStart = glue.indexOf('    const import0 = {\n');
const objectEnd = glue.indexOf('\n    };\n', objectStart);
if (objectStart < 0 || objectEnd < 0) fail(`no import object (const import0 = {…}) in ${glueName}`);
const keys = new Set();
const object = glue.slice(objectStart, objectEnd).replace(/^( {8})([A-Za-z_$][\w$]*):/gm, (line, indent, key) => {
  if (key === '__proto__') return line;
  if (!renamed.has(key)) fail(`the glue defines ${key}, which the Wasm does not import`);
  keys.add(key);
  return `${indent}${renamed.get(key)}:`;
});
const missing = [...renamed.keys()].filter((key) => !keys.has(key));
if (missing.length) fail(`the Wasm imports what the glue does not define: ${missing.slice(0, 5).join(', ')}`);
const moduleKey = `        "${glueModule}": import0,`;
const tail = glue.slice(objectEnd);
if (tail.split(moduleKey).length !== 2) fail(`expected one ${moduleKey.trim()} in ${glueName}`);
glue = glue.slice(0, objectStart) + object + tail.replace(moduleKey, `        "${SHORT_MODULE}": import0,`);

// --- The check: the Wasm still compiles, and asks for exactly the names the glue now provides.
const asked = WebAssembly.Module.imports(new WebAssembly.Module(minified)).filter((i) => i.module === SHORT_MODULE);
const provided = new Set(renamed.values());
if (asked.some((i) => !provided.has(i.name)) || new Set(asked.map((i) => i.name)).size !== provided.size)
  fail('the minified Wasm does not ask for what the glue provides');

// --- index.html: Trunk's integrity hashes of the two files (sha384, as Trunk writes them), where it wrote one.
for (const [file, bytes] of [[wasmName, minified], [glueName, Buffer.from(glue)]]) {
  const link = new RegExp(`(href="[^"]*/${file.replace(/[.]/g, '\\.')}"[^>]*integrity=")sha[0-9]+-[^"]+"`);
  if (/integrity="(?!sha384-)/.test(html)) fail('an integrity hash other than sha384 in index.html');
  html = html.replace(link, `$1sha384-${createHash('sha384').update(bytes).digest('base64')}"`);
}

fs.writeFileSync(wasmFile, minified);
fs.writeFileSync(glueFile, glue);
fs.writeFileSync(htmlFile, html);
console.log(`minify-imports: ${renamed.size} imports renamed, ${wasm.length - minified.length} bytes fewer in ${wasmName}`);
