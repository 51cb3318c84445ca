/** The label key of a value, or the value itself when unknown (a newer server). */
export function labelKey(map: Record<string, string>, value: string): string {
  return map[value] ?? value;
}
