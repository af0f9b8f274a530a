/**
 * Every command's definition, in the order `teikit --help` lists them. Light: the commands' code
 * (src/cli/commands/) is imported only when one runs.
 */
import type { CommandSpec } from '../spec.js';
import { convertSpec } from './convert.js';
import { batchSpec } from './batch.js';
import { validateSpec } from './validate.js';
import { renderSpec } from './render.js';
import { buildSpec } from './build.js';
import { depositSpec } from './deposit.js';
import { verifySpec } from './verify.js';

export const SPECS: readonly CommandSpec[] = [convertSpec, batchSpec, validateSpec, renderSpec, buildSpec, depositSpec, verifySpec];
