import { useState, type FormEvent } from 'react';
import { Button, Card, Checkbox, Divider, Group, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { COI_TOPICS, type TCoiSource } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { countryOptions } from '../../../lib/countries.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { can, useMe } from '../../auth/index.ts';
import { useCoiSearch, useCoiSettings, type CoiSearch } from '../api/coi.ts';
import { COI_TOPIC_LABEL } from '../labels.ts';
import { CoiSettingsCard } from './CoiSettingsCard.tsx';
import { CoiSourceCard } from './CoiSourceCard.tsx';
import { CoiSourceForm } from './CoiSourceForm.tsx';
import { RetireSourceDialog } from './RetireSourceDialog.tsx';

/** Sources per page of results. */
const PAGE = 25;
const EMPTY = { q: '', country: '', topic: '', publishedFrom: '', publishedTo: '', includeRetired: false };

/**
 * The country-of-origin information library (ADR 029): searched in Spanish and English, filtered by
 * country, topic and date; each source marked when older than the authority's limit, with the
 * citation a decision prints. Officers add sources; whoever curates retires them and sets the limit.
 */
export function CoiLibraryPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const [draft, setDraft] = useState(EMPTY);
  const [search, setSearch] = useState<CoiSearch>({});
  const [adding, setAdding] = useState(false);
  const [retiring, setRetiring] = useState<TCoiSource | null>(null);
  const [offset, setOffset] = useState(0);
  const results = useCoiSearch({ ...search, limit: PAGE, offset });
  const settings = useCoiSettings();
  const mayCreate = me.data ? can(me.data, 'create:coi:all') : false;
  const mayManage = me.data ? can(me.data, 'manage:coi:all') : false;
  const set = <K extends keyof typeof EMPTY>(key: K, value: (typeof EMPTY)[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setOffset(0);
    setSearch(Object.fromEntries(Object.entries(draft).filter(([, v]) => v !== '' && v !== false)) as CoiSearch);
  };
  return (
    <>
      <PageHeader title={t('coi.page.title')} description={t('coi.page.intro')}
        actions={mayCreate && <Button onClick={() => setAdding(true)}>{t('coi.page.add')}</Button>} />
      <Stack>
        <Card withBorder component="section" aria-labelledby="coi-search-title">
          <Title order={2} size="h4" id="coi-search-title" mb="sm">{t('coi.search.title')}</Title>
          <form onSubmit={submit} role="search" aria-label={t('coi.search.title')}>
            <Stack gap="sm">
              <TextInput label={t('coi.search.words')} description={t('coi.search.wordsHint')} value={draft.q} onChange={(e) => set('q', e.currentTarget.value)} />
              <Group grow align="flex-end" wrap="wrap">
                <NativeSelect label={t('coi.fields.country')} value={draft.country} onChange={(e) => set('country', e.currentTarget.value)}
                  data={[{ value: '', label: t('coi.search.any') }, ...countryOptions(language)]} />
                <NativeSelect label={t('coi.fields.topic')} value={draft.topic} onChange={(e) => set('topic', e.currentTarget.value)}
                  data={[{ value: '', label: t('coi.search.any') }, ...COI_TOPICS.map((topic) => ({ value: topic, label: t(labelKey(COI_TOPIC_LABEL, topic)) }))]} />
                <TextInput type="date" label={t('coi.search.publishedFrom')} value={draft.publishedFrom} onChange={(e) => set('publishedFrom', e.currentTarget.value)} />
                <TextInput type="date" label={t('coi.search.publishedTo')} value={draft.publishedTo} onChange={(e) => set('publishedTo', e.currentTarget.value)} />
              </Group>
              <Group justify="space-between">
                <Checkbox label={t('coi.search.includeRetired')} checked={draft.includeRetired} onChange={(e) => set('includeRetired', e.currentTarget.checked)} />
                <Button type="submit">{t('coi.search.submit')}</Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card withBorder component="section" aria-labelledby="coi-results-title">
          <Title order={2} size="h4" id="coi-results-title" mb="xs">{t('coi.results.title')}</Title>
          {results.isPending ? <LoadingState /> : !results.data ? <ErrorAlert error={results.error} /> : (
            <Stack gap="md">
              <Text size="sm" role="status">
                {t(results.data.more ? 'coi.results.countMore' : 'coi.results.count', { count: results.data.total })}
              </Text>
              {results.data.items.map((source, index) => (
                <div key={source.id}>
                  {index > 0 && <Divider mb="md" />}
                  <CoiSourceCard source={source} maxAgeYears={results.data.maxAgeYears} actions={mayManage && source.status === 'active' && (
                    <Button size="compact-sm" variant="default" onClick={() => setRetiring(source)}
                      aria-label={t('coi.retire.openFor', { title: source.title })}>{t('coi.retire.open')}</Button>
                  )} />
                </div>
              ))}
              {results.data.total > PAGE && (
                <Group justify="space-between" component="nav" aria-label={t('coi.results.pages')}>
                  <Button variant="default" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                    {t('coi.results.previous')}
                  </Button>
                  <Text size="sm">
                    {t('coi.results.range', { from: offset + 1, to: offset + results.data.items.length, total: results.data.total })}
                  </Text>
                  <Button variant="default" disabled={offset + PAGE >= results.data.total} onClick={() => setOffset(offset + PAGE)}>
                    {t('coi.results.next')}
                  </Button>
                </Group>
              )}
            </Stack>
          )}
        </Card>
        {settings.data && <CoiSettingsCard key={settings.data.version} settings={settings.data} mayManage={mayManage} />}
      </Stack>
      {adding && <CoiSourceForm onClose={() => setAdding(false)} />}
      {retiring && <RetireSourceDialog source={retiring} onClose={() => setRetiring(null)} />}
    </>
  );
}
