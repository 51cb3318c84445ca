import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { LoadingState } from './LoadingState.tsx';
import { ErrorAlert } from './ErrorAlert.tsx';

interface TodayCardProps {
  id: string;
  title: string;
  description: string;
  /** Where the whole list lives ("Ver todo"). */
  moreTo: string;
  moreLabel: string;
  pending: boolean;
  error: unknown;
  empty: boolean;
  emptyText: string;
  children: ReactNode;
}

/** One block of a start page: what this person has to do today, and the way to the full list. */
export function TodayCard({ id, title, description, moreTo, moreLabel, pending, error, empty, emptyText, children }: TodayCardProps) {
  return (
    <Card withBorder component="section" aria-labelledby={`${id}-title`} data-today={id}>
      <Title order={2} size="h4" id={`${id}-title`}>{title}</Title>
      <Text size="sm" c="dimmed" mb="sm">{description}</Text>
      {pending ? <LoadingState /> : error ? <ErrorAlert error={error} /> : empty
        ? <Text size="sm">{emptyText}</Text>
        : <Stack gap="xs">{children}</Stack>}
      <Anchor component={Link} to={moreTo} size="sm" mt="sm">{moreLabel}</Anchor>
    </Card>
  );
}
