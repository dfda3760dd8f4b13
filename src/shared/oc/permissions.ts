import type { Analyst } from '../domain';

// The role table of SPEC §8. An analyst's column is their level; leads and admins have their own columns.
export const PERMISSIONS = {
  work_own_oc: ['n1', 'n2', 'lead', 'admin'],
  escalate_to_n2: ['n1', 'lead', 'admin'],
  return_to_n1_or_forward_dev: ['n2', 'lead', 'admin'],
  reassign_or_change_criticidade: ['lead', 'admin'],
  configure: ['lead', 'admin'],
  manage_users: ['admin'],
} as const satisfies Record<string, readonly RoleColumn[]>;

export type RoleColumn = 'n1' | 'n2' | 'lead' | 'admin';
export type Permission = keyof typeof PERMISSIONS;

export const roleColumn = (analyst: Pick<Analyst, 'role' | 'level'>): RoleColumn =>
  analyst.role === 'analyst' ? analyst.level : analyst.role;

export const can = (analyst: Pick<Analyst, 'role' | 'level'>, permission: Permission): boolean =>
  (PERMISSIONS[permission] as readonly RoleColumn[]).includes(roleColumn(analyst));

export const isLead = (analyst: Pick<Analyst, 'role'>): boolean => analyst.role === 'lead' || analyst.role === 'admin';
