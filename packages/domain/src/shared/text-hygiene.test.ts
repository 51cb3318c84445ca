import { describe, expect, it } from 'vitest';
import { isStorableText, unstorableTextPaths } from './text-hygiene.ts';

describe('text the database can store', () => {
  it('accepts accents, emoji (a surrogate pair) and control characters other than NUL', () => {
    for (const text of ['', 'José Núñez', 'Ça va 😀', 'tab\tand\nnewline', '\u0001', 'ﬁ']) expect(isStorableText(text), text).toBe(true);
  });

  it('refuses NUL and a surrogate without its pair, wherever it sits', () => {
    for (const text of ['\u0000', 'a\u0000b', '\uD800', 'x\uD83D', '\uDE00y', 'a\uDE00\uD83D']) expect(isStorableText(text), JSON.stringify(text)).toBe(false);
  });

  it('names every bad string and key by its dotted path', () => {
    const value = {
      fine: 'ok', name: 'a\u0000', offices: ['x', '\uD800'], nested: { deep: { note: 'b\u0000' } }, ['k\u0000']: 1, n: 5, flag: null,
    };
    expect(unstorableTextPaths(value)).toEqual(['name', 'offices.1', 'nested.deep.note', 'k\uFFFD']);
    expect(unstorableTextPaths('\u0000', 'params:code')).toEqual(['params:code']);
    expect(unstorableTextPaths({ a: 'clean', b: [1, 2, { c: 'ok' }] })).toEqual([]);
  });
});
