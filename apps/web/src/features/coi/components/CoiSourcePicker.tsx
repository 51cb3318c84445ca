import { useState } from 'react';
import { Group, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useCoiSearch } from '../api/coi.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

interface Props {
  value: string | null;
  onChange: (sourceId: string) => void;
  error?: string | undefined;
  /** Narrows the first results to the claim's countries. */
  country?: string | undefined;
}

/** Finds a library source to cite: words in Spanish or English, the ten best, each with its age mark. */
export function CoiSourcePicker({ value, onChange, error, country }: Props) {
  const { t } = useTranslation();
  const [words, setWords] = useState('');
  const [q] = useDebouncedValue(words.trim(), 300);
  const results = useCoiSearch({ ...(q ? { q } : {}), ...(country && !q ? { country } : {}), limit: 10 });
  return (
    <Stack gap="xs">
      <TextInput label={t('coi.picker.search')} description={t('coi.picker.hint')} value={words} onChange={(e) => setWords(e.currentTarget.value)} />
      <Radio.Group label={t('coi.picker.source')} withAsterisk value={value ?? ''} onChange={onChange} error={error}>
        <Stack gap={6} mt={4}>
          {(results.data?.items ?? []).map((source) => (
            <Radio key={source.id} value={source.id} label={(
              <Group gap={6} wrap="wrap">
                <Text size="sm">{source.title}</Text>
                <Text size="xs" c="dimmed">{source.publisher} · {source.publishedOn}</Text>
                {source.outdated && <StateBadge tone="warning" size="sm">{t('coi.outdated', { years: results.data!.maxAgeYears })}</StateBadge>}
              </Group>
            )} />
          ))}
          {results.data && results.data.items.length === 0 && <Text size="sm" c="dimmed">{t('coi.picker.none')}</Text>}
        </Stack>
      </Radio.Group>
    </Stack>
  );
}
