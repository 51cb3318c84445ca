import { useState } from 'react';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { TCalendarRule, TCalendarSummary } from '@refugio/domain';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { notifySuccess } from '../../../lib/notify.ts';
import { can, useMe } from '../../auth/index.ts';
import { CALENDARS_KEY, makeDefaultForClaims, removeRule, useCalendar, useCalendars } from '../api/calendars.ts';
import { describeRuleDates, RULE_KIND_LABELS } from '../rule-text.ts';
import { CalendarForm } from './CalendarForm.tsx';
import { DueDateExplainer } from './DueDateExplainer.tsx';
import { RuleWizard, type WizardKind } from './RuleWizard.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

export function CalendarsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const canManage = me.data ? can(me.data, 'manage:calendar:all') : false;
  const calendars = useCalendars();
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const selectedId = chosenId ?? calendars.data?.find((c) => c.isDefaultForClaims)?.id ?? calendars.data?.[0]?.id ?? null;

  const columns: Column<TCalendarSummary>[] = [
    { key: 'code', header: t('calendars.fields.code'), render: (c) => c.code },
    {
      key: 'name', header: t('calendars.fields.name'),
      render: (c) => (
        <Group gap="xs">
          <span>{c.name}</span>
          {c.isDefaultForClaims && <StateBadge tone="positive" look="outline">{t('calendars.defaultForClaims')}</StateBadge>}
        </Group>
      ),
    },
    { key: 'extends', header: t('calendars.fields.extends'), render: (c) => c.extendsCode ?? '—' },
    { key: 'offices', header: t('calendars.fields.offices'), render: (c) => c.officeCodes.join(', ') || '—' },
    { key: 'rules', header: t('calendars.fields.ownRules'), render: (c) => c.ruleCount },
    {
      key: 'select', header: t('common.actions'), hiddenHeader: true,
      render: (c) => (
        <Button
          size="xs" variant={c.id === selectedId ? 'filled' : 'light'} aria-pressed={c.id === selectedId}
          aria-label={t('calendars.showNamed', { name: c.code })} onClick={() => setChosenId(c.id)}
        >
          {t('calendars.show')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('calendars.title')} description={t('calendars.description')}
        actions={canManage && <Button onClick={() => setCreating(true)}>{t('calendars.newCalendar')}</Button>}
      />
      <ErrorAlert error={calendars.error} />
      {calendars.isPending ? <LoadingState /> : (
        <DataTable caption={t('calendars.title')} columns={columns} rows={calendars.data ?? []} rowKey={(c) => c.id} />
      )}
      {selectedId && <CalendarDetail id={selectedId} canManage={canManage} />}
      <FormModal opened={creating} onClose={() => setCreating(false)} title={t('calendars.newCalendar')}>
        {creating && (
          <CalendarForm
            calendars={calendars.data ?? []} defaultExtendsId={selectedId}
            onDone={(id) => { setCreating(false); if (id) setChosenId(id); }}
          />
        )}
      </FormModal>
    </>
  );
}

function CalendarDetail({ id, canManage }: { id: string; canManage: boolean }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const calendar = useCalendar(id);
  const [wizard, setWizard] = useState<WizardKind | null>(null);
  const [removing, setRemoving] = useState<TCalendarRule | null>(null);
  const [confirmDefault, setConfirmDefault] = useState(false);
  const makeDefault = useMutation({
    mutationFn: () => makeDefaultForClaims(id, calendar.data?.version ?? 0),
    onSuccess: async () => {
      notifySuccess(t('common.saved'));
      setConfirmDefault(false);
      await queryClient.invalidateQueries({ queryKey: CALENDARS_KEY });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: CALENDARS_KEY }),
  });
  const removal = useMutation({
    mutationFn: (rule: TCalendarRule) => removeRule(id, rule.id, calendar.data?.version ?? 0),
    onSuccess: async (result) => {
      notifySuccess(t('calendars.removed', { count: result.recomputation.movedClaims }));
      setRemoving(null);
      await queryClient.invalidateQueries({ queryKey: CALENDARS_KEY });
    },
    onError: () => void queryClient.invalidateQueries({ queryKey: CALENDARS_KEY }),
  });

  if (calendar.isPending) return <LoadingState />;
  if (!calendar.data) return <ErrorAlert error={calendar.error} />;
  const detail = calendar.data;

  const columns: Column<TCalendarRule>[] = [
    { key: 'kind', header: t('calendars.fields.kind'), render: (r) => t(RULE_KIND_LABELS[r.kind]) },
    { key: 'label', header: t('calendars.fields.label'), render: (r) => r.label },
    { key: 'dates', header: t('calendars.fields.dates'), render: (r) => describeRuleDates(r, t) },
    { key: 'source', header: t('calendars.fields.source'), render: (r) => r.source },
    {
      key: 'validity', header: t('calendars.fields.validity'),
      render: (r) => (r.validFrom === null && r.validTo === null ? t('calendars.always')
        : `${r.validFrom ?? '…'}–${r.validTo ?? '…'}`),
    },
    { key: 'origin', header: t('calendars.fields.origin'), render: (r) => (r.inherited ? r.calendarCode : t('calendars.own')) },
  ];
  if (canManage) {
    columns.push({
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (r) => (r.inherited ? null : (
        <Button size="xs" variant="light" color="red" onClick={() => setRemoving(r)} aria-label={t('calendars.removeNamed', { name: r.label })}>
          {t('calendars.remove')}
        </Button>
      )),
    });
  }

  return (
    <Stack mt="xl" gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={2}>{detail.name}</Title>
          <Text size="sm" c="dimmed">
            {detail.code}
            {detail.extendsCode ? ` · ${t('calendars.extendsNamed', { name: detail.extendsCode })}` : ''}
            {detail.weekendSource ? ` · ${t('calendars.weekendFrom', { source: detail.weekendSource })}` : ''}
          </Text>
        </div>
        {canManage && (
          <Group>
            {!detail.isDefaultForClaims && (
              <Button variant="default" onClick={() => setConfirmDefault(true)}>{t('calendars.makeDefault')}</Button>
            )}
            <Button variant="light" onClick={() => setWizard('date_range')}>{t('calendars.declareDay')}</Button>
            <Button onClick={() => setWizard('suspension')}>{t('calendars.declareSuspension')}</Button>
          </Group>
        )}
      </Group>
      <DataTable caption={t('calendars.rulesOf', { name: detail.code })} columns={columns} rows={detail.rules} rowKey={(r) => r.id} />
      <DueDateExplainer calendarId={id} />
      <FormModal
        opened={wizard !== null} onClose={() => setWizard(null)}
        title={wizard === 'suspension' ? t('calendars.declareSuspension') : t('calendars.declareDay')}
      >
        {wizard !== null && <RuleWizard calendar={detail} kind={wizard} onDone={() => setWizard(null)} />}
      </FormModal>
      <ConfirmDialog
        opened={confirmDefault} title={t('calendars.makeDefault')} pending={makeDefault.isPending} error={makeDefault.error}
        message={t('calendars.makeDefaultConfirm', { name: detail.code })} confirmLabel={t('calendars.makeDefault')}
        onConfirm={() => makeDefault.mutate()} onClose={() => { setConfirmDefault(false); makeDefault.reset(); }}
      />
      <ConfirmDialog
        opened={removing !== null} title={t('calendars.remove')} danger pending={removal.isPending} error={removal.error}
        message={t('calendars.removeConfirm', { name: removing?.label ?? '' })} confirmLabel={t('calendars.remove')}
        onConfirm={() => removing && removal.mutate(removing)} onClose={() => { setRemoving(null); removal.reset(); }}
      />
    </Stack>
  );
}
