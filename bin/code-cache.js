// What V8 compiled of the program the last time a command ran (its code cache), so the next run
// of that command starts from it instead of compiling the functions it calls again. Node 20 has no
// such cache of its own for a program (`module.enableCompileCache` is Node 22).
//
// Kept per build and per command, in qualify's own folder (<home>/cache/code/), which only the
// user writes: V8 trusts what it is handed, so a cache is never read from anywhere shared.
// V8 refuses a cache made by another V8 or with other flags; it checks the script only by its
// length, so the file name holds the digest of the exact program it was made from. A file is
// written whole (a temporary file renamed) and carries a CRC-32 of its bytes: a damaged one is
// not handed to V8, just made again. Anything that fails here only costs the speed-up.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const MAGIC = 'qualify code cache 1\n';
const HEADER = Buffer.byteLength(MAGIC) + 8;

/** The checksum module (node:zlib), loaded only when a cache is there to check or to write. */
const crc32 = (bytes) => require('node:zlib').crc32(bytes);

/**
 * The command a run is for, which names its cache: the first word that is not an option or an
 * option's value (`qualify --content ./x history` → history); `home` without one.
 */
function commandOf(argv) {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--content' || arg === '--db') i++;
    else if (!arg.startsWith('-')) return /^[a-z][a-z-]{0,23}$/.test(arg) ? arg : 'other';
  }
  return 'home';
}

/** The cache of `digest`'s program for the command in `argv`: what to hand V8, and how to keep it. */
function codeCache(home, digest, argv) {
  const folder = path.join(home, 'cache', 'code');
  const file = path.join(folder, `${digest.slice(0, 32)}-${commandOf(argv)}.bin`);

  /** The cached data, when there is a whole one; undefined otherwise. */
  function read() {
    try {
      const bytes = fs.readFileSync(file);
      if (bytes.length <= HEADER || bytes.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
      const data = bytes.subarray(HEADER);
      if (bytes.readUInt32LE(HEADER - 8) !== data.length || bytes.readUInt32LE(HEADER - 4) !== crc32(data))
        return undefined;
      return data;
    } catch {
      return undefined;
    }
  }

  /** Keeps `data` for the next run, in place of this build's earlier one and any other build's. */
  function write(data) {
    const temporary = `${file}.${process.pid}.tmp`;
    try {
      fs.mkdirSync(folder, { recursive: true });
      const header = Buffer.alloc(HEADER);
      header.write(MAGIC, 'latin1');
      header.writeUInt32LE(data.length, HEADER - 8);
      header.writeUInt32LE(crc32(data), HEADER - 4);
      fs.writeFileSync(temporary, Buffer.concat([header, data]));
      fs.renameSync(temporary, file);
      const current = path.basename(file).slice(0, 32);
      for (const name of fs.readdirSync(folder))
        if (name.endsWith('.bin') && !name.startsWith(current)) fs.rmSync(path.join(folder, name), { force: true });
    } catch {
      try {
        fs.rmSync(temporary, { force: true });
      } catch {
        // Nothing more to undo.
      }
    }
  }

  return { file, read, write };
}

module.exports = { codeCache, commandOf };
