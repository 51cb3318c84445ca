export { runCli } from './run-cli.ts';
export { COMMANDS } from './commands/index.ts';
export type { CliIo, Command, CommandContext, OptionSpec, Output } from './command.ts';
