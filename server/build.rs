// Migrations are embedded with sqlx::migrate!; rebuild when a new file appears.
fn main() {
    println!("cargo:rerun-if-changed=../migrations");
}
