/**
 * Shared banks are untrusted: their text must never reach the terminal as escape sequences
 * (which could recolour, move the cursor, retitle the window or hide text). Every terminal write
 * of bank text goes through here.
 */

// Escape sequences (CSI, OSC, and single-character escapes), matched whole so nothing of them is left.
const ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides that can
// make text read differently from what it is.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const REPLACEMENT = '\ufffd';

/** Bank text made safe to print: escape sequences and control characters become `�`. */
export function sanitize(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ESCAPE_SEQUENCE, REPLACEMENT).replace(CONTROL, REPLACEMENT);
}

/** True when the text holds something `sanitize` would replace. */
export function hasUnsafeCharacters(text: string): boolean {
  ESCAPE_SEQUENCE.lastIndex = 0;
  CONTROL.lastIndex = 0;
  return ESCAPE_SEQUENCE.test(text) || CONTROL.test(text.replace(/\r\n?/g, '\n'));
}
