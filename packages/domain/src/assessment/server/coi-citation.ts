/**
 * How a decision cites a COI source (ADR 029), in the reader's language. Server side: it reads the
 * catalogs of all three languages at once, which the web app does not download together.
 */
import { translate } from '../../i18n/catalogs.ts';
import type { Language } from '../../shared/limits.ts';
import { longDate, type CitableSource } from '../coi.rules.ts';

export interface CitationOptions {
  /** Marks the citation when the source is older than the authority's limit. */
  outdated?: { maxAgeYears: number } | false;
}

/**
 * The citation a decision prints for a source: publisher, title, date of publication, URL and
 * date accessed, in that order (EUAA COI report methodology, referencing; a reader must be able to
 * find the same text again), marked when the source is older than the authority's limit.
 */
export function formatCoiCitation(source: CitableSource, language: Language, options: CitationOptions = {}): string {
  const params = {
    publisher: source.publisher.trim(), title: source.title.trim(), published: longDate(source.publishedOn, language),
    accessed: longDate(source.accessedOn, language), url: source.url ?? '',
  };
  const text = translate(language, source.url ? 'coi.citation.withUrl' : 'coi.citation.withoutUrl', params);
  return options.outdated ? `${text} ${translate(language, 'coi.citation.outdated', { years: options.outdated.maxAgeYears })}` : text;
}
