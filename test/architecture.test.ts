import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SRC = path.join(ROOT, 'src');
const DOC = path.join(ROOT, 'docs', 'architecture.md');

/** The allowed-imports table of docs/architecture.md: folder -> the folders it may import. */
export function allowedImports(doc: string): Map<string, Set<string>> {
  const table = /<!-- allowed-imports:start -->([\s\S]*?)<!-- allowed-imports:end -->/.exec(doc)?.[1];
  if (!table) throw new Error('docs/architecture.md has no allowed-imports table');
  const allowed = new Map<string, Set<string>>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((cell) => cell.trim());
    const folder = /^`(\w[\w-]*)`$/.exec(cells[1] ?? '')?.[1];
    if (!folder) continue;
    const targets = (cells[3] ?? '').split(',').map((t) => t.trim());
    allowed.set(folder, new Set(targets.filter(Boolean)));
  }
  return allowed;
}

/** Every .ts file under a folder. */
function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The relative imports of a file (static, dynamic and re-exports, types included), as .ts paths. */
export function importsOf(file: string, text: string): string[] {
  const specifiers = [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm)].map(
    (m) => m[1]!,
  );
  return specifiers.map((s) => path.resolve(path.dirname(file), s.replace(/\.js$/, '.ts')));
}

/** The top folder of a file under src/ (a file at the top counts as a folder of its name). */
export function folderOf(file: string): string {
  const [first, ...rest] = path.relative(SRC, file).split(path.sep);
  return rest.length ? first! : first!.replace(/\.ts$/, '');
}

/** The circles of a graph, each as the list of its nodes (first repeated at the end). */
export function circles(graph: ReadonlyMap<string, Iterable<string>>): string[][] {
  const state = new Map<string, 'open' | 'done'>();
  const found: string[][] = [];
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of graph.keys()) if (!state.has(node)) visit(node);
  return found;
}

const rel = (file: string) => path.relative(ROOT, file);

describe('the import graph of src/', () => {
  const allowed = allowedImports(fs.readFileSync(DOC, 'utf8'));
  const files = sourceFiles(SRC);
  const graph = new Map(files.map((file) => [file, importsOf(file, fs.readFileSync(file, 'utf8'))]));

  it('has a row in the table for every folder, and the table itself is layered (no circle)', () => {
    const folders = [...new Set(files.map(folderOf))].sort();
    expect(folders.filter((f) => !allowed.has(f))).toEqual([]);
    expect([...allowed.values()].flatMap((targets) => [...targets].filter((t) => !allowed.has(t)))).toEqual([]);
    expect(circles(allowed)).toEqual([]);
  });

  it('has no upward arrow: every import across folders is allowed by docs/architecture.md', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      targets
        .filter((target) => folderOf(target) !== folderOf(file) && !allowed.get(folderOf(file))?.has(folderOf(target)))
        .map((target) => `${rel(file)} -> ${rel(target)}`),
    );
    expect(upward).toEqual([]);
  });

  it('has no circle of files importing each other', () => {
    expect(circles(graph).map((circle) => circle.map(rel).join(' -> '))).toEqual([]);
  });

  it('imports only files that exist (a moved module leaves no stale path behind)', () => {
    const missing = [...graph].flatMap(([file, targets]) =>
      targets.filter((t) => !fs.existsSync(t)).map((t) => `${rel(file)} -> ${rel(t)}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the architecture checks themselves', () => {
  it('finds an upward arrow and a circle when there is one', () => {
    const allowed = allowedImports(
      '<!-- allowed-imports:start -->\n| `ui` | x | report |\n| `report` | x | |\n<!-- allowed-imports:end -->',
    );
    expect(allowed.get('ui')).toEqual(new Set(['report']));
    expect(allowed.get('report')?.has('ui')).toBe(false);
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    expect(circles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      importsOf('/src/ui/x.ts', "import type { A } from '../report/model.js';\nconst m = import('./y.js');"),
    ).toEqual(['/src/report/model.ts', '/src/ui/y.ts']);
  });
});
