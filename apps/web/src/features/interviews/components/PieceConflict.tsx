import { Alert, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PieceState, PieceValue } from '../autosave/autosave-store.ts';

/** How a piece reads, for showing the server's side of a conflict. */
export function pieceText(value: PieceValue, yes: string, no: string): string {
  if (value.kind === 'text') return value.text;
  if (value.kind === 'check') return `${value.done ? '✓' : '✗'} ${value.note}`.trim();
  const v = value.value;
  return [v.text, v.option, v.date, v.country, v.answer === 'yes' ? yes : v.answer === 'no' ? no : undefined, v.explanation].filter(Boolean).join(' — ');
}

/** A save refused because another tab or device saved first: both versions, and the choice. */
export function PieceConflict({ piece, onResolve }: { piece: PieceState; onResolve: (choice: 'mine' | 'theirs') => void }) {
  const { t } = useTranslation();
  if (piece.status !== 'conflict' || !piece.conflict) return null;
  return (
    <Alert color="orange" title={t('interviews.conflict.title')} role="alert" mt={4}>
      <Text size="sm">{piece.conflict.updatedBy ? t('interviews.conflict.savedBy', { name: piece.conflict.updatedBy }) : t('interviews.conflict.saved')}</Text>
      <Text size="sm" fs="italic" style={{ whiteSpace: 'pre-wrap' }}>{pieceText(piece.conflict.value, t('interviews.answer.yes'), t('interviews.answer.no')) || '—'}</Text>
      <Group gap="xs" mt="xs">
        <Button size="xs" onClick={() => onResolve('mine')}>{t('interviews.conflict.keepMine')}</Button>
        <Button size="xs" variant="default" onClick={() => onResolve('theirs')}>{t('interviews.conflict.useTheirs')}</Button>
      </Group>
    </Alert>
  );
}
