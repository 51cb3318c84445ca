/** The shape every `refugio` command has: registered in commands/index.ts, dispatched by run-cli.ts. */

export interface Output {
  write(chunk: string): unknown;
  /** A terminal: progress bars are drawn only there. */
  isTTY?: boolean;
}

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: Output;
  stderr: Output;
}

export interface OptionSpec {
  type: 'string' | 'boolean';
  /** May be repeated (`--from A --from B`); values arrive as a list. */
  multiple?: boolean;
  short?: string;
  /** The value's placeholder in help, e.g. FILE. */
  value?: string;
  description: string;
  required?: boolean;
}

export interface PositionalSpec {
  name: string;
  description: string;
  required: boolean;
}

export type OptionValues = Record<string, string | boolean | Array<string | boolean> | undefined>;

export interface CommandContext {
  io: CliIo;
  values: OptionValues;
  positionals: string[];
  /** `--json` was given: print one JSON document instead of text. */
  json: boolean;
  /** Writes a line to stdout. */
  print(line?: string): void;
  /** Writes a line to stderr (notes and progress that must not mix with --json output). */
  note(line: string): void;
}

export interface Command {
  /** The words after `refugio`, e.g. `user create`. */
  name: string;
  summary: string;
  options: Record<string, OptionSpec>;
  positionals?: PositionalSpec[];
  /** Accepts `--json`. */
  json?: boolean;
  /** Domain field → option, for error messages (roleCodes → --roles). */
  fieldLabels?: Record<string, string>;
  /** Paragraphs shown under the usage line. */
  details?: string[];
  /** Returns the exit code: 0 success, 1 failure. Usage errors throw UsageError (exit 2). */
  run(ctx: CommandContext): Promise<number>;
}

/** A mistake in the command line itself: exit code 2 and a pointer to --help. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** An expected failure (refused, not found): exit code 1 with the message only, no stack. */
export class CliError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CliError';
  }
}

export function stringOption(ctx: CommandContext, name: string): string | undefined {
  const value = ctx.values[name];
  return typeof value === 'string' ? value : undefined;
}

export function requiredString(ctx: CommandContext, name: string): string {
  const value = stringOption(ctx, name);
  if (value === undefined || value.trim() === '') throw new UsageError(`--${name} is required`);
  return value;
}

export function flag(ctx: CommandContext, name: string): boolean {
  return ctx.values[name] === true;
}

/** A comma-separated list option (`--roles a,b`), also accepted when repeated. */
export function listOption(ctx: CommandContext, name: string): string[] {
  const raw = ctx.values[name];
  const parts = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  return parts
    .filter((part): part is string => typeof part === 'string')
    .flatMap((part) => part.split(','))
    .map((part) => part.trim())
    .filter((part) => part !== '');
}

export function positional(ctx: CommandContext, index: number, name: string): string {
  const value = ctx.positionals[index];
  if (value === undefined || value === '') throw new UsageError(`${name} is required`);
  return value;
}
