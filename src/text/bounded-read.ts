// Reading a file the tool was pointed at, never more than the size limit of any file it reads: a device
// such as /dev/zero, a FIFO or a huge file costs one bounded read, not hundreds of megabytes of memory.
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The most bytes bcgroups reads of any one file: a group file, a config, a saved plan. */
export const MAX_FILE_BYTES = 1024 * 1024;

export type BoundedRead =
  | { kind: 'bytes'; bytes: Buffer<ArrayBuffer> }
  | { kind: 'folder' }
  /** A FIFO, device or socket: refused unread. */
  | { kind: 'special' }
  | { kind: 'too_large'; size: number };

/**
 * The bytes of a regular file, read to the end or a byte past MAX_FILE_BYTES; errors of open and read
 * (ENOENT, EACCES) are thrown as they come. `buffer` (MAX_FILE_BYTES + 1 bytes) may be reused between
 * calls: the bytes returned are a view of it.
 */
export function readBounded(
  location: string,
  buffer: Buffer<ArrayBuffer> = Buffer.allocUnsafe(MAX_FILE_BYTES + 1),
): BoundedRead {
  // Non-blocking, so a FIFO opens at once; fstat then refuses it unread.
  const fd = openSync(location, constants.O_RDONLY | constants.O_NONBLOCK);
  let length = 0;
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) return { kind: 'folder' };
    if (!info.isFile()) return { kind: 'special' };
    if (info.size > MAX_FILE_BYTES) return { kind: 'too_large', size: info.size };
    // Read to the end or to the bound: the file may have grown since fstat.
    for (let read = -1; read !== 0 && length < buffer.length; length += read) {
      read = readSync(fd, buffer, length, buffer.length - length, null);
    }
  } finally {
    closeSync(fd);
  }
  if (length > MAX_FILE_BYTES) return { kind: 'too_large', size: length };
  return { kind: 'bytes', bytes: buffer.subarray(0, length) };
}
