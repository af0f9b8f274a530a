/**
 * The date a build stamps on what it writes (the TEI's publication date, a bag's Bagging-Date):
 * today, or the time SOURCE_DATE_EPOCH gives in seconds since 1970, as reproducible builds set it
 * (https://reproducible-builds.org/specs/source-date-epoch/), so that two runs on two days, or
 * the shards of one collection built on either side of midnight, write the same bytes.
 */
export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const epoch = sourceDateEpoch(env);
  return epoch === undefined ? new Date() : new Date(epoch * 1000);
}

/** SOURCE_DATE_EPOCH as a number; undefined when unset; an Error when it is set but not a whole number. */
export function sourceDateEpoch(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{1,12}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}

/** Whether SOURCE_DATE_EPOCH is set to something that is not a time (the CLI refuses to guess). */
export function malformedSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  if (raw === undefined || raw === '' || /^\d{1,12}$/.test(raw.trim())) return undefined;
  return raw;
}
