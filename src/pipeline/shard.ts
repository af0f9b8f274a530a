/**
 * `--shard i/n`: a stable slice of a collection, so that machines can share a large build. A work
 * belongs to shard 1 + (its key's SHA-256 mod n): adding or removing a work moves no other one.
 * `--shard auto` reads the index and count that the job systems set: a Kubernetes indexed Job
 * (JOB_COMPLETION_INDEX, 0-based, with TEIKIT_SHARD_COUNT as the Job's completions), a Slurm array
 * (SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_MIN/COUNT), or any CI matrix through TEIKIT_SHARD_INDEX
 * (1-based) and TEIKIT_SHARD_COUNT (GitHub Actions sets no such variables itself: the workflow
 * passes `${{ matrix.shard }}` and `strategy.job-total`).
 */
import { createHash } from 'node:crypto';
import { UserError } from '../model/diagnostics.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export function parseShard(value: string, env: NodeJS.ProcessEnv): Shard {
  const shard = value === 'auto' ? shardFromEnv(env) : parsePair(value);
  if (!shard || !(shard.count >= 1 && shard.index >= 1 && shard.index <= shard.count)) {
    throw new UserError(value === 'auto'
      ? 'teikit build: --shard auto: no shard index and count in the environment (TEIKIT_SHARD_INDEX/TEIKIT_SHARD_COUNT, JOB_COMPLETION_INDEX with TEIKIT_SHARD_COUNT, or SLURM_ARRAY_TASK_ID/SLURM_ARRAY_TASK_COUNT)'
      : `teikit build: --shard must be i/n with 1 <= i <= n, or auto, not "${value}"`, 2);
  }
  return shard;
}

function parsePair(value: string): Shard | undefined {
  const m = /^([1-9][0-9]*)\/([1-9][0-9]*)$/.exec(value);
  return m ? { index: Number(m[1]), count: Number(m[2]) } : undefined;
}

function int(v: string | undefined): number | undefined {
  return v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : undefined;
}

function shardFromEnv(env: NodeJS.ProcessEnv): Shard | undefined {
  const count = int(env.TEIKIT_SHARD_COUNT);
  const own = int(env.TEIKIT_SHARD_INDEX);
  if (own !== undefined && count !== undefined) return { index: own, count };
  const k8s = int(env.JOB_COMPLETION_INDEX);
  if (k8s !== undefined && count !== undefined) return { index: k8s + 1, count };
  const slurm = int(env.SLURM_ARRAY_TASK_ID);
  const slurmCount = int(env.SLURM_ARRAY_TASK_COUNT);
  if (slurm !== undefined && slurmCount !== undefined) return { index: slurm - (int(env.SLURM_ARRAY_TASK_MIN) ?? 0) + 1, count: slurmCount };
  return undefined;
}

export function inShard(key: string, shard: Shard): boolean {
  const n = createHash('sha256').update(key).digest().readUInt32BE(0);
  return (n % shard.count) + 1 === shard.index;
}
