-- WARNING: migrations/postgres/0005_organization_list_revisions.sql must describe the same schema.
-- Revisions that let a replica tell whether its copy of a member's organization list
-- (`GET /api/users/:id/organizations`) is still current without reading the list again:
-- - a member's counter rises in every transaction that gives it a membership or an
--   organization role (removals need no counter: they lower the member's row counts);
-- - the tenant's counter rises in every transaction that edits an organization or an
--   organization role, whose fields the list shows.
ALTER TABLE tenants ADD COLUMN organizations_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN organizations_revision INTEGER NOT NULL DEFAULT 0;
ALTER TABLE applications ADD COLUMN organizations_revision INTEGER NOT NULL DEFAULT 0;
