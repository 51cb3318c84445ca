import type { ReactNode } from 'react';
import { Group, Text, Title } from '@mantine/core';
import { usePageTitle } from '../../lib/use-page-title.ts';

interface PageHeaderProps {
  title: string;
  description?: string;
  actions?: ReactNode;
}

/** The page's one h1, which also becomes the document title. */
export function PageHeader({ title, description, actions }: PageHeaderProps) {
  usePageTitle(title);
  return (
    <Group justify="space-between" align="flex-start" mb="lg" wrap="wrap">
      {/* A long word (a venue, a name) wraps instead of pushing the page wider than the screen. */}
      <div style={{ minWidth: 0, maxWidth: '100%', overflowWrap: 'anywhere' }}>
        <Title order={1} size="h2">{title}</Title>
        {description && <Text c="dimmed" mt={4}>{description}</Text>}
      </div>
      {actions && <Group gap="sm">{actions}</Group>}
    </Group>
  );
}
