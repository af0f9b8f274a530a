/**
 * What a source format is to teikit: its name, the file extensions it usually comes with, how its
 * content is recognised, and its reader. Every format module exports one `SourceReader`; the
 * registry (registry.ts) lists them, and convert, batch, build, edition.json and detection all ask
 * the registry, so that a new format is one new module plus one line there.
 */
import type { ReadResult } from '../model/types.js';

export interface SourceReader {
  /** The format's name, as edition.json's `format` and the report's `inputs[].format` give it. */
  readonly format: string;
  /** A few words for messages and help (`marx2mao HTML page`). */
  readonly description: string;
  /** Lower-case extensions with their dot (`.html`), the first being the usual one. */
  readonly extensions: readonly string[];
  /**
   * How surely `head` (the start of the file, decoded as Latin-1: enough for ASCII markup) is of
   * this format: 0 not at all, 1 only its general kind (any HTML, any Markdown), 2 or more its
   * own shape. Several formats share an extension (two shapes of HTML page): the content decides.
   */
  sniff(head: string): number;
  /** Read one file; `file` is the name used in diagnostics and positions. */
  read(bytes: Uint8Array, file: string): ReadResult;
}
