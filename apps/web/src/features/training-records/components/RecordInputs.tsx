import { useState } from 'react';
import { NumberInput, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface NumberCellProps {
  label: string;
  value: number | null;
  max: number;
  onSave: (value: number | null) => void;
}

/**
 * A number saved when the field loses focus, only if it changed; emptied means "no record". The
 * parent keys it by the stored value, so a value changed elsewhere (an import) replaces the draft.
 */
export function NumberCell({ label, value, max, onSave }: NumberCellProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<string | number>(value ?? '');
  const next = draft === '' ? null : Number(draft);
  // A number outside the scale is said, not clamped nor dropped: 150 on a 0–100 scale stays on
  // screen with its message and is not saved.
  const outOfRange = next !== null && (!Number.isFinite(next) || next < 0 || next > max);
  const save = () => {
    if (!outOfRange && next !== value) onSave(next);
  };
  return (
    <NumberInput aria-label={label} size="xs" w={90} min={0} max={max} allowDecimal={false} clampBehavior="none"
      error={outOfRange ? t('validation.number_between', { minimum: 0, maximum: max }) : undefined}
      value={draft} onChange={setDraft} onBlur={save} onKeyDown={(e) => { if (e.key === 'Enter') save(); }} />
  );
}

interface DateCellProps {
  label: string;
  value: string | null;
  onSave: (value: string | null) => void;
}

export function DateCell({ label, value, onSave }: DateCellProps) {
  const [draft, setDraft] = useState(value ?? '');
  const save = () => {
    const next = draft === '' ? null : draft;
    if (next !== value) onSave(next);
  };
  return (
    <TextInput type="date" aria-label={label} size="xs" w={150} value={draft}
      onChange={(e) => setDraft(e.currentTarget.value)} onBlur={save} onKeyDown={(e) => { if (e.key === 'Enter') save(); }} />
  );
}
