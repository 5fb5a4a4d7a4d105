// The org's Case statuses (REC-1, REC-2): which are closed is org data (CaseStatus.IsClosed), not
// a fixed list, so it is read once from the org and cached. A case's own IsClosed (which
// Salesforce derives from the same rows) decides open/closed when reading cases; the cache picks
// the values AgentDesk writes: reopen = the org's default open status (IsDefault, else the first
// open one by SortOrder), close = the first closed one. A status the cache does not know (the
// admin changed the picklist) marks it stale, and the next write that needs it reads it again.
import { CrmError } from '../../../engine/crm-port.js';
import type { SalesforceApi } from './api.js';
import { caseStatusRecord, type CaseStatusRecord } from './replies.js';

export class CaseStatuses {
  private rows: CaseStatusRecord[] | null = null;
  private loading: Promise<CaseStatusRecord[]> | null = null;
  private stale = false;

  constructor(
    private readonly api: SalesforceApi,
    private readonly overrides: { reopenStatus?: string | undefined; closeStatus?: string | undefined },
  ) {}

  /** Seen on a case: an unknown value means the picklist changed since it was read. */
  observe(status: string | null | undefined): void {
    if (this.rows && status && !this.rows.some((r) => r.ApiName === status)) this.stale = true;
  }

  isClosed(status: string): boolean | null {
    return this.rows?.find((r) => r.ApiName === status)?.IsClosed ?? null;
  }

  async reopenStatus(signal?: AbortSignal): Promise<string> {
    if (this.overrides.reopenStatus) return this.overrides.reopenStatus;
    const rows = await this.load(signal);
    const open = rows.filter((r) => !r.IsClosed);
    const pick = open.find((r) => r.IsDefault) ?? open[0];
    if (!pick) throw new CrmError('invalid', 'Salesforce: the org has no open Case status (CaseStatus with IsClosed=false) to reopen a case with');
    return pick.ApiName;
  }

  async closeStatus(signal?: AbortSignal): Promise<string> {
    if (this.overrides.closeStatus) return this.overrides.closeStatus;
    const pick = (await this.load(signal)).find((r) => r.IsClosed);
    if (!pick) throw new CrmError('invalid', 'Salesforce: the org has no closed Case status (CaseStatus with IsClosed=true)');
    return pick.ApiName;
  }

  async load(signal?: AbortSignal): Promise<CaseStatusRecord[]> {
    if (this.rows && !this.stale) return this.rows;
    this.loading ??= this.api
      .query('SELECT ApiName, MasterLabel, IsClosed, IsDefault, SortOrder FROM CaseStatus ORDER BY SortOrder ASC', caseStatusRecord, signal)
      .then((rows) => {
        this.rows = rows;
        this.stale = false;
        return rows;
      })
      .finally(() => {
        this.loading = null;
      });
    return this.loading;
  }
}
