import { useState } from 'react';
import { Button, Group, NativeSelect, Stack, Switch, Table, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TGrant } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { newIdempotencyKey } from '../../../lib/idempotency.ts';
import { can, useMe } from '../../auth/index.ts';
import { COMPETENCIES_KEY, recordGrant, revokeGrant, useGatingRules, useGrants } from '../api/competencies.ts';
import { SOURCE_LABEL, statusLabelKey } from './grant-status.ts';
import { StatusMark } from './StatusMark.tsx';

/** A person's competency register: "my competencies", or a colleague's opened from the office matrix. */
export function CompetencyRegisterPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const me = useMe();
  const [params] = useSearchParams();
  const userId = params.get('userId') ?? undefined;
  const [includeRevoked, setIncludeRevoked] = useState(false);
  const [recording, setRecording] = useState(false);
  const [revoking, setRevoking] = useState<TGrant | null>(null);
  const grants = useGrants(userId, includeRevoked);
  const mayManage = me.data ? can(me.data, 'manage:competency:institution') : false;
  const date = (d: string | null) => (d ? formatDate(d, language) : t('competencies.register.noExpiry'));
  if (grants.isPending) return <LoadingState />;
  if (!grants.data) return <ErrorAlert error={grants.error} />;
  const name = params.get('name');
  return (
    <Stack>
      <PageHeader
        title={name ? t('competencies.register.titleOf', { name }) : t('competencies.register.title')}
        description={t('competencies.register.description')}
        actions={mayManage && userId ? <Button onClick={() => setRecording(true)}>{t('competencies.grant.action')}</Button> : undefined}
      />
      <Switch label={t('competencies.register.includeRevoked')} checked={includeRevoked} onChange={(e) => setIncludeRevoked(e.currentTarget.checked)} />
      {grants.data.length === 0 ? <Text>{t('competencies.register.empty')}</Text> : (
        <Table striped withTableBorder>
          <Table.Caption>{t('competencies.register.caption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('competencies.register.competency')}</Table.Th>
              <Table.Th scope="col">{t('competencies.register.source')}</Table.Th>
              <Table.Th scope="col">{t('competencies.register.grantedOn')}</Table.Th>
              <Table.Th scope="col">{t('competencies.register.expiresOn')}</Table.Th>
              <Table.Th scope="col">{t('competencies.register.status')}</Table.Th>
              {mayManage && <Table.Th scope="col">{t('competencies.register.actions')}</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {grants.data.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Th scope="row">
                  {g.competencyTitle}
                  {g.renewsGrantId && <Text size="xs">{t('competencies.register.renewal')}</Text>}
                </Table.Th>
                <Table.Td>
                  {t(SOURCE_LABEL[g.source])}
                  {g.evidence && <Text size="xs">{g.evidence}</Text>}
                </Table.Td>
                <Table.Td>{date(g.grantedOn)}</Table.Td>
                <Table.Td>{date(g.expiresOn)}</Table.Td>
                <Table.Td>
                  <StatusMark status={g.status} label={t(statusLabelKey(g.status))} />
                  {g.revokedReason && <Text size="xs">{g.revokedReason}</Text>}
                </Table.Td>
                {mayManage && (
                  <Table.Td>
                    {g.revokedAt === null && (
                      <Button size="xs" variant="default" onClick={() => setRevoking(g)}
                        aria-label={t('competencies.revoke.actionFor', { competency: g.competencyTitle })}>
                        {t('competencies.revoke.action')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {userId && recording && <RecordGrantModal userId={userId} onClose={() => setRecording(false)} />}
      {revoking && <RevokeModal grant={revoking} onClose={() => setRevoking(null)} />}
    </Stack>
  );
}

const GRANT_FIELDS = ['competencyCode', 'source', 'evidence', 'grantedOn', 'expiresOn'];

function RecordGrantModal({ userId, onClose }: { userId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const rules = useGatingRules();
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [form, setForm] = useState({ competencyCode: '', source: 'experience' as 'experience' | 'external_certificate', evidence: '', grantedOn: '', expiresOn: '' });
  const save = useMutation({
    mutationFn: () => recordGrant({ ...form, userId, expiresOn: form.expiresOn || null }, idempotencyKey),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: COMPETENCIES_KEY }); onClose(); },
  });
  const errors = useFieldErrors(save.error);
  const set = (field: keyof typeof form) => (e: { currentTarget: { value: string } }) => setForm({ ...form, [field]: e.currentTarget.value });
  return (
    <FormModal opened title={t('competencies.grant.title')} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ErrorAlert error={save.error} fields={GRANT_FIELDS} />
          <NativeSelect required label={t('competencies.register.competency')} value={form.competencyCode} onChange={set('competencyCode')} error={errors.competencyCode}
            data={[{ value: '', label: t('competencies.grant.choose') }, ...(rules.data?.competencies ?? []).map((c) => ({ value: c.code, label: c.title }))]} />
          <NativeSelect label={t('competencies.register.source')} value={form.source} onChange={set('source')} error={errors.source}
            data={(['experience', 'external_certificate'] as const).map((s) => ({ value: s, label: t(SOURCE_LABEL[s]) }))} />
          <Textarea required label={t('competencies.grant.evidence')} description={t('competencies.grant.evidenceHint')} value={form.evidence} onChange={set('evidence')} error={errors.evidence} />
          <Group grow>
            <TextInput required type="date" label={t('competencies.register.grantedOn')} value={form.grantedOn} onChange={set('grantedOn')} error={errors.grantedOn} />
            <TextInput type="date" label={t('competencies.register.expiresOn')} description={t('competencies.grant.expiresHint')} value={form.expiresOn} onChange={set('expiresOn')} error={errors.expiresOn} />
          </Group>
          <Button type="submit" loading={save.isPending}>{t('competencies.grant.save')}</Button>
        </Stack>
      </form>
    </FormModal>
  );
}

function RevokeModal({ grant, onClose }: { grant: TGrant; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const revoke = useMutation({
    mutationFn: () => revokeGrant(grant.id, reason),
    onSuccess: () => { void queryClient.invalidateQueries({ queryKey: COMPETENCIES_KEY }); onClose(); },
  });
  const errors = useFieldErrors(revoke.error);
  return (
    <FormModal opened size="md" title={t('competencies.revoke.title', { competency: grant.competencyTitle })} onClose={onClose}>
      <form onSubmit={(e) => { e.preventDefault(); revoke.mutate(); }}>
        <Stack>
          <ErrorAlert error={revoke.error} fields={['reason']} />
          <Textarea required label={t('competencies.revoke.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value)}
            error={errors.reason} />
          <Button type="submit" color="red" loading={revoke.isPending}>{t('competencies.revoke.confirm')}</Button>
        </Stack>
      </form>
    </FormModal>
  );
}
