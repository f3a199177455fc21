-- WARNING: migrations/postgres/0006_role_holder_order.sql must describe the same schema.
-- The role list shows up to three holders of each role, the first by id: these indexes give
-- them in that order without sorting every holder of a popular role.
DROP INDEX users_roles__role_id;
CREATE INDEX users_roles__role_id ON users_roles (tenant_id, role_id, user_id);
DROP INDEX applications_roles__role_id;
CREATE INDEX applications_roles__role_id ON applications_roles (tenant_id, role_id, application_id);
