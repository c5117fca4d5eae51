/**
 * `npm run schema`: writes exercises/schema.json from the valibot schema (src/schema/json-schema.ts).
 * Commit the result; src/schema/json-schema.test.ts fails while the committed file is stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { renderJsonSchema } from '../src/schema/json-schema.ts';

const target = fileURLToPath(new URL('../exercises/schema.json', import.meta.url));
const text = renderJsonSchema();
let before = '';
try {
  before = readFileSync(target, 'utf8');
} catch {
  // No schema yet: this run creates it.
}
if (before === text) {
  console.log('exercises/schema.json is up to date');
} else {
  writeFileSync(target, text);
  console.log('wrote exercises/schema.json');
}
