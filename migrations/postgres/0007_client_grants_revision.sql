-- WARNING: migrations/sqlite/0007_client_grants_revision.sql must describe the same schema.
-- A counter that rises with every committed change to what an organization token for a
-- machine-to-machine app is made of: the app itself, its memberships, its organization roles,
-- those roles' permissions and the permissions' names. Each replica keeps those grants in
-- memory and polls this one row to learn of changes made through other replicas (or by hand).
CREATE TABLE client_grants_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO client_grants_revision (id, value) VALUES (1, 0);

-- Raised at commit (deferred constraint triggers): the row lock is taken last, after every
-- other lock of the transaction, so two writers cannot deadlock over it; and the new value is
-- visible exactly when the change is. Once per transaction, however many rows it changed: a
-- transaction-local setting remembers that it was done.
CREATE FUNCTION raise_client_grants_revision() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('tessera.client_grants_raised_in', true)
            IS DISTINCT FROM txid_current()::text THEN
        UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
        PERFORM set_config('tessera.client_grants_raised_in', txid_current()::text, true);
    END IF;
    RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER applications__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON applications
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
CREATE CONSTRAINT TRIGGER organization_application_relations__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON organization_application_relations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
CREATE CONSTRAINT TRIGGER organization_role_application_relations__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON organization_role_application_relations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
CREATE CONSTRAINT TRIGGER organization_role_scope_relations__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON organization_role_scope_relations
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
CREATE CONSTRAINT TRIGGER organization_scopes__client_grants
    AFTER INSERT OR UPDATE OR DELETE ON organization_scopes
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION raise_client_grants_revision();
