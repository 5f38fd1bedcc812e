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

// What no output of qualify ever needs: C0 controls other than tab, newline and carriage return,
// DEL, C1 controls (U+009B is an 8-bit CSI), and the bidirectional overrides.
const NEVER_PRINTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// The colour and style sequences qualify itself writes (SGR); any other escape is not ours.
const OWN_ESCAPE = /\u001b\[[0-9;]*m/y;

/**
 * The last guard before stdout and stderr: whatever a command forgot to sanitize, no control
 * character or foreign escape sequence reaches the terminal. Colour codes survive when colour is on.
 */
export function guardOutput(text: string, keepColour: boolean): string {
  let out = text.replace(NEVER_PRINTED, REPLACEMENT);
  if (!out.includes('\u001b')) return out;
  let result = '';
  for (let i = 0; i < out.length; i++) {
    if (out[i] !== '\u001b') {
      result += out[i];
      continue;
    }
    OWN_ESCAPE.lastIndex = i;
    const own = keepColour ? OWN_ESCAPE.exec(out) : null;
    if (own) {
      result += own[0];
      i += own[0].length - 1;
    } else result += REPLACEMENT;
  }
  out = result;
  return out;
}

// JSON.stringify escapes C0 controls but leaves these raw; inside a JSON string they can be
// written as \uXXXX escapes, so the data survives and the terminal never sees them.
const JSON_UNSAFE = /[\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with every character a terminal could act on written as a \uXXXX escape. */
export function escapeJsonForTerminal(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** JSON.stringify whose result is safe to print (see escapeJsonForTerminal). */
export function safeJson(value: unknown, indent?: number): string {
  return escapeJsonForTerminal(JSON.stringify(value, null, indent));
}
