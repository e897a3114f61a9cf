//! Document ids: UUIDv7 (RFC 9562) whose order is creation order across every session.
//!
//! A plain UUIDv7 generator is monotonic only within one process, and every PostgreSQL session is
//! its own process: two sessions creating documents in the same millisecond would get ids in
//! random order, so a client creating documents one after another through a connection pool
//! would see them out of order. docstore fills the bits after the timestamp with a counter taken
//! from one database-wide sequence (`nextval` is ordered across sessions), then random bits:
//!
//! ```text
//!  48 bits  unix_ts_ms
//!   4 bits  version (7)
//!  12 bits  counter, high bits        (rand_a)
//!   2 bits  variant (0b10)
//!  30 bits  counter, low bits         (rand_b, first part)
//!  32 bits  random                    (rand_b, rest)
//! ```
//!
//! This is RFC 9562's "fixed bit-length dedicated counter" method (section 6.2, method 1) with a
//! 42-bit counter. Of two creates where one finished before the other started, the later has the
//! same or a later millisecond and a larger counter, so a larger id. The counter wraps after 2^42
//! (4.4 trillion) ids, which only matters for ids made in the same millisecond as the wrap.

/// Bits of the counter kept in an id.
pub const COUNTER_BITS: u32 = 42;

/// The UUIDv7 for a creation at `unix_ms` with database-wide `counter` and `random` bits.
pub fn uuid_v7(unix_ms: u64, counter: u64, random: u32) -> [u8; 16] {
    let counter = counter & ((1 << COUNTER_BITS) - 1);
    let high: u64 = ((unix_ms & 0xFFFF_FFFF_FFFF) << 16) | (0x7 << 12) | (counter >> 30);
    let low: u64 = (0b10 << 62) | ((counter & 0x3FFF_FFFF) << 32) | u64::from(random);
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&high.to_be_bytes());
    bytes[8..].copy_from_slice(&low.to_be_bytes());
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn hex(bytes: [u8; 16]) -> String {
        bytes.iter().map(|b| format!("{b:02x}")).collect()
    }

    #[test]
    fn fields_are_where_rfc_9562_puts_them() {
        // 2026-01-01T00:00:00Z = 1767225600000 ms = 0x019b76daa800
        let id = uuid_v7(1_767_225_600_000, 0, 0);
        assert_eq!(hex(id), "019b76daa80070008000000000000000");
        let id = uuid_v7(1_767_225_600_000, (1 << 42) - 1, 0xDEAD_BEEF);
        assert_eq!(hex(id), "019b76daa8007fffbfffffffdeadbeef");
        assert_eq!(id[6] >> 4, 7, "version");
        assert_eq!(id[8] >> 6, 0b10, "variant");
    }

    #[test]
    fn the_counter_wraps_at_42_bits() {
        assert_eq!(uuid_v7(5, 1 << 42, 0), uuid_v7(5, 0, 0));
    }

    proptest! {
        /// Later creations (same or later millisecond, larger counter) sort later, whatever the
        /// random bits.
        #[test]
        fn ids_sort_by_time_then_counter(
            ms in 0u64..(1 << 48), dms in 0u64..1000,
            counter in 0u64..(1 << 41), dcounter in 1u64..(1 << 20),
            r1: u32, r2: u32,
        ) {
            let earlier = uuid_v7(ms, counter, r1);
            let later = uuid_v7((ms + dms).min((1 << 48) - 1), counter + dcounter, r2);
            prop_assert!(earlier < later);
        }

        #[test]
        fn version_and_variant_are_always_set(ms: u64, counter: u64, random: u32) {
            let id = uuid_v7(ms, counter, random);
            prop_assert_eq!(id[6] >> 4, 7);
            prop_assert_eq!(id[8] >> 6, 0b10);
        }
    }
}
