/**
 * Code-point order of strings, not locale order: the same list on every machine and in every
 * locale, and no ICU collator to load (its first use costs a cold `teikit convert` about 8 ms).
 */
export function byCodePoint(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
