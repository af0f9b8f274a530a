/**
 * The siglum (xml:id) of a print edition, from its publisher (encoding.md, "Witnesses"): a
 * Progress Publishers book is not an FLP book. Foreign Languages Press (Peking) `flp`, Foreign
 * Languages Publishing House (Moscow) `flph`, Progress Publishers `pp` (as the LIA reader names it), International
 * Publishers `ip`; a publisher the source does not name, or another one, `print`.
 */
const SIGLA: [RegExp, string][] = [
  [/Foreign Languages Press/i, 'flp'],
  [/Foreign Languages Publishing House/i, 'flph'],
  [/Progress Publishers/i, 'pp'],
  [/International Publishers/i, 'ip'],
];

export function printSiglum(publisher: string | undefined): string {
  return SIGLA.find(([re]) => re.test(publisher ?? ''))?.[1] ?? 'print';
}

/** The siglum of the edition another is "Based on": its own, or `<siglum>-basis` when the publisher is the same. */
export function basisSiglum(publisher: string | undefined, printId: string): string {
  const id = printSiglum(publisher);
  return id === printId ? `${id}-basis` : id;
}
