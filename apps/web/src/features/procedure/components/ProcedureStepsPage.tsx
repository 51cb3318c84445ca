import { useState } from 'react';
import { Button, Card, Group, List, Modal, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, STEPS, type StepDeclaration, type TSafeguardEntry, type TStepEntry } from '@refugio/domain';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { formatDate } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { can, useMe } from '../../auth/index.ts';
import { useInstitutions } from '../../organisations/index.ts';
import { PROCEDURE_KEY, switchSafeguard, useProcedureSteps } from '../api/procedure.ts';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

interface Switching {
  safeguard: TSafeguardEntry;
  /** Switching back on at this institution; otherwise switching off at a chosen one. */
  on?: TSafeguardEntry['switchedOff'][number];
}

function SwitchDialog({ switching, onClose }: { switching: Switching; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const institutions = useInstitutions();
  const [institutionId, setInstitutionId] = useState(switching.on?.institutionId ?? '');
  const [reason, setReason] = useState('');
  const available = (institutions.data ?? []).filter((i) => !switching.safeguard.switchedOff.some((s) => s.institutionId === i.id));
  const save = useMutation({
    mutationFn: () => switchSafeguard(switching.safeguard.code, {
      institutionId, enabled: Boolean(switching.on), reason: reason.trim(), version: switching.on?.version ?? 0,
    }),
    onSuccess: () => { notifySuccess(t('procedure.catalogue.saved')); onClose(); },
    onError: (error) => { if (isApiError(error, 'VERSION_CONFLICT')) void queryClient.invalidateQueries({ queryKey: PROCEDURE_KEY }); },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: PROCEDURE_KEY }),
  });
  const title = switching.on ? t('procedure.catalogue.confirmOn') : t('procedure.catalogue.confirmOff');
  return (
    <Modal opened onClose={onClose} title={`${title}: ${switching.safeguard.title}`}>
      <form onSubmit={(e) => { e.preventDefault(); save.mutate(); }}>
        <Stack>
          <ErrorAlert error={save.error} />
          {!switching.on && (
            <NativeSelect label={t('procedure.catalogue.institution')} required value={institutionId}
              data={[{ value: '', label: t('common.choose') }, ...available.map((i) => ({ value: i.id, label: i.name }))]}
              onChange={(e) => setInstitutionId(e.currentTarget.value)} />
          )}
          <Textarea label={t('procedure.catalogue.reason')} required autosize minRows={3} maxLength={LIMITS.reasonMax}
            value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="submit" color={switching.on ? undefined : 'red.9'} loading={save.isPending} disabled={!institutionId || reason.trim().length < 10}>
              {title}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function SafeguardItem({ safeguard, mayManage, onSwitch }: { safeguard: TSafeguardEntry; mayManage: boolean; onSwitch: (s: Switching) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <Stack gap={2} data-safeguard={safeguard.code}>
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={600}>{safeguard.title}</Text>
        <StateBadge tone="neutral" look="outline">{t(`procedure.features.${safeguard.feature}`)}</StateBadge>
      </Group>
      <Text size="sm">{safeguard.requirement}</Text>
      <Text size="xs">{t('procedure.nextSteps.remedy', { remedy: safeguard.remedy })}</Text>
      <Text size="xs" c="dimmed">
        {t('procedure.nextSteps.source', { citation: `${t(`procedure.sourceKinds.${safeguard.source.kind}`)} · ${safeguard.source.citation}` })}
      </Text>
      <Text size="xs">{safeguard.switchable ? t('procedure.catalogue.switchable') : t('procedure.catalogue.notSwitchable')}</Text>
      {safeguard.overridable && <Text size="xs">{t('procedure.catalogue.overridable')}</Text>}
      {safeguard.switchedOff.map((s) => (
        <Group key={s.institutionId} gap="xs" wrap="wrap">
          <Text size="xs" c="red.9">
            {t('procedure.catalogue.switchedOffBy', {
              institution: s.institutionName, who: s.changedBy ?? '—', date: formatDate(s.changedAt.slice(0, 10), language), reason: s.reason,
            })}
          </Text>
          {mayManage && (
            <Button size="compact-xs" variant="default" onClick={() => onSwitch({ safeguard, on: s })}>
              {t('procedure.catalogue.switchOn', { institution: s.institutionName })}
            </Button>
          )}
        </Group>
      ))}
      {mayManage && safeguard.switchable && (
        <Group><Button size="compact-xs" variant="default" onClick={() => onSwitch({ safeguard })}>{t('procedure.catalogue.switchOff')}</Button></Group>
      )}
    </Stack>
  );
}

function StepCard({ step, mayManage, onSwitch }: { step: TStepEntry; mayManage: boolean; onSwitch: (s: Switching) => void }) {
  const { t } = useTranslation();
  const status = (s: string) => t(`intake.statuses.${s}`);
  return (
    <Card withBorder component="section" aria-labelledby={`step-${step.step}`} data-step={step.step}>
      <Title order={2} size="h4" id={`step-${step.step}`}>{step.title}</Title>
      <Text size="sm" mt={4}>
        {t('procedure.catalogue.from')}: {step.from.length === 0 ? t('procedure.catalogue.creates') : step.from.map(status).join(', ')}
      </Text>
      <Text size="sm">{t('procedure.catalogue.to')}: {step.to ? status(step.to)
        : (STEPS[step.step] as StepDeclaration).returnsToStatusBeforeClosing ? t('procedure.catalogue.statusBeforeClosing') : t('procedure.catalogue.statusUnchanged')}</Text>
      <Text size="sm">{t('procedure.catalogue.permissions')}: {step.permissions.map((p) => t(`permissions.labels.${p.replaceAll(':', '_')}`)).join(' · ')}</Text>
      {step.needsReason && <Text size="sm">{t('procedure.catalogue.needsReason')}</Text>}
      <Title order={3} size="h5" mt="sm">{t('procedure.catalogue.safeguards')}</Title>
      {step.safeguards.length === 0 ? <Text size="sm" c="dimmed">{t('procedure.catalogue.none')}</Text> : (
        <Stack gap="sm">{step.safeguards.map((s) => <SafeguardItem key={s.code} safeguard={s} mayManage={mayManage} onSwitch={onSwitch} />)}</Stack>
      )}
      <Title order={3} size="h5" mt="sm">{t('procedure.catalogue.effects')}</Title>
      {step.effects.length === 0 ? <Text size="sm" c="dimmed">{t('procedure.catalogue.none')}</Text> : (
        <List size="sm" spacing={4}>
          {step.effects.map((e) => (
            <List.Item key={e.code}>
              <Text size="sm" fw={500} span>{e.title}</Text>{' — '}<Text size="sm" span>{e.description}</Text>
              <Text size="xs" c="dimmed">
                {t('procedure.nextSteps.source', { citation: `${t(`procedure.sourceKinds.${e.source.kind}`)} · ${e.source.citation}` })}
                {' · '}{t('procedure.catalogue.feature', { feature: t(`procedure.features.${e.feature}`) })}
              </Text>
            </List.Item>
          ))}
        </List>
      )}
    </Card>
  );
}

/** The administrator's page (ADR 019): every step, its safeguards and effects with their sources. */
export function ProcedureStepsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const steps = useProcedureSteps();
  const [switching, setSwitching] = useState<Switching | null>(null);
  const mayManage = me.data ? can(me.data, 'manage:procedure:all') : false;
  return (
    <>
      <PageHeader title={t('procedure.catalogue.title')} description={t('procedure.catalogue.intro')} />
      {steps.isPending ? <LoadingState /> : !steps.data ? <ErrorAlert error={steps.error} /> : (
        <Stack>{steps.data.map((step) => <StepCard key={step.step} step={step} mayManage={mayManage} onSwitch={setSwitching} />)}</Stack>
      )}
      {switching && <SwitchDialog switching={switching} onClose={() => setSwitching(null)} />}
    </>
  );
}
