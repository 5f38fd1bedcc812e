/** Text the collator orders exactly as its characters' codes do: lower-case letters, digits, `-` and `.`. */
const PLAIN = /^[a-z0-9.-]*$/;
let collator: Intl.Collator | undefined;

/**
 * A comparison of the items by `key`, in the locale's collation order (as `localeCompare`
 * gives), for sorting these `items`. ICU takes several milliseconds to build a collator, and
 * `localeCompare` looks one up on every call (hundreds of files or banks felt both on every
 * command), so when every key is plain text, as file names and ids usually are, they are compared
 * by character codes, which give the same order for them (test/text/collation.test.ts checks this
 * against the collator).
 */
export function collationBy<T>(items: readonly T[], key: (item: T) => string): (a: T, b: T) => number {
  if (items.every((item) => PLAIN.test(key(item)))) {
    return (a, b) => {
      const x = key(a);
      const y = key(b);
      return x < y ? -1 : x > y ? 1 : 0;
    };
  }
  const { compare } = (collator ??= new Intl.Collator());
  return (a, b) => compare(key(a), key(b));
}
