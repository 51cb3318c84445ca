/** A civil date as written in Mexico: dd/mm/yyyy (the same in every UI language, no time zone involved). */
export function formatCivilDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : iso;
}

/** "dd/mm/yyyy" or "dd/mm/yyyy – dd/mm/yyyy" for a range. */
export function formatCivilRange(from: string, to: string): string {
  return from === to ? formatCivilDate(from) : `${formatCivilDate(from)} – ${formatCivilDate(to)}`;
}
