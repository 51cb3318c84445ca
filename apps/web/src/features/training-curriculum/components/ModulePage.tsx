import type { ReactNode } from 'react';
import { Anchor, Button, Card, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { TCurriculumModule } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { currentLanguage } from '../../../lib/i18n.ts';
import { roleLabel } from '../../../lib/role-label.ts';
import { FORMAT_LABEL, LEVEL_LABEL } from '../../../lib/training-labels.ts';
import { can, useMe } from '../../auth/index.ts';
import { useCompetencies, useGuides, useModule } from '../api/training-curriculum.ts';
import { GuideLink } from './GuideLink.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack gap={2}>
      <Text fw={700} size="sm" component="dt">{label}</Text>
      <Text size="sm" component="dd" m={0}>{children}</Text>
    </Stack>
  );
}

function CompletionRule({ module }: { module: TCurriculumModule }) {
  const { t } = useTranslation();
  const { online, attendance, attendancePct, passMark } = module.completionRule;
  const parts = [
    online && t('training.module.ruleOnline'),
    attendance && t('training.module.ruleAttendance', { pct: attendancePct }),
    passMark !== null && t('training.module.rulePassMark', { mark: passMark }),
  ].filter(Boolean);
  return <>{parts.join(' · ')}</>;
}

/** One module as the curriculum defines it, with its practical guides. */
export function ModulePage() {
  const { t } = useTranslation();
  const { id } = useParams();
  const me = useMe();
  const language = currentLanguage();
  const competencies = useCompetencies();
  const guides = useGuides({ history: false, moduleId: id });
  const { data: module, error, isPending } = useModule(id);
  if (isPending) return <LoadingState />;
  if (!module) return <ErrorAlert error={error} />;
  const titleOf = (code: string) => competencies.data?.find((c) => c.code === code)?.title ?? code;
  const route = module.experienceRoute;
  return (
    <Stack>
      <PageHeader
        title={`${module.code} · ${module.title[language] || module.title['es-MX']}`}
        description={module.description[language] || module.description['es-MX'] || undefined}
        actions={me.data && can(me.data, 'manage:training:institution') && (
          <Button component={Link} to={`/training/catalogue/${module.id}/edit`}>{t('common.edit')}</Button>
        )}
      />
      {!module.active && <StateBadge tone="neutral" look="outline">{t('common.inactive')}</StateBadge>}
      <Card withBorder>
        <SimpleGrid cols={{ base: 1, sm: 3 }} component="dl" m={0}>
          <Fact label={t('training.fields.level')}>{t(LEVEL_LABEL[module.level])}</Fact>
          <Fact label={t('training.fields.formats')}>{module.formats.map((f) => t(FORMAT_LABEL[f])).join(', ')}</Fact>
          <Fact label={t('training.fields.targetGroups')}>{module.targetGroups.map((g) => roleLabel(t, g)).join(', ') || '—'}</Fact>
          <Fact label={t('training.fields.workload')}>{t('training.catalogue.workload', { hours: module.onlineHours, days: module.faceToFaceDays })}</Fact>
          <Fact label={t('training.fields.validity')}>
            {module.validityMonths ? t('training.catalogue.months', { months: module.validityMonths }) : t('training.catalogue.noExpiry')}
          </Fact>
          <Fact label={t('training.fields.completionRule')}><CompletionRule module={module} /></Fact>
          <Fact label={t('training.fields.confers')}>{module.competencies.map(titleOf).join(', ') || '—'}</Fact>
          <Fact label={t('training.fields.requires')}>{module.prerequisites.map(titleOf).join(', ') || '—'}</Fact>
          <Fact label={t('training.fields.experienceRoute')}>
            {route ? t('training.module.route', { months: route.months, roles: route.roles.map((r) => roleLabel(t, r)).join(', ') }) : '—'}
          </Fact>
        </SimpleGrid>
      </Card>
      <Card withBorder component="section" aria-labelledby="module-guides">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4" id="module-guides">{t('training.module.guides')}</Title>
          <Anchor component={Link} to="/training/guides" size="sm">{t('training.module.library')}</Anchor>
        </Group>
        {guides.data && guides.data.length === 0 && <Text size="sm">{t('training.module.noGuides')}</Text>}
        <List spacing="xs">
          {guides.data?.map((g) => <List.Item key={g.id}><GuideLink guide={g} /></List.Item>)}
        </List>
      </Card>
    </Stack>
  );
}
