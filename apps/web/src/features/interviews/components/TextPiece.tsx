import { Stack, Textarea } from '@mantine/core';
import type { TextField } from '@refugio/domain';
import type { AutosaveStore } from '../autosave/autosave-store.ts';
import { usePiece } from '../autosave/use-autosave.ts';
import { PieceConflict } from './PieceConflict.tsx';
import { PieceStatusText } from './PieceStatusText.tsx';

/** The free narrative or the observations, saved as the officer types. */
export function TextPiece({ store, field, label, description, editable }: {
  store: AutosaveStore; field: TextField; label: string; description: string; editable: boolean;
}) {
  const piece = usePiece(store, field);
  return (
    <Stack gap={2}>
      <Textarea id={`text-${field}`} label={label} description={description} autosize minRows={field === 'narrative' ? 6 : 3} disabled={!editable || piece.status === 'locked'}
        value={piece.value.kind === 'text' ? piece.value.text : ''} onChange={(e) => store.edit(field, { kind: 'text', text: e.currentTarget.value })} />
      <PieceStatusText piece={piece} />
      <PieceConflict piece={piece} onResolve={(choice) => store.resolve(field, choice)} />
    </Stack>
  );
}
