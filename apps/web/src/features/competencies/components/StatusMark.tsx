import { Box, Group, Text, VisuallyHidden } from '@mantine/core';
import type { GRANT_STATUSES } from '@refugio/domain';
import { STATUS_STYLE } from './grant-status.ts';

type Status = (typeof GRANT_STATUSES)[number] | 'missing';

/** Stripes for expired, dots for expiring: a status reads without colour too. */
const PATTERN: Partial<Record<Status, string>> = {
  expired: 'repeating-linear-gradient(45deg, transparent 0 4px, rgba(0,0,0,.25) 4px 6px)',
  expiring: 'radial-gradient(rgba(0,0,0,.3) 1px, transparent 1.5px) 0 0 / 6px 6px',
};

/** A coloured, patterned square with the status's symbol (dark text on a light tint, for contrast). */
export function StatusSquare({ status, label, fill }: { status: Status; label: string; fill?: boolean }) {
  const { color, symbol } = STATUS_STYLE[status];
  return (
    <Box title={label} w={fill ? '100%' : 22} miw={22} h={22} bg={`${color}.2`} c="dark.9" ta="center" fw={700} fz="sm"
      style={{ backgroundImage: PATTERN[status], border: `1px solid var(--mantine-color-${color}-7)`, lineHeight: '20px' }}>
      <span aria-hidden="true">{symbol}</span>
      {fill && <VisuallyHidden>{label}</VisuallyHidden>}
    </Box>
  );
}

/** The square followed by the status in words. */
export function StatusMark({ status, label }: { status: Status; label: string }) {
  return (
    <Group gap={6} wrap="nowrap">
      <StatusSquare status={status} label={label} />
      <Text size="sm">{label}</Text>
    </Group>
  );
}
