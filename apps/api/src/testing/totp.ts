import { vi } from 'vitest';
import { currentTotpCode } from '@refugio/domain/server';

/** The codes an authenticator shows from a minute ago to a minute ahead (the server accepts ±30 s). */
async function codesAround(secret: string): Promise<Set<string>> {
  const now = Date.now();
  const codes = new Set<string>();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    for (const offset of [-60_000, -30_000, 0, 30_000, 60_000]) {
      vi.setSystemTime(now + offset);
      codes.add(await currentTotpCode(secret));
    }
  } finally {
    vi.useRealTimers();
  }
  return codes;
}

/** A six-digit code that no nearby time window accepts, so "wrong code" cannot pass by luck. */
export async function wrongTotpCode(secret: string): Promise<string> {
  const valid = await codesAround(secret);
  for (let n = 0; ; n++) {
    const candidate = String(n).padStart(6, '0');
    if (!valid.has(candidate)) return candidate;
  }
}

/**
 * The code of the next time step: the server accepts one step of drift, and a code of a step
 * already used (by the enrolment's confirmation, say) is refused as a replay (RFC 6238 §5.2).
 */
export async function nextTotpCode(secret: string): Promise<string> {
  const now = Date.now();
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(now + 30_000);
    return await currentTotpCode(secret);
  } finally {
    vi.useRealTimers();
  }
}

/** The code of a given RFC 6238 time step (30-second steps from the Unix epoch). */
export async function totpCodeAtStep(secret: string, step: number): Promise<string> {
  vi.useFakeTimers({ toFake: ['Date'] });
  try {
    vi.setSystemTime(step * 30_000 + 1_000);
    return await currentTotpCode(secret);
  } finally {
    vi.useRealTimers();
  }
}
