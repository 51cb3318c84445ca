import { useState, type FormEvent } from 'react';
import { Button, Group, NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AUDIT_ACTIONS, LIMITS } from '@refugio/domain';
import { EMPTY_AUDIT_FILTERS, type AuditFilters } from '../api/audit.ts';

interface AuditFiltersFormProps {
  value: AuditFilters;
  onApply: (filters: AuditFilters) => void;
}

export function AuditFiltersForm({ value, onApply }: AuditFiltersFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(value);
  const set = (key: keyof AuditFilters, v: string) => setDraft((d) => ({ ...d, [key]: v }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ ...draft, entityType: draft.entityType.trim(), entityId: draft.entityId.trim(), actor: draft.actor.trim() });
  }

  return (
    <form onSubmit={submit} role="search" aria-label={t('audit.filters.label')}>
      <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }} mb="sm" style={{ alignItems: 'end' }}>
        <NativeSelect
          label={t('audit.filters.action')} value={draft.action} onChange={(e) => set('action', e.currentTarget.value)}
          data={[{ value: '', label: t('common.all') }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: t(`audit.actions.${a}`) }))]}
        />
        <TextInput label={t('audit.filters.entityType')} maxLength={64} value={draft.entityType} onChange={(e) => set('entityType', e.currentTarget.value)} />
        <TextInput label={t('audit.filters.entityId')} maxLength={128} value={draft.entityId} onChange={(e) => set('entityId', e.currentTarget.value)} />
        <TextInput label={t('audit.filters.actor')} maxLength={LIMITS.usernameMax} value={draft.actor} onChange={(e) => set('actor', e.currentTarget.value)} />
        <TextInput label={t('audit.filters.from')} type="date" value={draft.from} onChange={(e) => set('from', e.currentTarget.value)} />
        <TextInput label={t('audit.filters.to')} type="date" value={draft.to} onChange={(e) => set('to', e.currentTarget.value)} />
      </SimpleGrid>
      <Group mb="md">
        <Button type="submit">{t('audit.filters.apply')}</Button>
        <Button variant="default" onClick={() => { setDraft(EMPTY_AUDIT_FILTERS); onApply(EMPTY_AUDIT_FILTERS); }}>
          {t('audit.filters.clear')}
        </Button>
      </Group>
    </form>
  );
}
