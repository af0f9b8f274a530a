/**
 * The piscina worker of the build pipeline: each task is one unit built alone. Loaded from the
 * compiled dist/pipeline/worker.js (a worker thread starts a fresh Node that cannot load TypeScript).
 */
import { runUnit, type UnitOutcome, type UnitTask } from './run-unit.js';

export default function work(task: UnitTask): Promise<UnitOutcome> {
  return runUnit(task);
}
