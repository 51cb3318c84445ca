import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, Paper, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LIMITS, type TDuplicateCandidate, type TDuplicateCheckInput, type TPersonMerge } from '@refugio/domain';
import { ConfirmDialog } from '../../../components/ui/ConfirmDialog.tsx';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { FormModal } from '../../../components/ui/FormModal.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDate, formatDateTime } from '../../../lib/format-date.ts';
import { useFieldErrors } from '../../../lib/form-errors.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { useIdempotencyKey } from '../../../lib/idempotency.ts';
import { notifySuccess } from '../../../lib/notify.ts';
import { MERGES_KEY, mergePersons, undoPersonMerge, usePersonMerges } from '../api/persons.ts';
import { DuplicateCandidates } from './DuplicateCandidates.tsx';
import { StateBadge } from '../../../components/ui/StateBadge.tsx';

const EMPTY_SEARCH = { givenNames: '', firstSurname: '', secondSurname: '', birthDate: '' };

function fullName(p: { givenNames: string; firstSurname: string | null; secondSurname: string | null }): string {
  return [p.givenNames, p.firstSurname, p.secondSurname].filter(Boolean).join(' ');
}

/** Supervisor page: find two records of one person, merge them, and undo a recent merge. */
export function PersonMergesPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const queryClient = useQueryClient();
  const keyFor = useIdempotencyKey();
  const [search, setSearch] = useState(EMPTY_SEARCH);
  const [query, setQuery] = useState<TDuplicateCheckInput | null>(null);
  const [picked, setPicked] = useState<TDuplicateCandidate[]>([]);
  const [survivorId, setSurvivorId] = useState('');
  const [mergedId, setMergedId] = useState('');
  const [reason, setReason] = useState('');
  const [confirming, setConfirming] = useState(false);
  const [undoing, setUndoing] = useState<TPersonMerge | null>(null);
  const [undoReason, setUndoReason] = useState('');
  const merges = usePersonMerges();

  const merge = useMutation({
    mutationFn: (input: { survivorId: string; mergedId: string; reason: string }) => mergePersons(input, keyFor(input)),
    onSuccess: async () => {
      notifySuccess(t('duplicates.merge.done'));
      setConfirming(false);
      setPicked([]);
      setSurvivorId('');
      setMergedId('');
      setReason('');
      await queryClient.invalidateQueries({ queryKey: MERGES_KEY });
      await queryClient.invalidateQueries({ queryKey: ['duplicate-check'] });
    },
  });
  const undo = useMutation({
    mutationFn: (input: { id: string; reason: string }) => undoPersonMerge(input.id, input.reason),
    onSuccess: async () => {
      notifySuccess(t('duplicates.merge.undone'));
      setUndoing(null);
      setUndoReason('');
      await queryClient.invalidateQueries({ queryKey: MERGES_KEY });
      await queryClient.invalidateQueries({ queryKey: ['duplicate-check'] });
    },
  });
  const mergeErrors = useFieldErrors(merge.error);
  const undoErrors = useFieldErrors(undo.error);

  // The value is read from the event now: React clears currentTarget before a state updater runs.
  const setField = (field: keyof typeof EMPTY_SEARCH, value: string) => setSearch((s) => ({ ...s, [field]: value }));

  function submitSearch(event: FormEvent) {
    event.preventDefault();
    setQuery({
      givenNames: search.givenNames.trim(),
      firstSurname: search.firstSurname.trim() || null,
      secondSurname: search.secondSurname.trim() || null,
      birthDate: search.birthDate || null,
      limit: 20,
    });
  }

  function pick(candidate: TDuplicateCandidate) {
    setPicked((list) => (list.some((c) => c.personId === candidate.personId) ? list : [...list, candidate]));
    if (!survivorId) setSurvivorId(candidate.personId);
    else if (!mergedId && candidate.personId !== survivorId) setMergedId(candidate.personId);
  }

  const options = [
    { value: '', label: t('common.choose') },
    ...picked.map((c) => ({ value: c.personId, label: `${fullName(c)} · ${c.birthDate ? formatDate(c.birthDate, language) : '—'} · ${c.claims.map((cl) => cl.claimNumber).join(', ') || '—'}` })),
  ];
  const nameOf = (id: string) => fullName(picked.find((c) => c.personId === id) ?? { givenNames: '', firstSurname: null, secondSurname: null });

  const columns: Column<TPersonMerge>[] = [
    { key: 'when', header: t('duplicates.merges.when'), render: (m) => formatDateTime(m.mergedAt, language) },
    { key: 'survivor', header: t('duplicates.merges.survivor'), render: (m) => fullName(m.survivor) },
    { key: 'merged', header: t('duplicates.merges.merged'), render: (m) => fullName(m.merged) },
    { key: 'by', header: t('duplicates.merges.by'), render: (m) => m.mergedBy ?? '—' },
    { key: 'reason', header: t('duplicates.merges.reason'), render: (m) => m.reason },
    {
      key: 'state', header: t('common.status'),
      render: (m) => m.undoneAt
        ? <Text size="sm" c="dimmed">{t('duplicates.merges.undoneOn', { date: formatDateTime(m.undoneAt, language) })}</Text>
        : <StateBadge tone="positive" look="outline">{t('duplicates.merges.active')}</StateBadge>,
    },
    {
      key: 'actions', header: t('common.actions'), hiddenHeader: true,
      render: (m) => !m.undoneAt && (
        <Button size="xs" variant="default" aria-label={t('duplicates.merges.undoNamed', { name: fullName(m.merged) })}
          onClick={() => { undo.reset(); setUndoing(m); }}>
          {t('duplicates.merges.undo')}
        </Button>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('duplicates.merge.title')} description={t('duplicates.merge.description')} />
      <Paper withBorder p="md" mb="lg">
        <form onSubmit={submitSearch} noValidate aria-labelledby="merge-search-title">
          <Title order={2} size="h4" id="merge-search-title" mb="sm">{t('duplicates.merge.searchTitle')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <TextInput label={t('duplicates.fields.givenNames')} required maxLength={LIMITS.nameMax} value={search.givenNames}
              onChange={(e) => setField('givenNames', e.currentTarget.value)} />
            <TextInput label={t('duplicates.fields.firstSurname')} maxLength={LIMITS.nameMax} value={search.firstSurname}
              onChange={(e) => setField('firstSurname', e.currentTarget.value)} />
            <TextInput label={t('duplicates.fields.secondSurname')} maxLength={LIMITS.nameMax} value={search.secondSurname}
              onChange={(e) => setField('secondSurname', e.currentTarget.value)} />
            <TextInput type="date" label={t('duplicates.fields.birthDate')} value={search.birthDate}
              onChange={(e) => setField('birthDate', e.currentTarget.value)} />
          </SimpleGrid>
          <Group justify="flex-end" mt="sm">
            <Button type="submit" disabled={!search.givenNames.trim()}>{t('duplicates.merge.search')}</Button>
          </Group>
        </form>
      </Paper>

      {query && (
        <Paper withBorder p="md" mb="lg">
          <DuplicateCandidates person={query} headingOrder={2} onLink={pick} linkLabel={t('duplicates.merge.pick')} />
          <Text size="xs" c="dimmed" mt="xs">{t('duplicates.merge.pickHint')}</Text>
        </Paper>
      )}

      <Paper withBorder p="md" mb="lg">
        <Title order={2} size="h4" mb="sm">{t('duplicates.merge.formTitle')}</Title>
        <form onSubmit={(e) => { e.preventDefault(); merge.reset(); setConfirming(true); }} noValidate>
          <Stack>
            <ErrorAlert error={merge.error} fields={['survivorId', 'mergedId', 'reason']} />
            <NativeSelect label={t('duplicates.merge.survivor')} description={t('duplicates.merge.survivorHint')} required
              data={options} value={survivorId} error={mergeErrors.survivorId} onChange={(e) => setSurvivorId(e.currentTarget.value)} />
            <NativeSelect label={t('duplicates.merge.merged')} description={t('duplicates.merge.mergedHint')} required
              data={options.filter((o) => !o.value || o.value !== survivorId)} value={mergedId} error={mergeErrors.mergedId}
              onChange={(e) => setMergedId(e.currentTarget.value)} />
            <Textarea label={t('duplicates.merges.reason')} required maxLength={LIMITS.reasonMax} autosize minRows={2}
              value={reason} error={mergeErrors.reason} onChange={(e) => setReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button type="submit" disabled={!survivorId || !mergedId || survivorId === mergedId || !reason.trim()}>
                {t('duplicates.merge.submit')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Paper>

      <Title order={2} size="h4" mb="sm">{t('duplicates.merges.title')}</Title>
      <ErrorAlert error={merges.error} />
      {merges.isPending ? <LoadingState /> : (
        <DataTable caption={t('duplicates.merges.title')} columns={columns} rows={merges.data ?? []} rowKey={(m) => m.id} />
      )}

      <ConfirmDialog
        opened={confirming} title={t('duplicates.merge.confirmTitle')} danger pending={merge.isPending} error={merge.error}
        message={t('duplicates.merge.confirmMessage', { merged: nameOf(mergedId), survivor: nameOf(survivorId) })}
        confirmLabel={t('duplicates.merge.submit')}
        onConfirm={() => merge.mutate({ survivorId, mergedId, reason: reason.trim() })}
        onClose={() => setConfirming(false)}
      />
      <FormModal opened={undoing !== null} title={t('duplicates.merges.undoTitle')} onClose={() => setUndoing(null)} size="md">
        <form onSubmit={(e) => { e.preventDefault(); if (undoing) undo.mutate({ id: undoing.id, reason: undoReason.trim() }); }} noValidate>
          <Stack>
            <Text>{undoing && t('duplicates.merges.undoMessage', { merged: fullName(undoing.merged), survivor: fullName(undoing.survivor) })}</Text>
            <ErrorAlert error={undo.error} fields={['reason']} />
            <Textarea label={t('duplicates.merges.reason')} required maxLength={LIMITS.reasonMax} autosize minRows={2} data-autofocus
              value={undoReason} error={undoErrors.reason} onChange={(e) => setUndoReason(e.currentTarget.value)} />
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUndoing(null)}>{t('common.cancel')}</Button>
              <Button type="submit" color="red" loading={undo.isPending} disabled={!undoReason.trim()}>{t('duplicates.merges.undo')}</Button>
            </Group>
          </Stack>
        </form>
      </FormModal>
    </>
  );
}
