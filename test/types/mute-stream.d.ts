// mute-stream ships no types (Inquirer's own tests use it the same way): the part the fake
// terminal uses. A pass-through stream whose output can be muted, as a password prompt does.
declare module 'mute-stream' {
  import { Duplex, type DuplexOptions } from 'node:stream';

  export default class MuteStream extends Duplex {
    constructor(options?: DuplexOptions & { replace?: string; prompt?: string });
    mute(): void;
    unmute(): void;
  }
}
