/** The shape of a catalog: one `translation` tree whose top-level keys are the JSON sections. */
export type Catalog = { [key: string]: string | Catalog };

/** Flattens a catalog to dotted keys, for lookups and for the completeness test. */
export function flattenCatalog(catalog: Catalog, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flattenCatalog(value, path)) out.set(k, v);
  }
  return out;
}
