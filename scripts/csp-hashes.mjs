// Trunk post_build hook: writes the SHA-256 hash of every inline <script> of the built index.html into its
// Content-Security-Policy, in place of the 'inline-script-hashes' placeholder, so the policy allows exactly
// Trunk's bootstrap module and no other inline script ('unsafe-inline' is never needed).
// Fails the build when there is nothing to hash or no placeholder: a policy left with the placeholder
// would block the bootstrap and the app would not start.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const PLACEHOLDER = "'inline-script-hashes'";
const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error('csp-hashes: TRUNK_STAGING_DIR is not set (run me as a Trunk post_build hook)');
  process.exit(1);
}
const file = path.join(staging, 'index.html');
const html = fs.readFileSync(file, 'utf8');
// Inline scripts: <script> elements without a src attribute. The hash covers their exact text.
const inline = [...html.matchAll(/<script\b(?![^>]*\bsrc\s*=)[^>]*>([\s\S]*?)<\/script>/gi)].map((m) => m[1]);
if (!html.includes(PLACEHOLDER) || inline.length === 0) {
  console.error(`csp-hashes: expected ${PLACEHOLDER} in the policy and at least one inline script in ${file}`);
  process.exit(1);
}
const hashes = [...new Set(inline.map((s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`))];
fs.writeFileSync(file, html.replace(PLACEHOLDER, hashes.join(' ')));
console.log(`csp-hashes: ${hashes.length} inline script hash(es) written into the Content-Security-Policy`);
