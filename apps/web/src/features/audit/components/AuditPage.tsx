import { useState } from 'react';
import { Anchor, Button, Center, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { TAuditEvent } from '@refugio/domain';
import { DataTable, type Column } from '../../../components/ui/DataTable.tsx';
import { ErrorAlert } from '../../../components/ui/ErrorAlert.tsx';
import { LoadingState } from '../../../components/ui/LoadingState.tsx';
import { PageHeader } from '../../../components/ui/PageHeader.tsx';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';
import { EMPTY_AUDIT_FILTERS, useAuditEvents, type AuditFilters } from '../api/audit.ts';
import { ENTITY_LABEL, entityPath, summarizeDetails } from '../summarize-details.ts';
import { AuditFiltersForm } from './AuditFiltersForm.tsx';

export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilters>(EMPTY_AUDIT_FILTERS);
  const events = useAuditEvents(filters);
  const language = currentLanguage();
  const rows = events.data?.pages.flatMap((p) => p.items) ?? [];
  const names: Record<string, string> = Object.assign({}, ...(events.data?.pages.map((p) => p.names) ?? []));

  const actionLabel = (action: string) => {
    const key = `audit.actions.${action}`;
    return i18n.exists(key) ? t(key) : action;
  };
  const columns: Column<TAuditEvent>[] = [
    { key: 'when', header: t('audit.columns.when'), render: (e) => <Text size="sm" style={{ whiteSpace: 'nowrap' }}>{formatDateTime(e.occurredAt, language)}</Text> },
    { key: 'actor', header: t('audit.columns.actor'), render: (e) => e.actorUsername ?? t('audit.system') },
    { key: 'action', header: t('audit.columns.action'), render: (e) => actionLabel(e.action) },
    {
      key: 'entity', header: t('audit.columns.entity'),
      // The kind of record and what it is called, linked to its page when it has one.
      render: (e) => {
        const kindKey = ENTITY_LABEL[e.entityType];
        const kind = kindKey ? t(kindKey) : e.entityType;
        const name = e.entityId ? names[e.entityId] : undefined;
        const path = entityPath(e.entityType, e.entityId);
        return (
          <Text size="sm">
            {kind}
            {name && ' '}
            {name && (path ? <Anchor component={Link} to={path} size="sm">{name}</Anchor> : name)}
            {!name && path && <> <Anchor component={Link} to={path} size="sm">{t('audit.openRecord')}</Anchor></>}
          </Text>
        );
      },
    },
    {
      key: 'details', header: t('audit.columns.details'),
      // A long value (a URL, a file hash) wraps instead of widening the table past the screen.
      render: (e) => <Text size="sm" style={{ overflowWrap: 'anywhere' }}>{summarizeDetails(t, e.details, names) || '—'}</Text>,
    },
    { key: 'ip', header: t('audit.columns.ip'), render: (e) => e.ip ?? '—' },
  ];

  return (
    <>
      <PageHeader title={t('audit.title')} description={t('audit.description')} />
      <AuditFiltersForm value={filters} onApply={setFilters} />
      <ErrorAlert error={events.error} />
      {events.isPending ? <LoadingState /> : (
        <>
          <DataTable caption={t('audit.title')} columns={columns} rows={rows} rowKey={(e) => String(e.id)} />
          <Center mt="md">
            {events.hasNextPage ? (
              <Button variant="default" onClick={() => void events.fetchNextPage()} loading={events.isFetchingNextPage}>
                {t('audit.loadMore')}
              </Button>
            ) : rows.length > 0 && <Text size="sm" c="dimmed">{t('audit.end')}</Text>}
          </Center>
        </>
      )}
    </>
  );
}
