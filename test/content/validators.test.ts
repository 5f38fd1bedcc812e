import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript, no types
import { AJV_OPTIONS, validatorsModule } from '../../scripts/validators.mjs';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

describe('standalone schema validators', () => {
  it('are the code ajv generates from the schemas now (run "npm run generate" when not)', () => {
    const shipped = fs.readFileSync(path.join(ROOT, 'src', 'content', 'schema', 'validators.generated.cjs'), 'utf8');
    expect(shipped).toBe((validatorsModule as () => string)());
    expect(AJV_OPTIONS).toEqual({ allErrors: true, verbose: true, strict: false });
  });
});
