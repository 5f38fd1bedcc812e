/**
 * Rubric regular expressions come from shared, untrusted banks. JavaScript has no regex time
 * limit, so a pattern with nested repetition such as `(a+)+` could stall the scorer for minutes
 * on a crafted answer. We refuse those patterns outright and cap the text they run on.
 */
export const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCHED_TEXT = 20_000;

/** Why a pattern is refused, or undefined when it is safe to compile and run. */
export function unsafeRegexReason(pattern: string): string | undefined {
  if (pattern.length > MAX_PATTERN_LENGTH) return `is longer than ${MAX_PATTERN_LENGTH} characters`;
  try {
    new RegExp(pattern, 'iu');
  } catch (error) {
    return `is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`;
  }
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a back-reference, which can make matching very slow';
  if (hasNestedQuantifier(pattern)) return 'repeats a group that itself repeats (like (a+)+), which can make matching very slow';
  return undefined;
}

function hasNestedQuantifier(pattern: string): boolean {
  // For each open group: does it contain a quantifier?
  const groupHasQuantifier: boolean[] = [];
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (ch === ']') inClass = false;
      continue;
    }
    if (ch === '[') inClass = true;
    else if (ch === '(') groupHasQuantifier.push(false);
    else if (ch === ')') {
      const inner = groupHasQuantifier.pop() ?? false;
      const next = pattern[i + 1];
      const repeated = next === '*' || next === '+' || (next === '{' && /^\{\d*,\d*\}|^\{\d{2,}\}/.test(pattern.slice(i + 1)));
      if (inner && repeated) return true;
      if (groupHasQuantifier.length > 0 && (inner || repeated)) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
    } else if (ch === '*' || ch === '+' || ch === '{') {
      if (groupHasQuantifier.length > 0) groupHasQuantifier[groupHasQuantifier.length - 1] = true;
    }
  }
  return false;
}
