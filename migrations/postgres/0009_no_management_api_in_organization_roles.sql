-- Management API permissions administer the whole tenant, so only machine-to-machine global
-- roles may hold them (as Logto): never an organization role, whose holders an organization
-- admits, nor a user role. The API refuses both from now on; rows written before that rule are
-- removed here.
DELETE FROM organization_role_resource_scope_relations
WHERE scope_id IN (SELECT id FROM scopes WHERE resource_id = 'management-api');
DELETE FROM roles_scopes
WHERE scope_id IN (SELECT id FROM scopes WHERE resource_id = 'management-api')
  AND role_id IN (SELECT id FROM roles WHERE type = 'User');
