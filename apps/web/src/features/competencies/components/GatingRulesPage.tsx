import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Switch, Table, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { GATING_NEEDS, type ZGatingRule } from '@refugio/domain';
import type { z } from 'zod';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { CATEGORY_LABEL } from '../../../lib/intake-labels.ts';
import { can, useMe } from '../../auth/index.ts';
import { COMPETENCIES_KEY, createGatingRule, updateGatingRule, useGatingRules } from '../api/competencies.ts';
import { NEED_LABEL } from './grant-status.ts';

type Need = (typeof GATING_NEEDS)[number];

/** Which competency each need of a claim requires of its officer; the coordinator adds and switches rules. */
export function GatingRulesPage() {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const rules = useGatingRules();
  const mayManage = me.data ? can(me.data, 'manage:training:institution') : false;
  const needLabel = (need: string) => t(CATEGORY_LABEL[need] ?? NEED_LABEL[need] ?? need);
  const refresh = () => queryClient.invalidateQueries({ queryKey: COMPETENCIES_KEY });
  const toggle = useMutation({
    mutationFn: (rule: z.infer<typeof ZGatingRule>) => updateGatingRule(rule.id, { version: rule.version, active: !rule.active, rationale: rule.rationale }),
    onSettled: () => void refresh(),
    onError: (error) => { if (isApiError(error, 'VERSION_CONFLICT')) void refresh(); },
  });
  if (rules.isPending) return <LoadingState />;
  if (!rules.data) return <ErrorAlert error={rules.error} />;
  return (
    <Stack>
      <PageHeader title={t('competencies.rules.title')} description={t('competencies.rules.description')} />
      <ErrorAlert error={toggle.error} />
      <Table striped withTableBorder>
        <Table.Caption>{t('competencies.rules.caption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('competencies.rules.need')}</Table.Th>
            <Table.Th scope="col">{t('competencies.register.competency')}</Table.Th>
            <Table.Th scope="col">{t('competencies.rules.rationale')}</Table.Th>
            <Table.Th scope="col">{t('competencies.rules.active')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rules.data.rules.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Th scope="row">{needLabel(r.needCode)}</Table.Th>
              <Table.Td>{r.competencyTitle}</Table.Td>
              <Table.Td>{r.rationale}</Table.Td>
              <Table.Td>
                <Switch checked={r.active} disabled={!mayManage || toggle.isPending} onChange={() => toggle.mutate(r)}
                  label={r.active ? t('competencies.rules.on') : t('competencies.rules.off')}
                  aria-label={t('competencies.rules.toggle', { need: needLabel(r.needCode), competency: r.competencyTitle })} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {mayManage && <AddRule competencies={rules.data.competencies} needLabel={needLabel} onAdded={() => void refresh()} />}
    </Stack>
  );
}

function AddRule({ competencies, needLabel, onAdded }: {
  competencies: Array<{ code: string; title: string }>; needLabel: (need: string) => string; onAdded: () => void;
}) {
  const { t } = useTranslation();
  const [key, setKey] = useState(newIdempotencyKey);
  const [form, setForm] = useState({ needCode: GATING_NEEDS[0] as Need, competencyCode: '', rationale: '' });
  const add = useMutation({
    mutationFn: () => createGatingRule({ ...form, rationale: form.rationale.trim() || null }, key),
    onSuccess: () => { setForm({ ...form, competencyCode: '', rationale: '' }); setKey(newIdempotencyKey()); onAdded(); },
  });
  const errors = useFieldErrors(add.error);
  return (
    <form onSubmit={(e) => { e.preventDefault(); add.mutate(); }} aria-label={t('competencies.rules.add')}>
      <Stack>
        <ErrorAlert error={add.error} fields={['needCode', 'competencyCode', 'rationale']} />
        <Group align="end" grow>
          <NativeSelect label={t('competencies.rules.need')} value={form.needCode} error={errors.needCode}
            onChange={(e) => setForm({ ...form, needCode: e.currentTarget.value as Need })}
            data={GATING_NEEDS.map((n) => ({ value: n, label: needLabel(n) }))} />
          <NativeSelect required label={t('competencies.register.competency')} value={form.competencyCode} error={errors.competencyCode}
            onChange={(e) => setForm({ ...form, competencyCode: e.currentTarget.value })}
            data={[{ value: '', label: t('competencies.grant.choose') }, ...competencies.map((c) => ({ value: c.code, label: c.title }))]} />
          <TextInput label={t('competencies.rules.rationale')} value={form.rationale} error={errors.rationale}
            onChange={(e) => setForm({ ...form, rationale: e.currentTarget.value })} />
        </Group>
        <Group><Button type="submit" loading={add.isPending}>{t('competencies.rules.add')}</Button></Group>
      </Stack>
    </form>
  );
}
