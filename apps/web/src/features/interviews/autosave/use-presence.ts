import { useEffect, useRef, useState } from 'react';
import type { TPresenceAnswer } from '@refugio/domain';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { touchPresence } from '../api/interviews.ts';

const HEARTBEAT_MS = 20_000;

/**
 * Which other tabs or devices have this interview open (ADR 025): a heartbeat to the server
 * (other devices, other people) and a storage event between this browser's tabs (at once). A second
 * tab is told; its saves still cannot overwrite the first one's in silence.
 */
export function usePresence(interviewId: string | undefined, enabled: boolean): { others: TPresenceAnswer['others']; otherTab: boolean } {
  const editorId = useRef(newIdempotencyKey());
  const [others, setOthers] = useState<TPresenceAnswer['others']>([]);
  const [otherTab, setOtherTab] = useState(false);
  useEffect(() => {
    if (!interviewId || !enabled) return undefined;
    let stopped = false;
    const beat = () => {
      touchPresence(interviewId, editorId.current).then((answer) => { if (!stopped) setOthers(answer.others); }, () => undefined);
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    // Tabs of this browser tell each other at once through a storage event (other devices learn it from the heartbeat).
    const me = editorId.current;
    const signalKey = `refugio.interview-presence.${interviewId}`;
    const signal = (type: 'opened' | 'here' | 'closed') => {
      try {
        window.localStorage.setItem(signalKey, JSON.stringify({ type, from: me, at: Date.now() }));
      } catch {
        // Storage refused: the heartbeat still tells.
      }
    };
    const onSignal = (event: StorageEvent) => {
      if (event.key !== signalKey || !event.newValue) return;
      try {
        const data = JSON.parse(event.newValue) as { type: string; from: string };
        if (data.from === me) return;
        setOtherTab(data.type !== 'closed');
        if (data.type === 'opened') signal('here');
      } catch {
        // Not a signal of ours.
      }
    };
    window.addEventListener('storage', onSignal);
    signal('opened');
    return () => {
      stopped = true;
      clearInterval(timer);
      signal('closed');
      window.removeEventListener('storage', onSignal);
    };
  }, [interviewId, enabled]);
  return { others, otherTab };
}
