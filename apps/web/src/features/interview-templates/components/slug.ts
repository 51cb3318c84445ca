/** An id for a new item or option from its text: lowercase ASCII, underscores, a short random tail so it stays unique. */
export function newItemId(text: string): string {
  const base = text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40);
  const tail = Math.random().toString(36).slice(2, 7);
  return `${/^[a-z]/.test(base) ? base : `p_${base}`}_${tail}`.replace(/_+/g, '_');
}
