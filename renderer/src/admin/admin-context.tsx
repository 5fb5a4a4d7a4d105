// The admin draft shared by the sections: the form, its validation, and IT locks.
import { createContext, useContext } from 'react';
import type { AgentStatusDef } from '../../../common/protocol/server-events.js';
import type { AdminForm } from './admin-form.js';
import type { Issue, Validation } from './validate.js';

export interface AdminContextValue {
  form: AdminForm;
  update(change: (f: AdminForm) => AdminForm): void;
  validation: Validation;
  locked(path: string): boolean;
  statuses: readonly AgentStatusDef[];
}

export const AdminContext = createContext<AdminContextValue | null>(null);

export function useAdmin(): AdminContextValue {
  const v = useContext(AdminContext);
  if (!v) throw new Error('AdminContext missing');
  return v;
}

export function useIssues(path: string): { errors: Issue[]; warnings: Issue[] } {
  const { validation } = useAdmin();
  return { errors: validation.errors[path] ?? [], warnings: validation.warnings[path] ?? [] };
}
