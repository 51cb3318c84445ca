import type { Command, OptionSpec } from './command.ts';

const DATABASE_NOTE =
  'Database: DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in REFUGIO_DATA_DIR (default ./data).';

function optionLabel(name: string, spec: OptionSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  const value = spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : '';
  return `${short}--${name}${value}`;
}

/** `refugio user create --username USERNAME … [options]`, built from the command's spec. */
export function usageLine(command: Command): string {
  const parts = ['refugio', command.name];
  for (const p of command.positionals ?? []) parts.push(p.required ? p.name : `[${p.name}]`);
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required) parts.push(`--${name}${spec.type === 'string' ? ` ${spec.value ?? 'VALUE'}` : ''}`);
  }
  const optional = Object.values(command.options).some((spec) => !spec.required);
  if (optional || command.json) parts.push('[options]');
  return parts.join(' ');
}

function table(rows: Array<[string, string]>): string[] {
  const width = Math.min(30, Math.max(...rows.map(([left]) => left.length)) + 2);
  return rows.map(([left, right]) => `  ${left.padEnd(width)}${left.length >= width ? `\n  ${' '.repeat(width)}` : ''}${right}`);
}

export function commandHelp(command: Command): string {
  const rows: Array<[string, string]> = [];
  for (const p of command.positionals ?? []) rows.push([p.name, p.description]);
  for (const [name, spec] of Object.entries(command.options)) {
    rows.push([optionLabel(name, spec), spec.required ? `${spec.description} (required)` : spec.description]);
  }
  if (command.json) rows.push(['--json', 'Print the result as JSON']);
  rows.push(['-h, --help', 'Show this help']);
  return [
    `Usage: ${usageLine(command)}`,
    '',
    command.summary,
    ...(command.details ?? []).flatMap((paragraph) => ['', paragraph]),
    '',
    'Options:',
    ...table(rows),
    '',
    DATABASE_NOTE,
    '',
  ].join('\n');
}

/** The command list; `prefix` narrows it to a group such as `user`. */
export function overviewHelp(commands: readonly Command[], prefix?: string): string {
  const shown = prefix ? commands.filter((c) => c.name.startsWith(`${prefix} `)) : commands;
  return [
    `Usage: refugio ${prefix ? `${prefix} ` : ''}<command> [options]`,
    '',
    prefix ? `Commands under "${prefix}":` : 'Refugio administration from the command line. Commands:',
    ...table(shown.map((c) => [c.name, c.summary])),
    '',
    DATABASE_NOTE,
    `Run "refugio <command> --help" for a command's options.`,
    '',
  ].join('\n');
}
