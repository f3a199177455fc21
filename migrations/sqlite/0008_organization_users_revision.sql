-- WARNING: migrations/postgres/0008_organization_users_revision.sql must describe the same schema.
-- A counter on each organization that rises with every membership of a user added, removed or
-- changed: a replica's page anchors for the organization's user list (the sort key at every
-- 1,000th position) are used only while it is unchanged.
ALTER TABLE organizations ADD COLUMN users_revision INTEGER NOT NULL DEFAULT 0;
DROP TRIGGER organization_user_relations__count_insert;
DROP TRIGGER organization_user_relations__count_delete;
CREATE TRIGGER organization_user_relations__count_insert
AFTER INSERT ON organization_user_relations
BEGIN
    UPDATE organizations SET users_count = users_count + 1, users_revision = users_revision + 1
        WHERE id = NEW.organization_id;
END;
CREATE TRIGGER organization_user_relations__count_delete
AFTER DELETE ON organization_user_relations
BEGIN
    UPDATE organizations SET users_count = users_count - 1, users_revision = users_revision + 1
        WHERE id = OLD.organization_id;
END;
CREATE TRIGGER organization_user_relations__revision_update
AFTER UPDATE ON organization_user_relations
BEGIN
    UPDATE organizations SET users_revision = users_revision + 1
        WHERE id IN (OLD.organization_id, NEW.organization_id);
END;
