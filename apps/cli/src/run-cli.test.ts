import { describe, expect, it } from 'vitest';
import { COMMANDS } from './commands/index.ts';
import { runCaptured } from './testing/cli-harness.ts';

// No database is opened: these fail before or instead of touching one.
const env = { DATABASE_URL: '', REFUGIO_DATA_DIR: '/nonexistent/refugio-cli-test' };

describe('refugio command line', () => {
  it('lists every command with --help and exits 0', async () => {
    const { code, stdout } = await runCaptured(['--help'], env);
    expect(code).toBe(0);
    for (const command of COMMANDS) expect(stdout).toContain(command.name);
  });

  it('prints the overview on stderr and exits 2 without a command', async () => {
    const { code, stderr } = await runCaptured([], env);
    expect(code).toBe(2);
    expect(stderr).toContain('Usage: refugio <command>');
  });

  it.each(COMMANDS.map((c) => [c.name]))('%s --help prints its usage and exits 0', async (name) => {
    const { code, stdout } = await runCaptured([...name.split(' '), '--help'], env);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: refugio ${name}`);
    expect(stdout).toContain('-h, --help');
  });

  it('lists a group\'s commands for "refugio user"', async () => {
    const { code, stderr } = await runCaptured(['user'], env);
    expect(code).toBe(2);
    expect(stderr).toContain('user create');
    expect(stderr).toContain('user reset-password');
  });

  it('rejects unknown commands, unknown options, missing values and extra arguments with exit 2', async () => {
    const cases: Array<[string[], string]> = [
      [['frobnicate'], 'unknown command "frobnicate"'],
      [['migrate', '--colour'], "Unknown option '--colour'"],
      [['user', 'create', '--username', 'x'], '--full-name is required'],
      [['user', 'reset-password'], 'USERNAME is required'],
      [['audit', 'verify', 'extra'], 'unexpected argument "extra"'],
      [['backup', '--out'], "Option '-o, --out <value>' argument missing"],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await runCaptured(argv, env);
      expect(code, argv.join(' ')).toBe(2);
      expect(stderr, argv.join(' ')).toContain(message);
      expect(stderr).toContain('--help" for usage');
    }
  });

  it('refuses to read an embedded database that does not exist', async () => {
    const { code, stderr } = await runCaptured(['audit', 'verify'], env);
    expect(code).toBe(1);
    expect(stderr).toContain('No database found in /nonexistent/refugio-cli-test');
  });
});
