import { useState } from 'react';
import { Button, Card, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, TRANSITIONS, type TClaim, type TransitionAction } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { can, canAny, useMe } from '../../auth/index.ts';
import { useOffices } from '../../organisations/index.ts';
import { assignClaim, CLAIMS_KEY, transitionClaim, useAssignableOfficers } from '../api/claims.ts';
import { ACTION_LABEL, labelKey } from './labels.ts';

const SIDE_EXITS: readonly TransitionAction[] = ['abandon', 'withdraw', 'transfer'];

/** The next steps the lifecycle allows, and the supervisor's assignment. */
export function ClaimActions({ claim }: { claim: TClaim }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [toOfficeId, setToOfficeId] = useState('');
  const [officerId, setOfficerId] = useState(claim.assignedOfficerId ?? '');
  const mayUpdate = me.data ? canAny(me.data, 'update', 'claim') : false;
  const mayAssign = me.data ? can(me.data, 'assign:claim:office') : false;
  const officers = useAssignableOfficers(claim.id, mayAssign);
  const offices = useOffices(SIDE_EXITS.some((a) => claim.allowedActions.includes(a)));
  const refresh = () => queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
  const step = useMutation({
    mutationFn: (action: TransitionAction) => transitionClaim(claim.id, action, {
      version: claim.version, reason: reason.trim() || null, toOfficeId: action === 'transfer' ? toOfficeId || null : null,
    }),
    onSuccess: () => { setReason(''); void refresh(); },
    // A stale version: reload so the user sees what changed.
    onError: (error) => { if (isApiError(error, 'VERSION_CONFLICT')) void refresh(); },
  });
  const assign = useMutation({
    mutationFn: () => assignClaim(claim.id, { version: claim.version, officerId: officerId || null, reason: null }),
    onSettled: () => void refresh(),
  });
  const comarOffices = (offices.data ?? []).filter((o) => o.institutionCode === 'COMAR' && o.id !== claim.officeId && o.active);

  return (
    <Stack>
      {mayUpdate && (
        <Card withBorder component="section" aria-labelledby="actions-title">
          <Title order={2} size="h4" id="actions-title" mb="sm">{t('intake.actions.title')}</Title>
          <ErrorAlert error={step.error} fields={[]} />
          {claim.allowedActions.length === 0 ? <Text size="sm" c="dimmed">{t('intake.actions.none')}</Text> : (
            <Stack gap="xs">
              <Textarea label={t('intake.actions.reason')} description={t('intake.actions.reasonHint')} autosize minRows={2}
                maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              {claim.allowedActions.includes('transfer') && (
                <NativeSelect label={t('intake.actions.toOffice')} value={toOfficeId}
                  data={[{ value: '', label: t('common.choose') }, ...comarOffices.map((o) => ({ value: o.id, label: o.name }))]}
                  onChange={(e) => setToOfficeId(e.currentTarget.value)} />
              )}
              {claim.allowedActions.map((action) => {
                const needsReason = TRANSITIONS[action].needsReason;
                return (
                  <Button key={action} variant={SIDE_EXITS.includes(action) ? 'default' : 'filled'}
                    color={SIDE_EXITS.includes(action) ? 'red' : undefined} loading={step.isPending && step.variables === action}
                    disabled={(needsReason && !reason.trim()) || (action === 'transfer' && !toOfficeId)}
                    onClick={() => step.mutate(action)}>
                    {t(labelKey(ACTION_LABEL, action))}
                  </Button>
                );
              })}
            </Stack>
          )}
        </Card>
      )}
      {mayAssign && (
        <Card withBorder component="section" aria-labelledby="assign-title">
          <Title order={2} size="h4" id="assign-title" mb="sm">{t('intake.assign.title')}</Title>
          <ErrorAlert error={assign.error} />
          <NativeSelect label={t('intake.assign.officer')} value={officerId}
            data={[{ value: '', label: t('intake.claim.unassigned') },
              ...(officers.data ?? []).map((o) => ({ value: o.id, label: t('intake.assign.option', { name: o.fullName, count: o.openClaims }) }))]}
            onChange={(e) => setOfficerId(e.currentTarget.value)} />
          <Button mt="sm" loading={assign.isPending} disabled={officerId === (claim.assignedOfficerId ?? '')} onClick={() => assign.mutate()}>
            {t('intake.assign.save')}
          </Button>
        </Card>
      )}
    </Stack>
  );
}
