import fs from 'node:fs';
import path from 'node:path';

/**
 * Writes a file of qualify's own cache (content entries, the content index, the database's
 * integrity stamp): its folder is made, the bytes go to a temporary file beside it, which is then
 * renamed over it, so a reader (another qualify running now) never sees half a file. A folder
 * that cannot be written only costs speed, so nothing is thrown: false when it was not written.
 */
export function writeCacheFile(file: string, parts: readonly (string | Uint8Array)[]): boolean {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fd = fs.openSync(temporary, 'w');
    try {
      for (const part of parts) {
        const bytes = typeof part === 'string' ? Buffer.from(part) : part;
        for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done);
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temporary, file);
    return true;
  } catch {
    fs.rmSync(temporary, { force: true });
    return false;
  }
}
