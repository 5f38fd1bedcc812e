import v8 from 'node:v8';

/**
 * Rubric regular expressions come from shared, untrusted banks, and JavaScript regular
 * expressions have no time limit: a pattern such as `(a|a)*b` or `(a+)+$` backtracks for minutes
 * on a crafted answer. No list of "bad shapes" catches them all, so rubric patterns run on V8's
 * linear-time engine (the `l` flag), which cannot backtrack at all. That engine refuses what it
 * cannot run in linear time (back-references, look-arounds) and knows neither the `i` nor the `u`
 * flag, so case is folded by lowercasing both the pattern's literal letters and the text.
 */
v8.setFlagsFromString('--enable-experimental-regexp-engine');

export const MAX_PATTERN_LENGTH = 200;
export const MAX_MATCHED_TEXT = 20_000;

/** Whether this Node's V8 has the linear-time engine (checked once; Node 20 to 24 have it). */
const LINEAR = (() => {
  try {
    new RegExp('a', 'l');
    return true;
  } catch {
    return false;
  }
})();

/**
 * The pattern with its literal letters in lower case. Escapes keep their case (`\S` is not `\s`),
 * and so do `\p{...}`, `\u{...}` and `\cX`, because their letters are names, not text.
 */
export function foldCase(pattern: string): string {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch !== '\\') {
      out += ch.toLowerCase();
      continue;
    }
    const next = pattern[i + 1] ?? '';
    if ((next === 'p' || next === 'P' || next === 'u' || next === 'k') && pattern[i + 2] === '{') {
      const close = pattern.indexOf('}', i + 2);
      const end = close < 0 ? pattern.length : close + 1;
      out += pattern.slice(i, end);
      i = end - 1;
    } else if (next === 'c' || next === 'x' || next === 'u') {
      const length = next === 'c' ? 1 : next === 'x' ? 2 : 4;
      out += pattern.slice(i, i + 2 + length);
      i += 1 + length;
    } else {
      out += ch + next;
      i++;
    }
  }
  return out;
}

/** The largest count the linear-time engine accepts in `{m,n}`. */
const LINEAR_MAX_COUNT = 16;

type Compiled = { regex: RegExp; problem?: undefined } | { regex?: undefined; problem: string };

const compiled = new Map<string, Compiled>();

/** Compiles a rubric pattern for matching against lowercased text, or says why it is refused. */
export function compileRubricPattern(pattern: string): Compiled {
  const known = compiled.get(pattern);
  if (known) return known;
  const result = compile(pattern);
  compiled.set(pattern, result);
  return result;
}

function compile(pattern: string): Compiled {
  if (pattern.length > MAX_PATTERN_LENGTH) return { problem: `is longer than ${MAX_PATTERN_LENGTH} characters` };
  const folded = foldCase(pattern);
  try {
    new RegExp(folded);
  } catch (error) {
    return {
      problem: `is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: \/.*\/\w*: /, '')})`,
    };
  }
  if (!LINEAR) {
    // Without the linear engine only the plainest patterns are safe: no repeated groups at all.
    return /\)[*+{?]|\\[1-9]|\\k</.test(folded)
      ? { problem: 'repeats a group or uses a back-reference, which could make matching very slow' }
      : { regex: new RegExp(folded) };
  }
  try {
    return { regex: new RegExp(folded, 'l') };
  } catch {
    const counted = /\{(\d+)(?:,(\d*))?\}/.exec(folded);
    if (counted && Number(counted[2] || counted[1]) > LINEAR_MAX_COUNT) {
      return {
        problem:
          `repeats a part more than ${LINEAR_MAX_COUNT} times (${counted[0]}), ` +
          'which the safe matcher cannot do; use * or + instead',
      };
    }
    return {
      problem:
        'cannot be matched in linear time; back-references and look-arounds such as (?=...) are not allowed, ' +
        'so a shared bank cannot stall the scorer',
    };
  }
}

/** Why a pattern is refused, or undefined when it is safe to compile and run. */
export function unsafeRegexReason(pattern: string): string | undefined {
  return compileRubricPattern(pattern).problem;
}

/** Whether a rubric pattern matches the text, case-insensitively; a refused pattern never matches. */
export function rubricPatternMatches(pattern: string, text: string): boolean {
  const { regex } = compileRubricPattern(pattern);
  return regex ? regex.test(text.slice(0, MAX_MATCHED_TEXT).toLowerCase()) : false;
}
