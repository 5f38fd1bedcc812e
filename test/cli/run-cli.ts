import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const BIN = path.join(ROOT, 'bin', 'qualify.js');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, with its own home folder and no colour. */
export function cli(
  args: string[],
  options: { home: string; now?: string; cwd?: string; env?: Record<string, string>; input?: string },
): CliResult {
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    QUALIFY_HOME: options.home,
    NO_COLOR: '1',
    ...options.env,
  };
  delete env.FORCE_COLOR;
  if (options.now) env.QUALIFY_NOW = options.now;
  else delete env.QUALIFY_NOW;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    env,
    encoding: 'utf8',
    input: options.input ?? '',
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempHome(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-home-'));
}

export function writeTemp(dir: string, name: string, text: string): string {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return file;
}
