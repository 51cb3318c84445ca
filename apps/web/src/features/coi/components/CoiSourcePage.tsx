import { useState } from 'react';
import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { countryName } from '../../../lib/countries.ts';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { can, useMe } from '../../auth/index.ts';
import { coiFileUrl, useCoiSettings, useCoiSource } from '../api/coi.ts';
import { COI_LANGUAGE_LABEL, COI_TOPIC_LABEL } from '../labels.ts';
import { CoiSourceBadges } from './CoiSourceCard.tsx';
import { RetireSourceDialog } from './RetireSourceDialog.tsx';

/** One line of the source's details: a label and its value. */
function dl(label: string, value: string) {
  return <Group gap="xs" wrap="nowrap" align="flex-start"><Text size="sm" fw={600} miw={180}>{label}</Text><Text size="sm">{value}</Text></Group>;
}

/** One source whole: its citation, what it covers, its full excerpt, its PDF and its hash. */
export function CoiSourcePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const source = useCoiSource(id);
  const settings = useCoiSettings();
  const [retiring, setRetiring] = useState(false);
  if (source.isPending) return <LoadingState />;
  if (!source.data) return <ErrorAlert error={source.error} />;
  const s = source.data;
  const mayManage = me.data ? can(me.data, 'manage:coi:all') : false;
  return (
    <>
      <PageHeader title={s.title} description={s.publisher}
        actions={(
          <Group gap="xs">
            <Anchor component={Link} to="/coi">{t('coi.source.back')}</Anchor>
            {mayManage && s.status === 'active' && <Button variant="default" onClick={() => setRetiring(true)}>{t('coi.retire.open')}</Button>}
          </Group>
        )} />
      <Stack>
        <Group gap="xs"><CoiSourceBadges source={s} maxAgeYears={settings.data?.maxAgeYears ?? 0} /></Group>
        <Card withBorder component="section" aria-labelledby="coi-citation-title">
          <Title order={2} size="h4" id="coi-citation-title" mb="xs">{t('coi.card.citation')}</Title>
          <Text>{s.citation}</Text>
        </Card>
        <Card withBorder component="section" aria-labelledby="coi-details-title">
          <Title order={2} size="h4" id="coi-details-title" mb="xs">{t('coi.source.details')}</Title>
          <Stack gap={4}>
            {dl(t('coi.fields.publishedOn'), formatDate(s.publishedOn, language))}
            {dl(t('coi.fields.accessedOn'), formatDate(s.accessedOn, language))}
            {dl(t('coi.fields.language'), t(labelKey(COI_LANGUAGE_LABEL, s.language)))}
            {dl(t('coi.fields.countries'), s.countries.map((c) => countryName(c, language)).join(', '))}
            {dl(t('coi.fields.topics'), s.topics.map((topic) => t(labelKey(COI_TOPIC_LABEL, topic))).join(', ') || '—')}
            {dl(t('coi.source.addedBy'), `${s.createdBy ?? '—'} · ${formatDateTime(s.createdAt, language)}`)}
            {s.url && <Group gap="xs"><Text size="sm" fw={600} miw={180}>{t('coi.fields.url')}</Text><Anchor href={s.url} size="sm" target="_blank" rel="noreferrer">{s.url}</Anchor></Group>}
            {s.file && (
              <Group gap="xs">
                <Text size="sm" fw={600} miw={180}>{t('coi.fields.file')}</Text>
                <Anchor href={coiFileUrl(s.id)} size="sm">{t('coi.card.download', { name: s.file.fileName })}</Anchor>
                <Text size="xs" c="dimmed" ff="monospace">SHA-256 {s.file.sha256}</Text>
              </Group>
            )}
            {s.retiredReason && dl(t('coi.source.retiredReason'), s.retiredReason)}
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="coi-excerpt-title">
          <Title order={2} size="h4" id="coi-excerpt-title" mb="xs">{t('coi.fields.excerpt')}</Title>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>{s.excerpt || t('coi.source.noExcerpt')}</Text>
        </Card>
      </Stack>
      {retiring && <RetireSourceDialog source={s} onClose={() => setRetiring(false)} />}
    </>
  );
}
