-- WARNING: migrations/sqlite/0008_organization_users_revision.sql must describe the same schema.
-- A counter on each organization that rises with every membership of a user added, removed or
-- changed: a replica's page anchors for the organization's user list (the sort key at every
-- 1,000th position) are used only while it is unchanged.
ALTER TABLE organizations ADD COLUMN users_revision BIGINT NOT NULL DEFAULT 0;
CREATE OR REPLACE FUNCTION organization_users_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        UPDATE organizations SET users_count = users_count + 1, users_revision = users_revision + 1
            WHERE id = NEW.organization_id;
    ELSIF TG_OP = 'DELETE' THEN
        UPDATE organizations SET users_count = users_count - 1, users_revision = users_revision + 1
            WHERE id = OLD.organization_id;
    ELSE
        UPDATE organizations SET users_revision = users_revision + 1
            WHERE id IN (OLD.organization_id, NEW.organization_id);
    END IF;
    RETURN NULL;
END $$;
DROP TRIGGER organization_user_relations__count ON organization_user_relations;
CREATE TRIGGER organization_user_relations__count
AFTER INSERT OR DELETE OR UPDATE ON organization_user_relations
FOR EACH ROW EXECUTE FUNCTION organization_users_count();
