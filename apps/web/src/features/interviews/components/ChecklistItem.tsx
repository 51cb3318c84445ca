import { Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AutosaveStore } from '../autosave/autosave-store.ts';
import { usePiece } from '../autosave/use-autosave.ts';
import { PieceConflict } from './PieceConflict.tsx';
import { PieceStatusText } from './PieceStatusText.tsx';

/** One item of a stage's checklist: ticked, with a note, saved at once. */
export function ChecklistItem({ store, item, editable }: { store: AutosaveStore; item: { id: string; text: string }; editable: boolean }) {
  const { t } = useTranslation();
  const key = `c:${item.id}`;
  const piece = usePiece(store, key);
  const value = piece.value.kind === 'check' ? piece.value : { kind: 'check' as const, done: false, note: '' };
  const disabled = !editable || piece.status === 'locked';
  return (
    <Stack gap={2} data-item={item.id}>
      <Group align="flex-start" wrap="nowrap" gap="sm">
        <Checkbox label={item.text} checked={value.done} disabled={disabled} style={{ flex: 1 }}
          onChange={(e) => store.edit(key, { ...value, done: e.currentTarget.checked })} />
        <TextInput size="xs" w={220} aria-label={t('interviews.checklist.noteFor', { item: item.text })} placeholder={t('interviews.checklist.note')}
          value={value.note} disabled={disabled} onChange={(e) => store.edit(key, { ...value, note: e.currentTarget.value })} />
      </Group>
      <PieceStatusText piece={piece} />
      <PieceConflict piece={piece} onResolve={(choice) => store.resolve(key, choice)} />
    </Stack>
  );
}
