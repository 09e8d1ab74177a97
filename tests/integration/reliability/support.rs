//! Documents made in code, and a small seeded random generator.

use ketluan::{AgendaItem, Document};
use time::macros::date;

pub use crate::made::item;

/// A document of Lạng Sơn's standing committee with the given items.
pub fn document(items: Vec<AgendaItem>) -> Document {
    Document {
        number: Some("96-KL/TU".into()),
        ..crate::made::doc(
            "Ban Thường vụ Tỉnh ủy",
            "Lạng Sơn",
            date!(2022 - 03 - 04),
            items,
        )
    }
}

/// A three-item document whose first item carries the word `marker`.
pub fn marked(marker: &str) -> Document {
    document(vec![
        item(
            1,
            "điều chỉnh địa giới hành chính thành phố Lạng Sơn",
            &format!("Ban Thường vụ Tỉnh ủy đồng ý chủ trương, mã {marker}."),
        ),
        item(
            2,
            "chuyển đổi số trong cơ quan đảng",
            "Giao Ban cán sự đảng Ủy ban nhân dân tỉnh chỉ đạo thực hiện.",
        ),
        item(
            3,
            "công tác cán bộ",
            "Thống nhất như đề nghị của Ban Tổ chức Tỉnh ủy.",
        ),
    ])
}

/// SplitMix64: a seeded generator so that a failing run can be replayed.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}
