//! In-backend tests (`cargo pgrx test`).

#[pg_schema]
mod tests {
    use pgrx::prelude::*;

    #[pg_test]
    fn create_returns_version_1() {
        let v = Spi::get_one::<i32>("SELECT version FROM docstore_create('t', '{\"a\":1}')");
        assert_eq!(v, Ok(Some(1)));
    }
}
