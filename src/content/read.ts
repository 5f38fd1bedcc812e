import fs from 'node:fs';
import { formatMessage } from '../text/format-message.js';
import { TOO_LARGE_MESSAGE } from './file-messages.js';
import { MAX_CONTENT_BYTES } from './parse.js';

/** A file too large to be content, refused before it is read. */
export class FileTooLargeError extends Error {
  constructor(
    readonly bytes: number,
    readonly limit = MAX_CONTENT_BYTES,
  ) {
    super(formatMessage(TOO_LARGE_MESSAGE, tooLargeData(bytes, limit)));
  }
}

/** The data of the too-large message (the `file` rule's `tooLarge`). */
export function tooLargeData(bytes: number, limit = MAX_CONTENT_BYTES): { size: string; limit: string } {
  // Just over the limit would read "4.0 MB; ... over 4.0 MB": one more decimal tells them apart.
  const size = formatMegabytes(bytes) === formatMegabytes(limit) ? formatMegabytes(bytes, 2) : formatMegabytes(bytes);
  return { size, limit: formatMegabytes(limit) };
}

export function formatMegabytes(bytes: number, decimals = 1): string {
  return `${(bytes / (1024 * 1024)).toFixed(decimals)} MB`;
}

/** Reads a content or answers file as UTF-8 text, refused past the size limit (see readContentBytes). */
export function readContentFile(file: string | number, limit = MAX_CONTENT_BYTES): string {
  return readContentBytes(file, limit).toString('utf8');
}

/**
 * Reads a content or answers file (or a descriptor, such as 0 for standard input), refusing one
 * over the size limit from its size on disk (or, for a pipe, as soon as more than the limit has
 * arrived), so a huge shared file costs nothing to refuse.
 */
export function readContentBytes(file: string | number, limit = MAX_CONTENT_BYTES): Buffer {
  const fd = typeof file === 'number' ? file : fs.openSync(file, 'r');
  try {
    const { size, isFile } = fstat(fd);
    if (isFile && size > limit) throw new FileTooLargeError(size, limit);
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
      if (total > limit) throw new FileTooLargeError(total, limit);
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
