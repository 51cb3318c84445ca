import { parseArgs } from 'node:util';
import { AppError } from '@refugio/domain';
import { CliError, UsageError, type CliIo, type Command, type CommandContext, type OptionValues } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { describeAppError } from './errors.ts';
import { commandHelp, overviewHelp } from './help.ts';

/** The longest registered command whose words start argv, with how many words it used. */
function findCommand(argv: readonly string[]): { command: Command; used: number } | null {
  let best: { command: Command; used: number } | null = null;
  for (const command of COMMANDS) {
    const words = command.name.split(' ');
    if (words.every((word, i) => argv[i] === word) && (!best || words.length > best.used)) {
      best = { command, used: words.length };
    }
  }
  return best;
}

function parseCommandLine(command: Command, args: string[]): { values: OptionValues; positionals: string[] } {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = {
    help: { type: 'boolean', short: 'h' },
  };
  for (const [name, spec] of Object.entries(command.options)) {
    options[name] = { type: spec.type, ...(spec.multiple ? { multiple: true } : {}), ...(spec.short ? { short: spec.short } : {}) };
  }
  if (command.json) options.json = { type: 'boolean' };
  try {
    const { values, positionals } = parseArgs({ args, options, allowPositionals: true, strict: true });
    return { values: values as OptionValues, positionals };
  } catch (error) {
    // parseArgs reports unknown options and missing values as ERR_PARSE_ARGS_* TypeErrors.
    if (error instanceof TypeError && String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(error.message);
    }
    throw error;
  }
}

function checkArguments(command: Command, values: OptionValues, positionals: string[]): void {
  const declared = command.positionals ?? [];
  if (positionals.length > declared.length) {
    throw new UsageError(`unexpected argument "${positionals[declared.length]}"`);
  }
  declared.forEach((p, i) => {
    if (p.required && positionals[i] === undefined) throw new UsageError(`${p.name} is required`);
  });
  for (const [name, spec] of Object.entries(command.options)) {
    if (spec.required && (values[name] === undefined || values[name] === '')) throw new UsageError(`--${name} is required`);
  }
}

/**
 * Runs one `refugio` command line in-process and returns its exit code: 0 success, 1 failure,
 * 2 usage error. Tests call this directly; bin/refugio.js calls it through main.ts.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const found = findCommand(argv);
  const wantsHelp = argv.includes('--help') || argv.includes('-h');
  try {
    if (!found) {
      const group = argv[0] && COMMANDS.some((c) => c.name.startsWith(`${argv[0]} `)) ? argv[0] : undefined;
      if (argv.length === 0 || wantsHelp || (group && argv.length === 1)) {
        (wantsHelp ? io.stdout : io.stderr).write(overviewHelp(COMMANDS, group));
        return wantsHelp ? 0 : 2;
      }
      throw new UsageError(`unknown command "${argv.filter((a) => !a.startsWith('-')).slice(0, 2).join(' ')}"`);
    }
    const { command, used } = found;
    const { values, positionals } = parseCommandLine(command, argv.slice(used));
    if (values.help === true) {
      io.stdout.write(commandHelp(command));
      return 0;
    }
    checkArguments(command, values, positionals);
    const ctx: CommandContext = {
      io,
      values,
      positionals,
      json: values.json === true,
      print: (line = '') => io.stdout.write(`${line}\n`),
      note: (line) => io.stderr.write(`${line}\n`),
    };
    return await command.run(ctx);
  } catch (error) {
    return report(error, io, found?.command);
  }
}

function report(error: unknown, io: CliIo, command: Command | undefined): number {
  const say = (text: string) => io.stderr.write(`refugio: ${text}\n`);
  if (error instanceof UsageError) {
    say(error.message);
    io.stderr.write(`Run "refugio ${command ? `${command.name} ` : ''}--help" for usage.\n`);
    return 2;
  }
  if (error instanceof CliError) {
    say(error.message);
    return 1;
  }
  if (error instanceof AppError) {
    say(describeAppError(error, command?.fieldLabels));
    return 1;
  }
  const message = error instanceof Error ? error.message : String(error);
  say(message);
  if (io.env.REFUGIO_DEBUG === '1' && error instanceof Error && error.stack) io.stderr.write(`${error.stack}\n`);
  return 1;
}
