import { Checkbox, Fieldset, SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Permission } from '@refugio/domain';
import { permissionLabelKey, permissionsByEntity } from '../permission-groups.ts';

interface PermissionMatrixProps {
  value: Permission[];
  onChange: (value: Permission[]) => void;
  error?: string | undefined;
}

/** One fieldset per entity: keyboard users tab through checkboxes, screen readers hear the group. */
export function PermissionMatrix({ value, onChange, error }: PermissionMatrixProps) {
  const { t } = useTranslation();
  const selected = new Set(value);
  const toggle = (code: Permission, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(code);
    else next.delete(code);
    onChange([...next].toSorted());
  };

  return (
    <Stack gap="xs">
      <Text fw={600} id="permission-matrix-label">{t('roles.fields.permissions')}</Text>
      {error && <Text c="red.8" size="sm" role="alert">{error}</Text>}
      <SimpleGrid cols={{ base: 1, sm: 2 }} role="group" aria-labelledby="permission-matrix-label">
        {permissionsByEntity().map(({ entity, permissions }) => (
          <Fieldset key={entity} legend={t(`permissions.entities.${entity}`)} variant="filled">
            <Stack gap="xs">
              {permissions.map((code) => (
                <Checkbox
                  key={code}
                  label={t(permissionLabelKey(code))}
                  description={code}
                  checked={selected.has(code)}
                  onChange={(e) => toggle(code, e.currentTarget.checked)}
                />
              ))}
            </Stack>
          </Fieldset>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
