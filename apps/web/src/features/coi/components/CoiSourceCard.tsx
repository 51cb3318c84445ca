import type { ReactNode } from 'react';
import { Anchor, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TCoiSource } from '@refugio/domain';
import { countryName } from '../../../lib/countries.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { coiFileUrl } from '../api/coi.ts';
import { COI_TOPIC_LABEL } from '../labels.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** The marks a source carries wherever it is shown: older than the authority's limit, retired. */
export function CoiSourceBadges({ source, maxAgeYears }: { source: Pick<TCoiSource, 'outdated' | 'status'>; maxAgeYears: number }) {
  const { t } = useTranslation();
  return (
    <>
      {source.outdated && <StateBadge tone="warning">{t('coi.outdated', { years: maxAgeYears })}</StateBadge>}
      {source.status === 'retired' && <StateBadge tone="neutral">{t('coi.retired')}</StateBadge>}
    </>
  );
}

/** One source as the library lists it: what it is, its marks, its excerpt and the citation a decision would print. */
export function CoiSourceCard({ source, maxAgeYears, actions }: { source: TCoiSource; maxAgeYears: number; actions?: ReactNode }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap={4} data-coi-source={source.id}>
      <Group gap="xs" wrap="wrap">
        <Anchor component={Link} to={`/coi/${source.id}`} fw={600}>{source.title}</Anchor>
        <CoiSourceBadges source={source} maxAgeYears={maxAgeYears} />
      </Group>
      <Text size="sm">
        {t('coi.card.byline', { publisher: source.publisher, date: formatDate(source.publishedOn, language) })}
        {' · '}{source.countries.map((c) => countryName(c, language)).join(', ')}
      </Text>
      {source.topics.length > 0 && (
        <Group gap={4}>
          {source.topics.map((topic) => <StateBadge tone="info" look="outline" key={topic}>{t(labelKey(COI_TOPIC_LABEL, topic))}</StateBadge>)}
        </Group>
      )}
      {source.excerpt && <Text size="sm" lineClamp={4}>{source.excerpt}</Text>}
      <Text size="xs" c="dimmed">{t('coi.card.citation')}: {source.citation}</Text>
      <Group gap="sm">
        {source.file && <Anchor href={coiFileUrl(source.id)} size="sm">{t('coi.card.download', { name: source.file.fileName })}</Anchor>}
        {source.retiredReason && <Text size="xs">{t('coi.card.retiredReason', { reason: source.retiredReason })}</Text>}
        {actions}
      </Group>
    </Stack>
  );
}
