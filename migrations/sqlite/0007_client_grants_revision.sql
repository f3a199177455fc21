-- WARNING: migrations/postgres/0007_client_grants_revision.sql must describe the same schema.
-- A counter that rises with every committed change to what an organization token for a
-- machine-to-machine app is made of: the app itself, its memberships, its organization roles,
-- those roles' permissions and the permissions' names. Each replica keeps those grants in
-- memory and polls this one row to learn of changes made through other replicas (or by hand).
CREATE TABLE client_grants_revision (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value BIGINT NOT NULL
);
INSERT INTO client_grants_revision (id, value) VALUES (1, 0);

-- SQLite has one writer at a time, so row triggers raise it inside the writing transaction
-- (rows removed by a foreign-key cascade fire them too).
CREATE TRIGGER applications__client_grants_insert AFTER INSERT ON applications
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER applications__client_grants_update AFTER UPDATE ON applications
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER applications__client_grants_delete AFTER DELETE ON applications
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_application_relations__client_grants_insert AFTER INSERT ON organization_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_application_relations__client_grants_update AFTER UPDATE ON organization_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_application_relations__client_grants_delete AFTER DELETE ON organization_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_application_relations__client_grants_insert AFTER INSERT ON organization_role_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_application_relations__client_grants_update AFTER UPDATE ON organization_role_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_application_relations__client_grants_delete AFTER DELETE ON organization_role_application_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_scope_relations__client_grants_insert AFTER INSERT ON organization_role_scope_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_scope_relations__client_grants_update AFTER UPDATE ON organization_role_scope_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_role_scope_relations__client_grants_delete AFTER DELETE ON organization_role_scope_relations
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_scopes__client_grants_insert AFTER INSERT ON organization_scopes
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_scopes__client_grants_update AFTER UPDATE ON organization_scopes
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
CREATE TRIGGER organization_scopes__client_grants_delete AFTER DELETE ON organization_scopes
BEGIN
    UPDATE client_grants_revision SET value = value + 1 WHERE id = 1;
END;
