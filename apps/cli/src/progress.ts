import { Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { CliIo } from './command.ts';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const SILENT: Progress = { update: () => undefined, stop: () => undefined };

/** A row-count bar on stderr when it is a terminal; silent in pipes, logs and tests. */
export function rowProgress(io: CliIo, label: string): Progress {
  const stream = io.stderr;
  if (!io.stderr.isTTY || !(stream instanceof Writable)) return SILENT;
  const bar = new cliProgress.SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} rows`, stream, clearOnComplete: true, hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, 0);
        started = true;
      }
      bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
