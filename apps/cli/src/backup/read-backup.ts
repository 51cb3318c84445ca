import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline, type Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { CliError } from '../command.ts';
import {
  BACKUP_FORMAT_VERSION, MARKER_PREFIX, isBackupHeader, type BackupHeader, type EndMarker, type TableMarker,
} from './format.ts';

export type BackupRecord =
  | { kind: 'table'; marker: TableMarker }
  | { kind: 'row'; line: string }
  | { kind: 'end'; marker: EndMarker };

export interface BackupReader {
  header: BackupHeader;
  /** Everything after the header, in file order. */
  records: AsyncGenerator<BackupRecord>;
}

async function isGzip(file: string): Promise<boolean> {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await handle.close();
  }
}

async function* lines(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let pending = '';
  // for await rethrows a read or decompression error, so a corrupt file fails the restore.
  for await (const chunk of input) {
    pending += chunk as string;
    let newline = pending.indexOf('\n');
    while (newline !== -1) {
      yield pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      newline = pending.indexOf('\n');
    }
  }
  if (pending !== '') yield pending;
}

function parseMarker(line: string): TableMarker | EndMarker {
  const marker = JSON.parse(line) as { '@'?: unknown; name?: unknown; rows?: unknown; tables?: unknown };
  if (marker['@'] === 'table' && typeof marker.name === 'string' && typeof marker.rows === 'number') {
    return { '@': 'table', name: marker.name, rows: marker.rows };
  }
  if (marker['@'] === 'end' && typeof marker.tables === 'number' && typeof marker.rows === 'number') {
    return { '@': 'end', tables: marker.tables, rows: marker.rows };
  }
  throw new CliError(`Unreadable marker line in the backup: ${line.slice(0, 80)}`);
}

async function* records(source: AsyncGenerator<string>): AsyncGenerator<BackupRecord> {
  for await (const line of source) {
    if (line === '') continue;
    if (!line.startsWith(MARKER_PREFIX)) {
      yield { kind: 'row', line };
      continue;
    }
    const marker = parseMarker(line);
    yield marker['@'] === 'table' ? { kind: 'table', marker } : { kind: 'end', marker };
  }
}

/** Opens a backup written by writeBackup (gzip or plain JSON lines) and checks its header. */
export async function openBackup(file: string): Promise<BackupReader> {
  const raw = createReadStream(file);
  const input: Readable = (await isGzip(file)) ? pipeline(raw, createGunzip(), () => undefined) : raw;
  const source = lines(input);
  const first = await source.next();
  let header: unknown;
  try {
    header = first.done ? null : JSON.parse(first.value);
  } catch {
    header = null;
  }
  if (!isBackupHeader(header)) {
    input.destroy();
    throw new CliError(`${file} is not a Refugio backup (its first line is not a refugio-backup header).`);
  }
  if (header.version !== BACKUP_FORMAT_VERSION) {
    input.destroy();
    throw new CliError(`${file} is backup format version ${String(header.version)}; this Refugio reads version ${BACKUP_FORMAT_VERSION}.`);
  }
  return { header, records: records(source) };
}
