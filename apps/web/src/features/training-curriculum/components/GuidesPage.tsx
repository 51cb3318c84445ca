import { useState } from 'react';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language, type TGuide } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { LANGUAGE_LABEL } from '../../../lib/language-label.ts';
import { can, useMe } from '../../auth/index.ts';
import { useTrainingModules } from '../api/training-curriculum.ts';
import { useGuides } from '../api/training-curriculum.ts';
import { GuideLink } from './GuideLink.tsx';
import { GuideModulesDialog } from './GuideModulesDialog.tsx';
import { GuideVersionDialog, type GuideVersionTarget } from './GuideVersionDialog.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

/** Which dialog is open: a new guide or version (with its target), or a guide's modules. */
type Dialog = { kind: 'version'; target: GuideVersionTarget | null } | { kind: 'modules'; guide: TGuide } | null;

const sizeInKb = (bytes: number) => Math.max(1, Math.round(bytes / 1024));

/** The practical guides sent before training: latest version per language, history on request. */
export function GuidesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const modules = useTrainingModules();
  const [filter, setFilter] = useState<{ history: boolean; language: Language | ''; moduleId: string }>({ history: false, language: '', moduleId: '' });
  const guides = useGuides({ history: filter.history, language: filter.language || undefined, moduleId: filter.moduleId || undefined });
  const [dialog, setDialog] = useState<Dialog>(null);
  const mayManage = me.data ? can(me.data, 'manage:training:institution') : false;
  const all = { value: '', label: t('common.all') };
  return (
    <Stack>
      <PageHeader
        title={t('training.guides.title')} description={t('training.guides.description')}
        actions={mayManage && <Button onClick={() => setDialog({ kind: 'version', target: null })}>{t('training.guides.add')}</Button>}
      />
      <SimpleGrid cols={{ base: 1, sm: 3 }} role="search" aria-label={t('training.guides.filters')}>
        <NativeSelect label={t('common.language')} value={filter.language}
          data={[all, ...LANGUAGES.map((l) => ({ value: l, label: t(LANGUAGE_LABEL[l]) }))]}
          onChange={(e) => setFilter({ ...filter, language: e.currentTarget.value as Language | '' })} />
        <NativeSelect label={t('training.fields.module')} value={filter.moduleId}
          data={[all, ...(modules.data ?? []).map((m) => ({ value: m.id, label: `${m.code} · ${m.title}` }))]}
          onChange={(e) => setFilter({ ...filter, moduleId: e.currentTarget.value })} />
        <Checkbox mt={{ sm: 'xl' }} label={t('training.guides.history')} checked={filter.history}
          onChange={(e) => setFilter({ ...filter, history: e.currentTarget.checked })} />
      </SimpleGrid>
      {guides.isPending && <LoadingState />}
      <ErrorAlert error={guides.error} />
      {guides.data && (
        <Table.ScrollContainer minWidth={900}>
          <Table striped withTableBorder>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('training.fields.guideCode')}</Table.Th>
                <Table.Th scope="col">{t('training.fields.guideTitle')}</Table.Th>
                <Table.Th scope="col">{t('training.guides.format')}</Table.Th>
                <Table.Th scope="col">{t('training.guides.modules')}</Table.Th>
                <Table.Th scope="col">{t('training.guides.addedOn')}</Table.Th>
                {mayManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {guides.data.length === 0 && (
                <Table.Tr><Table.Td colSpan={mayManage ? 6 : 5}>{t('common.noResults')}</Table.Td></Table.Tr>
              )}
              {guides.data.map((g) => (
                <Table.Tr key={g.id}>
                  <Table.Th scope="row"><Text size="sm" ff="monospace">{g.code}</Text></Table.Th>
                  <Table.Td>
                    <GuideLink guide={g} />
                    {!g.latest && <StateBadge tone="neutral" look="outline" ml="xs">{t('training.guides.superseded')}</StateBadge>}
                  </Table.Td>
                  <Table.Td>{g.kind === 'file' ? t('training.guides.pdfSize', { kb: sizeInKb(g.sizeBytes ?? 0) }) : t('training.guides.kindLink')}</Table.Td>
                  <Table.Td>{g.modules.map((m) => m.code).join(', ') || '—'}</Table.Td>
                  <Table.Td>{formatDate(g.createdAt, language)}{g.createdBy && <Text size="xs">{g.createdBy}</Text>}</Table.Td>
                  {mayManage && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="default" aria-label={t('training.guides.newVersionNamed', { code: g.code, language: t(LANGUAGE_LABEL[g.language]) })}
                          onClick={() => setDialog({ kind: 'version', target: { code: g.code, language: g.language, title: g.title } })}>
                          {t('training.guides.newVersion')}
                        </Button>
                        <Button size="xs" variant="default" aria-label={t('training.guides.modulesOf', { code: g.code })}
                          onClick={() => setDialog({ kind: 'modules', guide: g })}>
                          {t('training.guides.modules')}
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {dialog?.kind === 'version' && <GuideVersionDialog opened target={dialog.target} onClose={() => setDialog(null)} />}
      {dialog?.kind === 'modules' && (
        <GuideModulesDialog opened code={dialog.guide.code} onClose={() => setDialog(null)}
          linkedIds={(guides.data?.find((g) => g.code === dialog.guide.code)?.modules ?? dialog.guide.modules).map((m) => m.id)} />
      )}
    </Stack>
  );
}
