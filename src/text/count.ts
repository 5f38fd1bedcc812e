/**
 * A whole number with its thousands grouped by commas ("1,000"), as `n.toLocaleString('en')`
 * writes it, without the ICU number formatter that call sets up (about 30 ms, the first time in
 * a process). Anything but a safe integer is left to `toLocaleString`.
 */
export function groupedCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en');
  const digits = String(Math.abs(n));
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) {
    const start = Math.max(0, end - 3);
    grouped = grouped ? `${digits.slice(start, end)},${grouped}` : digits.slice(start, end);
  }
  return n < 0 ? `-${grouped}` : grouped;
}
