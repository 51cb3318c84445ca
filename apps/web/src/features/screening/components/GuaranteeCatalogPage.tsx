import { useState } from 'react';
import { Button, Card, Checkbox, Group, Modal, NativeSelect, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, VULNERABILITY_CATEGORIES, type TGuaranteeCatalog } from '@refugio/domain';
import { can, useMe } from '../../auth/index.ts';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { useFieldErrorMap } from '../../../lib/use-field-error-map.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';
import {
  createGuaranteeRule, GUARANTEE_CATALOG_KEY, updateGuaranteeRule, updateGuaranteeType, useGuaranteeCatalog,
} from '../api/screening.ts';

type GuaranteeType = TGuaranteeCatalog['types'][number];

function EditType({ type, onClose }: { type: GuaranteeType; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [source, setSource] = useState(type.source);
  const [governs, setGoverns] = useState(type.governsInterview);
  const save = useMutation({
    mutationFn: () => updateGuaranteeType(type.code, { version: type.version, source: source.trim(), governsInterview: governs }),
    onSuccess: () => { notifySuccess(t('screening.catalogue.saved')); onClose(); },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: GUARANTEE_CATALOG_KEY }),
  });
  const error = useFieldErrorMap(save.error);
  return (
    <Modal opened onClose={onClose} title={t('screening.catalogue.editType', { title: type.title })}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ErrorAlert error={save.error} fields={['source', 'governsInterview']} />
          <Textarea label={t('screening.catalogue.source')} required autosize minRows={3} maxLength={LIMITS.reasonMax} value={source}
            error={error('source')} onChange={(e) => setSource(e.currentTarget.value)} />
          <Checkbox label={t('screening.catalogue.governs')} checked={governs} onChange={(e) => setGoverns(e.currentTarget.checked)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" loading={save.isPending}>{t('common.save')}</Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function AddRule({ types }: { types: GuaranteeType[] }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [needCode, setNeedCode] = useState('');
  const [guaranteeCode, setGuaranteeCode] = useState('');
  const save = useMutation({
    mutationFn: () => { const body = { needCode, guaranteeCode }; return createGuaranteeRule(body, keyFor(body)); },
    onSuccess: () => { notifySuccess(t('screening.catalogue.saved')); setNeedCode(''); setGuaranteeCode(''); },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: GUARANTEE_CATALOG_KEY }),
  });
  const error = useFieldErrorMap(save.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }} aria-label={t('screening.catalogue.addRule')}>
      <ErrorAlert error={save.error} fields={['needCode', 'guaranteeCode']} />
      <Group align="flex-end" wrap="wrap">
        <NativeSelect label={t('screening.catalogue.need')} required value={needCode} error={error('needCode')}
          data={[{ value: '', label: t('common.choose') }, ...VULNERABILITY_CATEGORIES.map((c) => ({ value: c, label: t(labelKey(CATEGORY_LABEL, c)) }))]}
          onChange={(e) => setNeedCode(e.currentTarget.value)} />
        <NativeSelect label={t('screening.catalogue.guarantee')} required value={guaranteeCode} error={error('guaranteeCode')}
          data={[{ value: '', label: t('common.choose') }, ...types.map((g) => ({ value: g.code, label: g.title }))]}
          onChange={(e) => setGuaranteeCode(e.currentTarget.value)} />
        <Button type="submit" loading={save.isPending} disabled={!needCode || !guaranteeCode}>{t('screening.catalogue.addRule')}</Button>
      </Group>
    </form>
  );
}

/** The administrator's catalogue of guarantees per need, with their sources (ADR 026). */
export function GuaranteeCatalogPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const catalog = useGuaranteeCatalog();
  const [editing, setEditing] = useState<GuaranteeType | null>(null);
  const mayManage = me.data ? can(me.data, 'manage:procedure:all') : false;
  const toggle = useMutation({
    mutationFn: (rule: TGuaranteeCatalog['rules'][number]) => updateGuaranteeRule(rule.id, { version: rule.version, active: !rule.active }),
    onSettled: (_d, error) => { if (!error || isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: GUARANTEE_CATALOG_KEY }); },
  });
  if (catalog.isPending) return <LoadingState />;
  if (!catalog.data) return <ErrorAlert error={catalog.error} />;
  const { types, rules } = catalog.data;
  const titleOf = (code: string) => types.find((g) => g.code === code)?.title ?? code;
  return (
    <>
      <PageHeader title={t('screening.catalogue.title')} description={t('screening.catalogue.intro')} />
      <Stack>
        <Card withBorder component="section" aria-labelledby="rules-title">
          <Title order={2} size="h4" id="rules-title" mb="sm">{t('screening.catalogue.rules')}</Title>
          <ErrorAlert error={toggle.error} />
          <Stack gap="sm">
            {VULNERABILITY_CATEGORIES.map((need) => (
              <Group key={need} align="flex-start" wrap="wrap" gap="xs" data-need={need}>
                <Text size="sm" fw={600} w={220}>{t(labelKey(CATEGORY_LABEL, need))}</Text>
                {rules.filter((r) => r.needCode === need).map((r) => (
                  <Group key={r.id} gap={4}>
                    <StateBadge look={r.active ? 'filled' : 'outline'} tone={r.active ? 'info' : 'neutral'}>{titleOf(r.guaranteeCode)}</StateBadge>
                    {mayManage && (
                      <Button size="compact-xs" variant="subtle" loading={toggle.isPending && toggle.variables?.id === r.id} onClick={() => toggle.mutate(r)}
                        aria-label={`${r.active ? t('screening.catalogue.deactivate') : t('screening.catalogue.activate')}: ${titleOf(r.guaranteeCode)}`}>
                        {r.active ? t('screening.catalogue.deactivate') : t('screening.catalogue.activate')}
                      </Button>
                    )}
                  </Group>
                ))}
              </Group>
            ))}
            {mayManage && <AddRule types={types} />}
          </Stack>
        </Card>
        <Card withBorder component="section" aria-labelledby="types-title">
          <Title order={2} size="h4" id="types-title" mb="sm">{t('screening.catalogue.types')}</Title>
          <Table.ScrollContainer minWidth={640}>
            <Table striped>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('screening.catalogue.guarantee')}</Table.Th>
                  <Table.Th scope="col">{t('screening.catalogue.source')}</Table.Th>
                  <Table.Th scope="col">{t('screening.catalogue.governs')}</Table.Th>
                  {mayManage && <Table.Th scope="col">{t('screening.catalogue.edit')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {types.map((g) => (
                  <Table.Tr key={g.code}>
                    <Table.Td><Text size="sm" fw={500}>{g.title}</Text><Text size="xs">{g.description}</Text></Table.Td>
                    <Table.Td><Text size="xs">{g.source}</Text></Table.Td>
                    <Table.Td>{g.governsInterview ? t('screening.catalogue.yes') : t('screening.catalogue.no')}</Table.Td>
                    {mayManage && (
                      <Table.Td>
                        <Button size="compact-xs" variant="default" aria-label={`${t('screening.catalogue.edit')}: ${g.title}`} onClick={() => setEditing(g)}>
                          {t('screening.catalogue.edit')}
                        </Button>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
      </Stack>
      {editing && <EditType type={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
