import fs from 'node:fs';
import { formatMessage } from '../text/format-message.js';
import { TOO_LARGE_MESSAGE } from './file-messages.js';
import { MAX_CONTENT_BYTES } from './parse.js';

/** A file too large to be content, refused before it is read. */
export class FileTooLargeError extends Error {
  constructor(readonly bytes: number) {
    super(formatMessage(TOO_LARGE_MESSAGE, tooLargeData(bytes)));
  }
}

/** The data of the too-large message (the `file` rule's `tooLarge`). */
export function tooLargeData(bytes: number): { size: string; limit: string } {
  return { size: formatMegabytes(bytes), limit: formatMegabytes(MAX_CONTENT_BYTES) };
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** Reads a content or answers file as UTF-8 text, refused past the size limit (see readContentBytes). */
export function readContentFile(file: string | number): string {
  return readContentBytes(file).toString('utf8');
}

/**
 * Reads a content or answers file (or a descriptor, such as 0 for standard input), refusing one
 * over the size limit from its size on disk (or, for a pipe, as soon as more than the limit has
 * arrived), so a huge shared file costs nothing to refuse.
 */
export function readContentBytes(file: string | number): Buffer {
  const fd = typeof file === 'number' ? file : fs.openSync(file, 'r');
  try {
    const { size, isFile } = fstat(fd);
    if (isFile && size > MAX_CONTENT_BYTES) throw new FileTooLargeError(size);
    const chunks: Buffer[] = [];
    let total = 0;
    const buffer = Buffer.alloc(64 * 1024);
    for (;;) {
      let read: number;
      try {
        read = fs.readSync(fd, buffer, 0, buffer.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (read === 0) break;
      total += read;
      if (total > MAX_CONTENT_BYTES) throw new FileTooLargeError(total);
      chunks.push(Buffer.from(buffer.subarray(0, read)));
    }
    return Buffer.concat(chunks);
  } finally {
    if (typeof file !== 'number') fs.closeSync(fd);
  }
}

function fstat(fd: number): { size: number; isFile: boolean } {
  const stat = fs.fstatSync(fd);
  return { size: stat.size, isFile: stat.isFile() };
}
