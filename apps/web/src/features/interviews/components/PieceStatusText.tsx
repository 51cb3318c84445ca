import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PieceState } from '../autosave/autosave-store.ts';

/** A piece's own save state, in words, when it is not simply saved. */
export function PieceStatusText({ piece }: { piece: PieceState }) {
  const { t, i18n } = useTranslation();
  if (piece.status === 'saved' || piece.status === 'conflict') return null;
  if (piece.status === 'invalid' || piece.status === 'locked') {
    const message = piece.message && i18n.exists(piece.message.code) ? t(piece.message.code, piece.message.params ?? {}) : t('errors.VALIDATION_FAILED.title');
    return <Text size="xs" c="red.9">{message}</Text>;
  }
  const label = piece.status === 'offline' ? t('interviews.save.pieceOffline') : piece.status === 'saving' ? t('interviews.save.saving') : t('interviews.save.pending');
  return <Text size="xs" c="dimmed">{label}</Text>;
}
