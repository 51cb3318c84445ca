/**
 * What the officer types in an interview, piece by piece (the narrative, the observations, each
 * answer, each checklist item), saved as they type without ever losing a word (ADR 025):
 * - every change is written to this browser's storage first, with the server version it was
 *   based on, then sent after a short pause; a closed tab or a lost connection leaves the draft
 *   behind, and opening the interview again sends it;
 * - a save names the version it was based on: if another tab or device saved a newer one, the
 *   server answers with it and the piece shows both texts until the officer chooses;
 * - without a connection, pieces wait and are retried, and the page says so.
 * Plain TypeScript (no React, no fetch) so it is unit-tested with a fake server and clock.
 */
import type { TAnswerValue } from '@refugio/domain';

export type PieceValue =
  | { kind: 'text'; text: string }
  | { kind: 'answer'; value: TAnswerValue }
  | { kind: 'check'; done: boolean; note: string };

export type PieceStatus = 'saved' | 'dirty' | 'saving' | 'offline' | 'conflict' | 'invalid' | 'locked';

export interface PieceState {
  value: PieceValue;
  /** The server's version this value is based on (0: nothing saved yet). */
  version: number;
  status: PieceStatus;
  /** What the server holds when it refused a stale save. */
  conflict?: { value: PieceValue; version: number; updatedBy: string | null } | undefined;
  /** A catalog key (with params) explaining an invalid value or a locked record. */
  message?: { code: string; params?: Record<string, string | number> } | undefined;
}

export type SaveResult =
  | { kind: 'saved'; version: number }
  | { kind: 'network' }
  | { kind: 'conflict'; value: PieceValue; version: number; updatedBy: string | null }
  | { kind: 'invalid'; code: string; params?: Record<string, string | number> }
  | { kind: 'locked'; code: string }
  | { kind: 'failed' };

export interface AutosaveTransport {
  save(key: string, value: PieceValue, version: number): Promise<SaveResult>;
}

/** The part of `localStorage` the store uses. */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

export interface SaveSummary {
  pending: number;
  saving: number;
  offline: number;
  conflicts: number;
  invalid: number;
  locked: number;
}

export interface AutosaveOptions {
  interviewId: string;
  /** Drafts are kept per user: another person signing in on this computer does not send them. */
  userId: string;
  transport: AutosaveTransport;
  storage: DraftStorage;
  debounceMs?: number;
  retryMs?: number;
}

/** The empty value of a piece, from its key: `narrative`, `observations`, `q:<question>`, `c:<item>`. */
export function emptyPiece(key: string): PieceValue {
  if (key.startsWith('q:')) return { kind: 'answer', value: {} };
  if (key.startsWith('c:')) return { kind: 'check', done: false, note: '' };
  return { kind: 'text', text: '' };
}

function normalized(value: PieceValue): string {
  if (value.kind !== 'answer') return JSON.stringify(value);
  const entries = Object.entries(value.value).filter(([, v]) => v !== undefined && v !== '' && v !== null).toSorted(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(entries);
}

export function samePiece(a: PieceValue, b: PieceValue): boolean {
  return normalized(a) === normalized(b);
}

interface Draft {
  value: PieceValue;
  version: number;
}

export class AutosaveStore {
  private readonly pieces = new Map<string, PieceState>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly inFlight = new Set<string>();
  private readonly again = new Set<string>();
  private readonly listeners = new Set<() => void>();
  private readonly prefix: string;
  private readonly debounceMs: number;
  private readonly retryMs: number;
  private disposed = false;
  summary: SaveSummary = { pending: 0, saving: 0, offline: 0, conflicts: 0, invalid: 0, locked: 0 };

  constructor(private readonly options: AutosaveOptions) {
    this.prefix = `refugio.interview.${options.userId}.${options.interviewId}.`;
    this.debounceMs = options.debounceMs ?? 700;
    this.retryMs = options.retryMs ?? 4000;
  }

  /**
   * Starts from the server's pieces, then applies the drafts this browser kept: a draft based on
   * the version the server still has is sent again; one the server has moved past since shows
   * as a conflict; one equal to the server's is dropped. Returns how many drafts were restored.
   */
  init(server: Iterable<[string, { value: PieceValue; version: number }]>): number {
    for (const [key, piece] of server) this.pieces.set(key, { ...piece, status: 'saved' });
    let restored = 0;
    for (const [key, draft] of this.drafts()) {
      const current = this.get(key);
      if (samePiece(draft.value, current.value)) {
        this.forget(key);
      } else if (draft.version === current.version) {
        this.pieces.set(key, { value: draft.value, version: current.version, status: 'dirty' });
        this.schedule(key, 0);
        restored += 1;
      } else {
        this.pieces.set(key, { value: draft.value, version: draft.version, status: 'conflict',
          conflict: { value: current.value, version: current.version, updatedBy: null } });
        restored += 1;
      }
    }
    this.changed();
    return restored;
  }

  /** A piece's state; the same object until it changes (React reads it as a snapshot). */
  get(key: string): PieceState {
    let piece = this.pieces.get(key);
    if (!piece) {
      piece = { value: emptyPiece(key), version: 0, status: 'saved' };
      this.pieces.set(key, piece);
    }
    return piece;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The officer typed: kept in this browser at once, sent after a pause. */
  edit(key: string, value: PieceValue): void {
    const piece = this.get(key);
    if (piece.status === 'locked') return;
    const conflicted = piece.status === 'conflict';
    this.pieces.set(key, { ...piece, value, status: conflicted ? 'conflict' : 'dirty', message: undefined });
    this.persist(key);
    if (!conflicted) this.schedule(key, this.debounceMs);
    this.changed();
  }

  /** After a conflict: keep what I typed (saved over the server's version) or take the server's. */
  resolve(key: string, choice: 'mine' | 'theirs'): void {
    const piece = this.get(key);
    if (piece.status !== 'conflict' || !piece.conflict) return;
    if (choice === 'theirs') {
      this.pieces.set(key, { value: piece.conflict.value, version: piece.conflict.version, status: 'saved' });
      this.forget(key);
    } else {
      this.pieces.set(key, { value: piece.value, version: piece.conflict.version, status: 'dirty' });
      this.persist(key);
      this.schedule(key, 0);
    }
    this.changed();
  }

  /** Sends everything waiting now (the connection came back, or the officer leaves the page). */
  flushAll(): void {
    for (const [key, piece] of this.pieces) {
      if (piece.status === 'dirty' || piece.status === 'offline') this.schedule(key, 0);
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.listeners.clear();
  }

  private schedule(key: string, delay: number): void {
    if (this.disposed) return;
    const existing = this.timers.get(key);
    if (existing) clearTimeout(existing);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      void this.flush(key);
    }, delay));
  }

  private async flush(key: string): Promise<void> {
    if (this.inFlight.has(key)) {
      this.again.add(key);
      return;
    }
    const piece = this.get(key);
    if (piece.status !== 'dirty' && piece.status !== 'offline') return;
    const sent = piece.value;
    this.inFlight.add(key);
    this.pieces.set(key, { ...piece, status: 'saving' });
    this.changed();
    let result: SaveResult;
    try {
      result = await this.options.transport.save(key, sent, piece.version);
    } catch {
      result = { kind: 'failed' };
    }
    this.inFlight.delete(key);
    if (this.disposed) return;
    const now = this.get(key);
    const typedSince = !samePiece(now.value, sent);
    switch (result.kind) {
      case 'saved':
        this.pieces.set(key, { value: now.value, version: result.version, status: typedSince ? 'dirty' : 'saved' });
        if (typedSince) {
          this.persist(key);
          this.schedule(key, this.debounceMs);
        } else {
          this.forget(key);
        }
        break;
      case 'conflict':
        if (samePiece(result.value, now.value)) {
          this.pieces.set(key, { value: now.value, version: result.version, status: 'saved' });
          this.forget(key);
        } else {
          this.pieces.set(key, { value: now.value, version: now.version, status: 'conflict',
            conflict: { value: result.value, version: result.version, updatedBy: result.updatedBy } });
        }
        break;
      case 'invalid':
        this.pieces.set(key, { ...now, status: 'invalid', message: { code: result.code, ...(result.params ? { params: result.params } : {}) } });
        break;
      case 'locked':
        this.pieces.set(key, { ...now, status: 'locked', message: { code: result.code } });
        break;
      default:
        // No answer (offline, server unreachable) or an unexpected one: the draft stays here and is retried.
        this.pieces.set(key, { ...now, status: 'offline' });
        this.schedule(key, this.retryMs);
    }
    if (this.again.delete(key)) this.schedule(key, 0);
    this.changed();
  }

  private persist(key: string): void {
    const piece = this.get(key);
    try {
      this.options.storage.setItem(this.prefix + key, JSON.stringify({ value: piece.value, version: piece.version } satisfies Draft));
    } catch {
      // Storage full or refused (private mode): the piece is still sent; only the offline safety net is lost.
    }
  }

  private forget(key: string): void {
    try {
      this.options.storage.removeItem(this.prefix + key);
    } catch {
      // Nothing to forget.
    }
  }

  private drafts(): Array<[string, Draft]> {
    const found: Array<[string, Draft]> = [];
    for (let i = 0; i < this.options.storage.length; i += 1) {
      const storageKey = this.options.storage.key(i);
      if (!storageKey?.startsWith(this.prefix)) continue;
      try {
        const draft = JSON.parse(this.options.storage.getItem(storageKey) ?? '') as Draft;
        if (draft && typeof draft.version === 'number' && draft.value && typeof draft.value === 'object') {
          found.push([storageKey.slice(this.prefix.length), draft]);
        }
      } catch {
        // A draft this version of the page cannot read is left alone.
      }
    }
    return found;
  }

  private changed(): void {
    const summary: SaveSummary = { pending: 0, saving: 0, offline: 0, conflicts: 0, invalid: 0, locked: 0 };
    for (const piece of this.pieces.values()) {
      if (piece.status === 'dirty') summary.pending += 1;
      else if (piece.status === 'saving') summary.saving += 1;
      else if (piece.status === 'offline') summary.offline += 1;
      else if (piece.status === 'conflict') summary.conflicts += 1;
      else if (piece.status === 'invalid') summary.invalid += 1;
      else if (piece.status === 'locked') summary.locked += 1;
    }
    this.summary = summary;
    for (const listener of this.listeners) listener();
  }
}
