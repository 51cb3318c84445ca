import { useEffect, useRef, useState } from 'react';
import type { TPresenceAnswer } from '@refugio/domain';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { touchPresence } from '../api/interviews.ts';

const HEARTBEAT_MS = 20_000;

/**
 * Which other tabs or devices have this interview open (ADR 025): a heartbeat to the server
 * (other devices, other people) and a message between this browser's tabs (at once). A second
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
    const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(`refugio-interview-${interviewId}`) : null;
    if (channel) {
      channel.onmessage = (event: MessageEvent<{ type: string; from: string }>) => {
        if (event.data.from === editorId.current) return;
        setOtherTab(event.data.type !== 'closed');
        if (event.data.type === 'opened') channel.postMessage({ type: 'here', from: editorId.current });
      };
      channel.postMessage({ type: 'opened', from: editorId.current });
    }
    return () => {
      stopped = true;
      clearInterval(timer);
      channel?.postMessage({ type: 'closed', from: editorId.current });
      channel?.close();
    };
  }, [interviewId, enabled]);
  return { others, otherTab };
}
