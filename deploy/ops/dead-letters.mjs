#!/usr/bin/env node
// Operators' view of the dead-letter topic, through the audit service (the console's 死信 screen shows the same):
//   npm run dead-letters -- list
//   npm run dead-letters -- show <id>
//   npm run dead-letters -- replay <id>
// Logs in as ONESEAL_LOGIN (default: system-admin) with the password in ONESEAL_PASSWORD, or in the file named by
// ONESEAL_PASSWORD_FILE. On a local `npm start` that is the demo password the README lists.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { services } = JSON.parse(readFileSync(join(root, 'deploy', 'services.json'), 'utf8'));
const base = (name) =>
  process.env[`ONESEAL_${name.toUpperCase()}_URL`] ?? `http://127.0.0.1:${services[name].port}`;

function password() {
  if (process.env.ONESEAL_PASSWORD) return process.env.ONESEAL_PASSWORD;
  if (process.env.ONESEAL_PASSWORD_FILE)
    return readFileSync(process.env.ONESEAL_PASSWORD_FILE, 'utf8').trim();
  throw new Error('set ONESEAL_PASSWORD (or ONESEAL_PASSWORD_FILE) to the password of ONESEAL_LOGIN');
}

async function token() {
  const response = await fetch(`${base('identity')}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      loginName: process.env.ONESEAL_LOGIN ?? 'system-admin',
      password: password(),
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`login failed: ${body.message ?? response.status}`);
  return body.token;
}

async function call(method, path) {
  const response = await fetch(`${base('audit')}${path}`, {
    method,
    headers: { authorization: `Bearer ${await token()}` },
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`${body.code ?? response.status}: ${body.message ?? ''}`);
  return body;
}

const [command, id] = process.argv.slice(2);
try {
  if (command === 'list') {
    const letters = await call('GET', '/dead-letters');
    if (letters.length === 0) console.log('no dead letters');
    for (const letter of letters) {
      const replayed = letter.replayedAt ? ` replayed ${letter.replayedAt} by ${letter.replayedByName}` : '';
      console.log(
        `${letter.id}  ${letter.failedAt}  ${letter.consumer}  ${letter.originalTopic}[${letter.originalPartition}]@${letter.originalOffset}  ${letter.reason}${replayed}\n    ${letter.issues.join('; ')}`,
      );
    }
  } else if (command === 'show' && id) {
    console.log(JSON.stringify(await call('GET', `/dead-letters/${id}`), null, 2));
  } else if (command === 'replay' && id) {
    const letter = await call('POST', `/dead-letters/${id}/replay`);
    console.log(`sent back to ${letter.originalTopic} (${letter.replayedAt})`);
  } else {
    console.error('usage: npm run dead-letters -- list | show <id> | replay <id>');
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error.message);
  process.exitCode = 1;
}
