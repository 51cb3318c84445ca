import { useState } from 'react';
import { Alert, Anchor, List } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ZAuditPage } from '@refugio/domain';
import { apiRequest } from '../../../lib/api-client.ts';
import { formatDateTime } from '../../../lib/format-date.ts';
import { currentLanguage } from '../../../lib/i18n.ts';

const WINDOW_DAYS = 7;

/**
 * The administrators' alert on password spraying (ADR 021): the `auth.spray_detected` events of
 * the last week, on the home page of whoever reads the whole audit trail.
 */
export function SecurityAlerts() {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Read once when the page opens (a state initializer: no impure call during render).
  const [from] = useState(() => new Date(Date.now() - WINDOW_DAYS * 86_400_000).toISOString().slice(0, 10));
  const alerts = useQuery({
    queryKey: ['audit-events', 'security-alerts', from],
    queryFn: () => apiRequest('/api/audit-events', { query: { action: 'auth.spray_detected', from, limit: 20 }, schema: ZAuditPage }),
  });
  const items = alerts.data?.items ?? [];
  if (items.length === 0) return null;
  return (
    <Alert color="red" mb="xl" title={t('audit.alerts.title', { n: items.length, days: WINDOW_DAYS })}>
      <List size="sm" mb="xs">
        {items.map((e) => (
          <List.Item key={e.id}>
            {t('audit.alerts.spray', {
              when: formatDateTime(e.occurredAt, language), address: String(e.details.address ?? e.ip ?? '—'),
              accounts: Number(e.details.accounts ?? 0), minutes: Number(e.details.minutes ?? 0),
            })}
          </List.Item>
        ))}
      </List>
      <Anchor component={Link} to="/audit" size="sm" c="inherit" td="underline" fw={700}>{t('audit.alerts.open')}</Anchor>
    </Alert>
  );
}
