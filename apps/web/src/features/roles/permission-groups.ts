import { parsePermission, PERMISSIONS, type Permission } from '@refugio/domain';

/** `read:user:office` → catalog key `permissions.labels.read_user_office`. */
export function permissionLabelKey(code: string): string {
  return `permissions.labels.${code.replaceAll(':', '_')}`;
}

/** The permission catalogue grouped by entity, in catalogue order. */
export function permissionsByEntity(): Array<{ entity: string; permissions: Permission[] }> {
  const groups = new Map<string, Permission[]>();
  for (const code of PERMISSIONS) {
    const { entity } = parsePermission(code);
    groups.set(entity, [...(groups.get(entity) ?? []), code]);
  }
  return [...groups].map(([entity, permissions]) => ({ entity, permissions }));
}
