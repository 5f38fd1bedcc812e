/*
 * The order names, ids and section numbers are sorted in: English collation (ICU's), the same on
 * every machine whatever its locale, so a study group's members see one order and the first of
 * two files defining the same id is the same file for all of them (`localeCompare` took the
 * order from the user's locale: Danish sorts "aa" after "z", Czech "ch" after "h").
 *
 * Without the cost of `localeCompare`, too: it looks a collator up on every call, and with
 * options (`{ numeric: true }`) builds a new one each time; ICU takes several milliseconds per
 * collator, which sorting hundreds of files, banks or sections felt on every command. Plain keys,
 * as file names, ids and section numbers usually are, are compared without a collator, in the
 * same order; anything else goes to one collator built on first use. test/text/collation.test.ts
 * checks both against ICU.
 */

/** Text English collation orders exactly as its characters' codes do: lower-case letters, digits, `-` and `.`. */
const PLAIN = /^[a-z0-9.-]*$/;
/** A section number ("4", "5.1", "10.2.3") without leading zeros, ordered number by number. */
const NUMBERED = /^(?:0|[1-9]\d{0,14})(?:\.(?:0|[1-9]\d{0,14}))*$/;

let textCollator: Intl.Collator | undefined;
let numberCollator: Intl.Collator | undefined;

/** `a.localeCompare(b, 'en')`. */
export function compareText(a: string, b: string): number {
  if (PLAIN.test(a) && PLAIN.test(b)) return a < b ? -1 : a > b ? 1 : 0;
  return (textCollator ??= new Intl.Collator('en')).compare(a, b);
}

/** `a.localeCompare(b, 'en', { numeric: true })`: "5.2" before "5.10", "9" before "10". */
export function compareNumbered(a: string, b: string): number {
  if (NUMBERED.test(a) && NUMBERED.test(b)) {
    const x = a.split('.');
    const y = b.split('.');
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const difference = Number(x[i]) - Number(y[i]);
      if (difference !== 0) return Math.sign(difference);
    }
    return Math.sign(x.length - y.length);
  }
  return (numberCollator ??= new Intl.Collator('en', { numeric: true })).compare(a, b);
}
