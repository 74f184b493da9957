--liquibase formatted sql

--changeset inmo:0015-audit-log-reads
--comment: The audit log read route (GET /api/v1/audit): newest first in keyset pages on (created_at, id), optionally of one user. The list index ends with the keyset order (it replaces the one on created_at alone); "what did this user do" reads its own index instead of walking the broker's whole log.
CREATE INDEX audit_logs_broker_id_created_at_id_idx ON audit_logs (broker_id, created_at DESC, id DESC);
DROP INDEX audit_logs_broker_id_created_at_idx;
CREATE INDEX audit_logs_broker_id_user_id_created_at_id_idx ON audit_logs (broker_id, user_id, created_at DESC, id DESC);
