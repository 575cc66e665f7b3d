// Writes docs/diagnosis.schema.json from the zod schema of the `--json` output (npm run schema).
// test/contract/schema.test.ts fails when the file is not current.
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { diagnosisJsonSchema } from '../src/contract/diagnosis-schema.js';

const path = fileURLToPath(new URL('../docs/diagnosis.schema.json', import.meta.url));
writeFileSync(path, `${JSON.stringify(diagnosisJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
