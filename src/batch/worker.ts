/**
 * The piscina worker of `teikit batch`: each task is one file converted alone. Loaded from the
 * compiled dist/batch/worker.js (a worker thread starts a fresh Node that cannot load TypeScript).
 */
import { convertOne, type BatchFileResult, type BatchTask } from './convert-one.js';

export default function work(task: BatchTask): Promise<BatchFileResult> {
  return convertOne(task);
}
