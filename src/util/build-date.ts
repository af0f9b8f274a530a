/**
 * The date a build stamps on what it writes (the TEI's publication date, a bag's Bagging-Date):
 * today, or the time SOURCE_DATE_EPOCH gives in seconds since 1970, as reproducible builds set it
 * (https://reproducible-builds.org/specs/source-date-epoch/), so that two runs on two days, or
 * the shards of one collection built on either side of midnight, write the same bytes.
 */

/** A SOURCE_DATE_EPOCH that is a time: a whole number of seconds. */
const EPOCH = /^\d{1,12}$/;

export function buildDate(env: NodeJS.ProcessEnv = process.env): Date {
  const raw = env.SOURCE_DATE_EPOCH?.trim();
  return raw && EPOCH.test(raw) ? new Date(Number(raw) * 1000) : new Date();
}

/** SOURCE_DATE_EPOCH when it is set to something that is not a time (the CLI refuses to guess). */
export function malformedSourceDateEpoch(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env.SOURCE_DATE_EPOCH;
  return raw && !EPOCH.test(raw.trim()) ? raw : undefined;
}
