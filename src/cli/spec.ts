/**
 * A command's definition: its synopsis, summary, description, options (each with its description),
 * examples and exit codes. The parser's option table and the help text are both made from it, so
 * the help cannot drift from what the command accepts, and every command's help has one layout.
 * Definitions live in src/cli/specs/, one module a command, and import nothing heavy:
 * `teikit <command> --help` prints its definition without loading the readers, libxml2 or SaxonJS.
 * The one-line summaries are in run.ts's list of commands, so that `teikit --help` loads no
 * definition at all.
 */
import { COMMON_OPTIONS } from './output.js';

/** One option, as node:util parseArgs takes it, with what the help says of it. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  short?: string;
  multiple?: boolean;
  default?: string | boolean | string[] | boolean[];
  /** The value's name in the help (`<file>`, `text|json`); string options only. */
  value?: string;
  /** The values a string option takes; any other is a usage error. */
  choices?: readonly string[];
  description: string;
}

export interface CommandSpec<O extends Record<string, OptionSpec> = Record<string, OptionSpec>> {
  name: string;
  /** What follows `teikit <name>` in the usage line(s). */
  synopsis: string[];
  /** Paragraphs after the summary. */
  description?: string[];
  options: O;
  examples: { command: string; does: string }[];
  /** What each exit code means for this command. */
  exit: { 0: string; 1?: string; 2: string };
}

/** A definition, its option types kept for parseCommandArgs(). */
export function defineCommand<const O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

const WIDTH = 100;
const COLUMN = 30;

/** Words wrapped to the width, each line after the first indented by `indent`. */
function wrap(text: string, indent: number, first = indent): string {
  const lines: string[] = [];
  let line = '';
  let room = WIDTH - first;
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > room) {
      lines.push(line);
      line = word;
      room = WIDTH - indent;
    } else line = line ? `${line} ${word}` : word;
  }
  lines.push(line);
  return lines.join(`\n${' '.repeat(indent)}`);
}

/** `-o, --output <file>` or `    --strict`. */
function optionLabel(name: string, o: OptionSpec): string {
  const value = o.type === 'string' ? ` <${o.value ?? 'value'}>` : '';
  return `${o.short ? `-${o.short}, ` : '    '}--${name}${value}`;
}

/** Each option's label and its description, wrapped in a column. */
function optionLines(options: Record<string, OptionSpec>): string[] {
  return Object.entries(options).map(([name, o]) => {
    const label = `  ${optionLabel(name, o)}`;
    const text = wrap(o.description, COLUMN);
    return label.length < COLUMN ? `${label.padEnd(COLUMN)}${text}` : `${label}\n${' '.repeat(COLUMN)}${text}`;
  });
}

/** The help of a command (`summary`: its line in `teikit --help`), in the one layout every command shares. */
export function helpText(spec: CommandSpec, summary: string): string {
  const out: string[] = [];
  const lead = `Usage: teikit ${spec.name} `;
  spec.synopsis.forEach((s, i) => out.push(`${i === 0 ? lead : ' '.repeat(lead.length)}${s}`));
  out.push('', wrap(`${summary[0]!.toUpperCase()}${summary.slice(1)}.`, 0));
  for (const p of spec.description ?? []) out.push('', wrap(p, 0));
  out.push('', 'Options:', ...optionLines(spec.options));
  out.push('', 'Common options (every command):', ...optionLines(COMMON_OPTIONS), '', 'Examples:');
  for (const e of spec.examples) out.push(`  ${e.command}`, `${' '.repeat(6)}${wrap(e.does, 6)}`);
  const exit = ([0, 1, 2] as const).flatMap((k) => (spec.exit[k] ? [`${k} ${spec.exit[k]}`] : []));
  out.push('', wrap(`Exit status: ${exit.join('; ')}.`, 2));
  return `${out.join('\n')}\n`;
}
