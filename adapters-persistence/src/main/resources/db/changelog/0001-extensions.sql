--liquibase formatted sql

--changeset inmo:0001-extensions
--comment: btree_gist backs the appointments no-double-booking EXCLUDE constraint, pg_trgm is for text search.
-- Both are trusted extensions (PostgreSQL 13+): a database owner may create them without superuser.
CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
