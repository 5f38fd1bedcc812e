/** Quoted values for a message, the first eight of them: `"a", "b", ...`. */
export function listed(values: readonly string[]): string {
  const shown = values
    .slice(0, 8)
    .map((v) => `"${v}"`)
    .join(', ');
  return values.length > 8 ? `${shown}, ...` : shown;
}
