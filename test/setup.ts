import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Every test file's process gets a throwaway home folder of its own, so a test that reaches the
// default QUALIFY_HOME (a command function called directly, a forgotten option) never reads or
// writes the real user's attempts and cache. Tests that care pass their own home anyway.
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'qualify-test-home-'));
process.env.QUALIFY_HOME = home;
process.on('exit', () => fs.rmSync(home, { recursive: true, force: true }));
