import { api } from '../../api/client';

/**
 * The audit log. NOT IN THE API YET: the server keeps the log (`AuditLogRepository.findByBroker`)
 * but no route reads it. This page codes against the route it needs (see the report / README):
 *
 * `GET /api/v1/audit?brokerId=&action=&userId=&from=&to=&cursor=&limit=` (ADMIN own broker,
 * SUPERADMIN named) → `{ items: AuditEntry[], nextCursor? }`, newest first, the shape of
 * `domain/audit/AuditEntry` (JSON leaves nulls out).
 */
export interface AuditEntry {
  id: string;
  at: string;
  action: string;
  resourceType: string;
  resourceId?: string;
  /** Who did it; absent for the system or an anonymous caller. */
  userId?: string;
  /** Their name and e-mail, when the server adds them. */
  userName?: string;
  userEmail?: string;
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  ip?: string;
  requestId?: string;
}

export interface AuditPage {
  items: AuditEntry[];
  nextCursor?: string;
}

export interface AuditFilters {
  action?: string;
  userId?: string;
  from?: string;
  to?: string;
}

export const AUDIT_PAGE_SIZE = 50;

export const auditApi = {
  list: (filters: AuditFilters, cursor: string | undefined, signal?: AbortSignal) =>
    api.get<AuditPage>('/api/v1/audit', { query: { ...filters, cursor, limit: AUDIT_PAGE_SIZE }, signal }),
  users: (signal?: AbortSignal) => api.get<{ items: { id: string; name: string; email: string }[] }>('/api/v1/users', { signal }),
};

export const auditKeys = {
  list: (brokerId: string | null, filters: AuditFilters) => ['audit', brokerId, filters] as const,
  users: (brokerId: string | null) => ['audit', brokerId, 'users'] as const,
};
