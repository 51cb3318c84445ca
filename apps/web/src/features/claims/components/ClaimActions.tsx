import { useState } from 'react';
import { Button, Card, Checkbox, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, REOPEN_REASON_MIN, STEPS, type TClaim, type TransitionAction } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { labelKey } from '../../../lib/label-key.ts';
import { can, canAny, useMe } from '../../auth/index.ts';
import { useOffices } from '../../organisations/index.ts';
import { ConfirmStepDialog } from '../../procedure/index.ts';
import { assignClaim, CLAIMS_KEY, transitionClaim, useAssignableOfficers } from '../api/claims.ts';
import { ACTION_LABEL } from './labels.ts';

const SIDE_EXITS: readonly TransitionAction[] = ['abandon', 'withdraw', 'transfer'];

/** The next steps the lifecycle allows, and the supervisor's assignment. */
export function ClaimActions({ claim }: { claim: TClaim }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [toOfficeId, setToOfficeId] = useState('');
  const [officerId, setOfficerId] = useState(claim.assignedOfficerId ?? '');
  // The claim as the server has it after a save (or another user's change) sets the choice again.
  const [savedOfficerId, setSavedOfficerId] = useState(claim.assignedOfficerId);
  if (savedOfficerId !== claim.assignedOfficerId) {
    setSavedOfficerId(claim.assignedOfficerId);
    setOfficerId(claim.assignedOfficerId ?? '');
  }
  const [override, setOverride] = useState(false);
  const [confirming, setConfirming] = useState<TransitionAction | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const mayUpdate = me.data ? canAny(me.data, 'update', 'claim') : false;
  const mayAssign = me.data ? can(me.data, 'assign:claim:office') : false;
  const mayOverride = me.data ? can(me.data, 'override:gating:office') : false;
  // Reopening a closed file is the office head's act (ADR 050): others do not see the button.
  const mayReopen = me.data ? can(me.data, 'reopen:claim:office') : false;
  const actions = claim.allowedActions.filter((a) => a !== 'reopen' || mayReopen);
  const officers = useAssignableOfficers(claim.id, mayAssign);
  const offices = useOffices(SIDE_EXITS.some((a) => claim.allowedActions.includes(a)));
  const refresh = () => queryClient.invalidateQueries({ queryKey: CLAIMS_KEY });
  const step = useMutation({
    mutationFn: (action: TransitionAction) => transitionClaim(claim.id, action, {
      version: claim.version, reason: reason.trim() || null, toOfficeId: action === 'transfer' ? toOfficeId || null : null,
    }),
    onSuccess: () => { setReason(''); setConfirming(null); void refresh(); },
    // A stale version: reload so the user sees what changed.
    onError: (error) => { if (isApiError(error, 'VERSION_CONFLICT')) void refresh(); },
  });
  const chosen = officers.data?.find((o) => o.id === officerId);
  const overriding = override && Boolean(chosen && !chosen.eligible);
  const assign = useMutation({
    mutationFn: () => assignClaim(claim.id, {
      version: claim.version, officerId: officerId || null, reason: overriding ? overrideReason.trim() : null, overrideGating: overriding,
    }),
    onSuccess: () => { setOverride(false); setOverrideReason(''); },
    onSettled: () => void refresh(),
  });
  const language = currentLanguage();
  const eligible = (officers.data ?? []).filter((o) => o.eligible);
  const ineligible = (officers.data ?? []).filter((o) => !o.eligible);
  const officerOption = (o: NonNullable<typeof officers.data>[number]) => ({
    value: o.id,
    label: o.eligible
      ? `${t('intake.assign.option', { name: o.fullName, count: o.openClaims })}${o.soonestDueOn ? ` · ${t('intake.assign.soonest', { date: formatDate(o.soonestDueOn, language) })}` : ''}`
      : t('intake.assign.optionMissing', { name: o.fullName, missing: o.missing.map((m) => m.title).join(', ') }),
  });
  const officerGroups = [
    ...(eligible.length > 0 ? [{ group: t('intake.assign.eligibleGroup'), items: eligible.map(officerOption) }] : []),
    ...(ineligible.length > 0 ? [{ group: t('intake.assign.ineligibleGroup'), items: ineligible.map(officerOption) }] : []),
  ];
  const comarOffices = (offices.data ?? []).filter((o) => o.institutionCode === 'COMAR' && o.id !== claim.officeId && o.active);

  return (
    <Stack>
      {mayUpdate && (
        <Card withBorder component="section" aria-labelledby="actions-title">
          <Title order={2} size="h4" id="actions-title" mb="sm">{t('intake.actions.title')}</Title>
          <ErrorAlert error={step.error} fields={[]} />
          {actions.length === 0 ? <Text size="sm" c="dimmed">{t('intake.actions.none')}</Text> : (
            <Stack gap="xs">
              <Textarea label={t('intake.actions.reason')} description={t('intake.actions.reasonHint')} autosize minRows={2}
                maxLength={LIMITS.reasonMax} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
              {claim.allowedActions.includes('transfer') && (
                <NativeSelect label={t('intake.actions.toOffice')} value={toOfficeId}
                  data={[{ value: '', label: t('common.choose') }, ...comarOffices.map((o) => ({ value: o.id, label: o.name }))]}
                  onChange={(e) => setToOfficeId(e.currentTarget.value)} />
              )}
              {actions.map((action) => {
                const needsReason = STEPS[action].needsReason;
                const reasonMin = action === 'reopen' ? REOPEN_REASON_MIN : 1;
                return (
                  <Button key={action} variant={SIDE_EXITS.includes(action) ? 'default' : 'filled'}
                    color={SIDE_EXITS.includes(action) ? 'red' : undefined} loading={step.isPending && step.variables === action}
                    disabled={(needsReason && reason.trim().length < reasonMin) || (action === 'transfer' && !toOfficeId)}
                    onClick={() => { step.reset(); setConfirming(action); }}>
                    {t(labelKey(ACTION_LABEL, action))}
                  </Button>
                );
              })}
              <ConfirmStepDialog claimId={claim.id} version={claim.version} step={confirming}
                actionLabel={confirming ? t(labelKey(ACTION_LABEL, confirming)) : ''} pending={step.isPending} error={step.error}
                onConfirm={() => { if (confirming) step.mutate(confirming); }} onClose={() => setConfirming(null)} />
            </Stack>
          )}
        </Card>
      )}
      {mayAssign && (
        <Card withBorder component="section" aria-labelledby="assign-title">
          <Title order={2} size="h4" id="assign-title" mb="sm">{t('intake.assign.title')}</Title>
          <Text size="sm" mb="xs" data-testid="assigned-officer">
            {claim.assignedOfficerName ? t('intake.assign.current', { name: claim.assignedOfficerName }) : t('intake.claim.unassigned')}
          </Text>
          <ErrorAlert error={assign.error} />
          {/* "Who can take this claim": competent officers first, by caseload and soonest due date. */}
          <NativeSelect label={t('intake.assign.officer')} value={officerId}
            data={[{ value: '', label: t('intake.claim.unassigned') }, ...officerGroups]}
            onChange={(e) => { setOfficerId(e.currentTarget.value); setOverride(false); }} />
          {chosen && !chosen.eligible && (
            <Stack gap="xs" mt="xs">
              <Text size="sm" c="red.9" role="status">
                {t('intake.assign.missingNotice', { name: chosen.fullName, missing: chosen.missing.map((m) => m.title).join(', ') })}
              </Text>
              {mayOverride && (
                <Checkbox label={t('intake.assign.override')} checked={override} onChange={(e) => setOverride(e.currentTarget.checked)} />
              )}
              {overriding && (
                <Textarea label={t('intake.assign.overrideReason')} description={t('intake.assign.overrideHint')} required autosize
                  minRows={2} maxLength={LIMITS.reasonMax} value={overrideReason} onChange={(e) => setOverrideReason(e.currentTarget.value)} />
              )}
            </Stack>
          )}
          <Button mt="sm" loading={assign.isPending} disabled={officerId === (claim.assignedOfficerId ?? '')} onClick={() => assign.mutate()}>
            {t('intake.assign.save')}
          </Button>
        </Card>
      )}
    </Stack>
  );
}
