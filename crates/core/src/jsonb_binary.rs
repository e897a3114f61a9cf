//! Reading PostgreSQL's binary jsonb (`utils/jsonb.h`) without PostgreSQL: enough to look a key
//! up in an object, walk an array and compare scalars, for `docstore.match_eq`'s per-row test.
//! Every read is bounds-checked; bytes that do not follow the format read as "no match".
//!
//! A container is a `uint32` header (element count, and the object / array / scalar flags), one
//! `JEntry` per child (for an object: the keys, then the values), then the children's data. A
//! `JEntry` holds a type and either the child's length or, every 32nd entry, its end offset.
//! Object keys are sorted by length, then bytes. Numerics and nested containers start at a
//! 4-byte-aligned offset of the data area.

// jsonb.h: JsonbContainer.header (element count and flags). Also read by `jsonb_shape`.
pub(crate) const JB_CMASK: u32 = 0x0FFF_FFFF;
pub(crate) const JB_FSCALAR: u32 = 0x1000_0000;
pub(crate) const JB_FOBJECT: u32 = 0x2000_0000;
pub(crate) const JB_FARRAY: u32 = 0x4000_0000;

// jsonb.h: JEntry (type bits, and a length or an end offset).
const JENTRY_OFFLENMASK: u32 = 0x0FFF_FFFF;
pub(crate) const JENTRY_TYPEMASK: u32 = 0x7000_0000;
const JENTRY_HAS_OFF: u32 = 0x8000_0000;
pub(crate) const JENTRY_ISSTRING: u32 = 0x0000_0000;
pub(crate) const JENTRY_ISNUMERIC: u32 = 0x1000_0000;
pub(crate) const JENTRY_ISBOOL_FALSE: u32 = 0x2000_0000;
pub(crate) const JENTRY_ISBOOL_TRUE: u32 = 0x3000_0000;
pub(crate) const JENTRY_ISNULL: u32 = 0x4000_0000;
const JENTRY_ISCONTAINER: u32 = 0x5000_0000;

/// A jsonb container: the payload of a jsonb datum (after its varlena header), or a nested one.
#[derive(Clone, Copy, Debug)]
pub struct Container<'a> {
    bytes: &'a [u8],
}

/// A value inside a container.
#[derive(Clone, Copy, Debug)]
pub enum Value<'a> {
    Null,
    Bool(bool),
    /// UTF-8 bytes.
    String(&'a [u8]),
    Numeric(Numeric<'a>),
    Container(Container<'a>),
}

/// A numeric by value: sign, weight and base-10000 digits, the way PostgreSQL stores them
/// (leading and trailing zero digits stripped), so equal numbers have equal parts whatever
/// their display scale (`1` and `1.0`).
#[derive(Clone, Copy, Debug)]
pub struct Numeric<'a> {
    negative: bool,
    weight: i16,
    digits: &'a [u8],
}

/// The native-order `uint32` at `at`, if the bytes hold one.
pub(crate) fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    let b = bytes.get(at..at.checked_add(4)?)?;
    Some(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]))
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u16> {
    let b = bytes.get(at..at.checked_add(2)?)?;
    Some(u16::from_ne_bytes([b[0], b[1]]))
}

/// Byte equality of short slices (keys, digits) without a call to memcmp.
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

fn int_align(n: usize) -> usize {
    (n + 3) & !3
}

/// The payload of a varlena value stored in place (a 4-byte or a 1-byte header; not compressed,
/// not external). `None` for anything else.
pub fn varlena_payload(bytes: &[u8]) -> Option<&[u8]> {
    let first = *bytes.first()?;
    if cfg!(target_endian = "little") {
        if first & 0x01 == 0x01 {
            // 1-byte header: the size includes it; 0x01 alone marks an external value.
            let size = usize::from(first >> 1);
            if first == 0x01 || size < 1 {
                return None;
            }
            return bytes.get(1..size);
        }
        if first & 0x03 == 0x00 {
            let size = (u32_at(bytes, 0)? >> 2) as usize;
            return bytes.get(4..size);
        }
        None // compressed
    } else {
        if first & 0x80 == 0x80 {
            let size = usize::from(first & 0x7F);
            if first == 0x80 || size < 1 {
                return None;
            }
            return bytes.get(1..size);
        }
        if first & 0xC0 == 0x00 {
            let size = (u32_at(bytes, 0)? & 0x3FFF_FFFF) as usize;
            return bytes.get(4..size);
        }
        None
    }
}

impl<'a> Container<'a> {
    pub fn new(bytes: &'a [u8]) -> Option<Container<'a>> {
        u32_at(bytes, 0)?;
        Some(Container { bytes })
    }

    fn header(&self) -> u32 {
        u32_at(self.bytes, 0).unwrap_or(0)
    }

    fn count(&self) -> usize {
        (self.header() & JB_CMASK) as usize
    }

    pub fn is_object(&self) -> bool {
        self.header() & JB_FOBJECT != 0
    }

    /// An array, not a raw scalar's one-element pseudo-array.
    pub fn is_array(&self) -> bool {
        self.header() & JB_FARRAY != 0 && self.header() & JB_FSCALAR == 0
    }

    fn entries(&self) -> usize {
        if self.is_object() {
            self.count() * 2
        } else {
            self.count()
        }
    }

    fn entry(&self, index: usize) -> Option<u32> {
        u32_at(self.bytes, 4 + 4 * index)
    }

    /// Where child `index`'s data starts, from the start of the data area.
    fn offset(&self, index: usize) -> Option<usize> {
        let mut offset = 0usize;
        for i in (0..index).rev() {
            let entry = self.entry(i)?;
            offset = offset.checked_add((entry & JENTRY_OFFLENMASK) as usize)?;
            if entry & JENTRY_HAS_OFF != 0 {
                break;
            }
        }
        Some(offset)
    }

    /// Child `index`'s data start and length within the data area.
    fn span(&self, index: usize) -> Option<(usize, usize)> {
        let entry = self.entry(index)?;
        let start = self.offset(index)?;
        let field = (entry & JENTRY_OFFLENMASK) as usize;
        let len = if entry & JENTRY_HAS_OFF != 0 {
            field.checked_sub(start)?
        } else {
            field
        };
        Some((start, len))
    }

    fn data(&self) -> Option<&'a [u8]> {
        self.bytes.get(4 + 4 * self.entries()..)
    }

    /// Child `index` (of all entries: for an object, keys first, then values).
    fn child(&self, index: usize) -> Option<Value<'a>> {
        let entry = self.entry(index)?;
        let (start, len) = self.span(index)?;
        let data = self.data()?;
        let end = start.checked_add(len)?;
        Some(match entry & JENTRY_TYPEMASK {
            JENTRY_ISSTRING => Value::String(data.get(start..end)?),
            JENTRY_ISNUMERIC => {
                let aligned = int_align(start);
                Value::Numeric(Numeric::read(data.get(aligned..end)?)?)
            }
            JENTRY_ISBOOL_FALSE => Value::Bool(false),
            JENTRY_ISBOOL_TRUE => Value::Bool(true),
            JENTRY_ISNULL => Value::Null,
            JENTRY_ISCONTAINER => {
                let aligned = int_align(start);
                Value::Container(Container::new(data.get(aligned..end)?)?)
            }
            _ => return None,
        })
    }

    /// The value of `key` in this object: one pass over the keys' entries (objects are small;
    /// a binary search would re-add the lengths before each probe), comparing bytes only where
    /// the lengths agree.
    pub fn get(&self, key: &[u8]) -> Option<Value<'a>> {
        if !self.is_object() {
            return None;
        }
        let count = self.count();
        let data = self.data()?;
        let mut offset = 0usize;
        for i in 0..count {
            let entry = self.entry(i)?;
            let field = (entry & JENTRY_OFFLENMASK) as usize;
            let (start, end) = if entry & JENTRY_HAS_OFF != 0 {
                (offset, field)
            } else {
                (offset, offset.checked_add(field)?)
            };
            offset = end;
            if end.checked_sub(start)? == key.len() {
                if same_bytes(data.get(start..end)?, key) {
                    return self.child(i + count);
                }
            } else if end - start > key.len() {
                return None; // keys sort by length first: no longer key can match
            }
        }
        None
    }

    /// The elements of this array.
    pub fn elements(self) -> impl Iterator<Item = Value<'a>> {
        let count = if self.is_array() { self.count() } else { 0 };
        (0..count).map_while(move |i| self.child(i))
    }

    /// The (key, value) pairs of this object, in stored order.
    pub fn pairs(self) -> impl Iterator<Item = (&'a [u8], Value<'a>)> {
        let count = if self.is_object() { self.count() } else { 0 };
        (0..count).map_while(move |i| match (self.child(i)?, self.child(i + count)?) {
            (Value::String(key), value) => Some((key, value)),
            _ => None,
        })
    }
}

impl PartialEq for Numeric<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.negative == other.negative
            && self.weight == other.weight
            && same_bytes(self.digits, other.digits)
    }
}

impl<'a> Numeric<'a> {
    /// A numeric varlena (as stored in jsonb, or a numeric datum's bytes).
    pub fn read(varlena: &'a [u8]) -> Option<Numeric<'a>> {
        let payload = varlena_payload(varlena)?;
        let header = u16_at(payload, 0)?;
        const SIGN_MASK: u16 = 0xC000;
        const NEG: u16 = 0x4000;
        const SHORT: u16 = 0x8000;
        const SPECIAL: u16 = 0xC000;
        let (negative, weight, digits) = match header & SIGN_MASK {
            SHORT => {
                let negative = header & 0x2000 != 0;
                let magnitude = (header & 0x003F) as i16;
                let weight = if header & 0x0040 != 0 {
                    magnitude | !0x003F
                } else {
                    magnitude
                };
                (negative, weight, payload.get(2..)?)
            }
            SPECIAL => return None, // NaN and infinities: not JSON
            sign => (sign == NEG, u16_at(payload, 2)? as i16, payload.get(4..)?),
        };
        if digits.len() % 2 != 0 {
            return None;
        }
        // Zero is stored with no digits (and any sign and weight).
        if digits.is_empty() {
            return Some(Numeric {
                negative: false,
                weight: 0,
                digits,
            });
        }
        Some(Numeric {
            negative,
            weight,
            digits,
        })
    }
}

impl Value<'_> {
    /// JSON equality of two scalars, as jsonb compares them (numbers by value). Containers are
    /// never equal here.
    pub fn scalar_eq(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::Null, Value::Null) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::String(a), Value::String(b)) => same_bytes(a, b),
            (Value::Numeric(a), Value::Numeric(b)) => a == b,
            _ => false,
        }
    }
}

/// MongoDB's equality of a document's value with a scalar: the value equals it, or is an array
/// with an element equal to it.
pub fn matches_scalar(value: &Value, scalar: &Value) -> bool {
    match value {
        Value::Container(c) if c.is_array() => c.elements().any(|e| e.scalar_eq(scalar)),
        Value::Container(_) => false,
        value => value.scalar_eq(scalar),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A 4-byte varlena header (little- or big-endian, as the machine stores it).
    fn varlena(payload: &[u8]) -> Vec<u8> {
        let size = (payload.len() + 4) as u32;
        let header = if cfg!(target_endian = "little") {
            size << 2
        } else {
            size & 0x3FFF_FFFF
        };
        let mut bytes = header.to_ne_bytes().to_vec();
        bytes.extend_from_slice(payload);
        bytes
    }

    fn numeric(header: u16, rest: &[u16]) -> Vec<u8> {
        let mut payload = header.to_ne_bytes().to_vec();
        for d in rest {
            payload.extend_from_slice(&d.to_ne_bytes());
        }
        varlena(&payload)
    }

    #[test]
    fn numerics_compare_by_value_whatever_their_scale() {
        // Short format: weight 0, one digit 1; dscale 0 and dscale 1 ("1" and "1.0").
        let one = numeric(0x8000, &[1]);
        let one_point_zero = numeric(0x8000 | (1 << 7), &[1]);
        let two = numeric(0x8000, &[2]);
        let minus_one = numeric(0x8000 | 0x2000, &[1]);
        fn read(b: &[u8]) -> Numeric<'_> {
            Numeric::read(b).expect("a numeric")
        }
        assert_eq!(read(&one), read(&one_point_zero));
        assert_ne!(read(&one), read(&two));
        assert_ne!(read(&one), read(&minus_one));
        // Long format with the same value: sign/dscale word, then weight.
        let long_one = numeric(0x0000, &[0, 1]);
        assert_eq!(read(&long_one), read(&one));
        // Zero has no digits, whatever the sign bits say.
        assert_eq!(
            read(&numeric(0x8000, &[])),
            read(&numeric(0x8000 | 0x2000, &[]))
        );
        // NaN and odd byte counts are not numbers here.
        assert!(Numeric::read(&numeric(0xC000, &[])).is_none());
        assert!(Numeric::read(&varlena(&[0x00, 0x80, 0x01])).is_none());
    }

    #[test]
    fn garbage_reads_as_nothing_not_a_panic() {
        for bytes in [
            &[][..],
            &[1, 2],
            &[0xFF; 16],
            &[0x20, 0, 0, 0x20, 9, 9, 9, 9],
        ] {
            if let Some(c) = Container::new(bytes) {
                let _ = c.get(b"a");
                let _ = c.elements().count();
                let _ = c.pairs().count();
            }
            let _ = Numeric::read(bytes);
        }
    }
}
