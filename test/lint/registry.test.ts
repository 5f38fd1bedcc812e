import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/lint/index.js';
import { LOAD_RULES } from '../../src/lint/load-rules.js';
import { formatMessage } from '../../src/text/format-message.js';
import { ROOT } from '../cli/run-cli.js';

describe('the rule registry', () => {
  it('every rule has a doc page under docs/rules/, and every page a rule', () => {
    const pages = fs
      .readdirSync(path.join(ROOT, 'docs', 'rules'))
      .filter((f) => f !== 'README.md')
      .map((f) => f.replace(/\.md$/, ''))
      .sort();
    expect(pages).toEqual(RULES.map((r) => r.meta.id).sort());
  });

  it('every rule has its table tests beside the others', () => {
    const missing = RULES.filter(
      (r) => !fs.existsSync(path.join(ROOT, 'test', 'lint', 'rules', `${r.meta.id}.test.ts`)),
    );
    expect(missing.map((r) => r.meta.id)).toEqual([]);
  });

  it('the generated schema docs, TypeScript types and rule index are up to date', () => {
    const result = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'generate.mjs'), '--check'], {
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});

describe('the rules the loader runs', () => {
  it('are exactly the load-phase rules of the registry, in its order', () => {
    expect(LOAD_RULES.map((r) => r.meta.id)).toEqual(
      RULES.filter((r) => r.meta.phase === 'load').map((r) => r.meta.id),
    );
  });

  it('every message of every rule fills its placeholders from data, none left as {{name}}', () => {
    for (const rule of RULES)
      for (const template of Object.values(rule.meta.messages)) {
        const names = [...template.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]!);
        const data = Object.fromEntries(names.map((n) => [n, `<${n}>`]));
        expect(formatMessage(template, data)).not.toMatch(/\{\{|\}\}/);
      }
  });
});
