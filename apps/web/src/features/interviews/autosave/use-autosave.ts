import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import type { TInterview } from '@refugio/domain';
import { AutosaveStore, type PieceState, type SaveSummary } from './autosave-store.ts';
import { apiTransport, piecesOf } from './transport.ts';

/**
 * One autosave store per opened interview: started from the record and this browser's drafts,
 * flushed when the connection comes back and when the page is hidden (a closed tab keeps its
 * drafts in storage either way).
 */
export function useAutosave(record: TInterview | undefined, userId: string | undefined): { store: AutosaveStore | null; restored: number } {
  const [state, setState] = useState<{ store: AutosaveStore | null; restored: number }>({ store: null, restored: 0 });
  const id = record?.id;
  // The store is made once per interview and user: later refetches of the record do not reset what is being typed.
  const latest = useRef(record);
  useEffect(() => {
    latest.current = record;
  }, [record]);
  useEffect(() => {
    const initial = latest.current;
    if (!id || !initial || !userId) return undefined;
    const store = new AutosaveStore({ interviewId: id, userId, transport: apiTransport(id), storage: window.localStorage });
    const restored = store.init(piecesOf(initial));
    setState({ store, restored });
    const flush = () => store.flushAll();
    const hidden = () => { if (document.visibilityState === 'hidden') store.flushAll(); };
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      store.dispose();
    };
  }, [id, userId]);
  return state;
}

const NO_PIECE: PieceState = { value: { kind: 'text', text: '' }, version: 0, status: 'saved' };

export function usePiece(store: AutosaveStore | null, key: string): PieceState {
  return useSyncExternalStore(
    (listener) => store?.subscribe(listener) ?? (() => undefined),
    () => store?.get(key) ?? NO_PIECE,
  );
}

const NO_SUMMARY: SaveSummary = { pending: 0, saving: 0, offline: 0, conflicts: 0, invalid: 0, locked: 0 };

export function useSaveSummary(store: AutosaveStore | null): SaveSummary {
  return useSyncExternalStore(
    (listener) => store?.subscribe(listener) ?? (() => undefined),
    () => store?.summary ?? NO_SUMMARY,
  );
}
