// The interview's autosave (ADR 025) against a fake server and clock: nothing typed is lost when
// the connection drops or the tab closes, and a save over someone else's newer one is shown, not
// applied.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutosaveStore, type AutosaveTransport, type DraftStorage, type PieceValue, type SaveResult } from './autosave-store.ts';

class MemoryStorage implements DraftStorage {
  private readonly items = new Map<string, string>();
  getItem(key: string) { return this.items.get(key) ?? null; }
  setItem(key: string, value: string) { this.items.set(key, value); }
  removeItem(key: string) { this.items.delete(key); }
  get length() { return this.items.size; }
  key(index: number) { return [...this.items.keys()][index] ?? null; }
}

/** A server holding one version per piece; `online` false answers like a dropped connection. */
class FakeServer implements AutosaveTransport {
  online = true;
  readonly pieces = new Map<string, { value: PieceValue; version: number }>();
  readonly calls: Array<{ key: string; version: number }> = [];
  async save(key: string, value: PieceValue, version: number): Promise<SaveResult> {
    this.calls.push({ key, version });
    if (!this.online) return { kind: 'network' };
    const current = this.pieces.get(key) ?? { value, version: 0 };
    if (current.version !== version) return { kind: 'conflict', value: current.value, version: current.version, updatedBy: 'Otra pestaña' };
    this.pieces.set(key, { value, version: version + 1 });
    return { kind: 'saved', version: version + 1 };
  }
}

const text = (t: string): PieceValue => ({ kind: 'text', text: t });
let storage: MemoryStorage;
let server: FakeServer;
const newStore = () => new AutosaveStore({ interviewId: 'i1', userId: 'u1', transport: server, storage, debounceMs: 500, retryMs: 2000 });

beforeEach(() => {
  vi.useFakeTimers();
  storage = new MemoryStorage();
  server = new FakeServer();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('autosave', () => {
  it('keeps each change in the browser at once and sends it after a pause, then forgets the draft', async () => {
    const store = newStore();
    store.init([]);
    store.edit('narrative', text('Salí en enero'));
    expect(store.get('narrative').status).toBe('dirty');
    expect(storage.length).toBe(1);
    store.edit('narrative', text('Salí en enero de 2025'));
    await vi.advanceTimersByTimeAsync(499);
    expect(server.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(server.calls).toEqual([{ key: 'narrative', version: 0 }]);
    expect(store.get('narrative')).toMatchObject({ status: 'saved', version: 1 });
    expect(server.pieces.get('narrative')?.value).toEqual(text('Salí en enero de 2025'));
    expect(storage.length).toBe(0);
  });

  it('waits without a connection, says so, and sends when it comes back', async () => {
    const store = newStore();
    store.init([]);
    server.online = false;
    store.edit('q:temor', { kind: 'answer', value: { text: 'Amenazas' } });
    await vi.advanceTimersByTimeAsync(500);
    expect(store.get('q:temor').status).toBe('offline');
    expect(store.summary.offline).toBe(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(store.get('q:temor').status).toBe('offline');
    server.online = true;
    store.flushAll();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.get('q:temor')).toMatchObject({ status: 'saved', version: 1 });
  });

  it('sends a closed tab\'s drafts when the interview is opened again', async () => {
    const first = newStore();
    first.init([]);
    first.edit('q:ruta', { kind: 'answer', value: { text: 'Guatemala' } });
    first.dispose();
    expect(server.calls).toEqual([]);
    const reopened = newStore();
    expect(reopened.init([])).toBe(1);
    expect(reopened.get('q:ruta').value).toEqual({ kind: 'answer', value: { text: 'Guatemala' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pieces.get('q:ruta')).toEqual({ value: { kind: 'answer', value: { text: 'Guatemala' } }, version: 1 });
    expect(storage.length).toBe(0);
  });

  it('shows a conflict instead of overwriting a newer save, and lets the officer choose', async () => {
    server.pieces.set('narrative', { value: text('Versión de la otra pestaña'), version: 3 });
    const store = newStore();
    store.init([['narrative', { value: text('Versión vieja'), version: 2 }]]);
    store.edit('narrative', text('Mi versión'));
    await vi.advanceTimersByTimeAsync(500);
    expect(store.get('narrative')).toMatchObject({
      status: 'conflict', value: text('Mi versión'), conflict: { value: text('Versión de la otra pestaña'), version: 3, updatedBy: 'Otra pestaña' },
    });
    expect(server.pieces.get('narrative')?.value).toEqual(text('Versión de la otra pestaña'));
    expect(storage.length).toBe(1);
    store.resolve('narrative', 'mine');
    await vi.advanceTimersByTimeAsync(0);
    expect(server.pieces.get('narrative')).toEqual({ value: text('Mi versión'), version: 4 });
    expect(store.get('narrative')).toMatchObject({ status: 'saved', version: 4 });
  });

  it('turns a draft the server moved past while the tab was closed into a conflict', () => {
    storage.setItem('refugio.interview.u1.i1.observations', JSON.stringify({ value: text('Borrador local'), version: 1 }));
    const store = newStore();
    expect(store.init([['observations', { value: text('Guardado desde otro equipo'), version: 2 }]])).toBe(1);
    expect(store.get('observations')).toMatchObject({ status: 'conflict', value: text('Borrador local'), conflict: { version: 2 } });
    store.resolve('observations', 'theirs');
    expect(store.get('observations')).toMatchObject({ status: 'saved', value: text('Guardado desde otro equipo'), version: 2 });
    expect(storage.length).toBe(0);
  });

  it('keeps another user\'s drafts out of this user\'s interview', () => {
    storage.setItem('refugio.interview.u2.i1.narrative', JSON.stringify({ value: text('De otra persona'), version: 0 }));
    const store = newStore();
    expect(store.init([])).toBe(0);
    expect(store.get('narrative').value).toEqual(text(''));
  });
});
