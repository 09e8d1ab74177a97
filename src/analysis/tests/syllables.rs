//! The canonical tone placement checked on real syllables.
//!
//! Each line: the canonical (new style) spelling, then other spellings seen in real text (old
//! style, misplaced marks). Every spelling is also tried in NFD and in upper case.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::analysis::{canonical_tone, exact_form, fold};

const TABLE: &str = "
hoà hòa
thuỷ thủy
khoẻ khỏe
uỷ ủy
tỉnh
quý qúy
quốc qúôc
quyền qùyên
quyết qúyêt
giữ gĩư
giặc gịăc
gìn
gì
giếng gíêng
khuya
khuỷu khủyu khuyủ
nguyễn ngũyên
thuở thủơ
hươu
rượu rựơu
người ngừơi ngươì
tuổi tủôi tuôỉ
hoài hòai hoaì
ngoài ngòai ngoaì
oẳn ỏăn
uyển ủyên
chuyện chụyên
hoá hóa
loà lòa
toà tòa
xoá xóa
hoạ họa
thoả thỏa
khoá khóa
loé lóe
xoè xòe
hoè hòe
thuý thúy
luỹ lũy
tuỳ tùy
huỷ hủy
quỳ qùy
quỹ qũy
quả qủa
quạ qụa
quá qúa
già gìa
giá gía
giả gỉa
giữa gĩưa
giường gìương
giúp gíup
giỏi gỉoi
giới gíơi
giải gỉai
giàu gìau
giày gìay
hoàn hòan
toán tóan
khoản khỏan
quản qủan
quân
tuần tùân
huấn húân
khuấy khúây
ngoẹo ngọeo
ngoằn ngòăn
hoằng hòăng
thuận thụân
luật lụât
xuất xúât
khuyến khúyên
huyện hụyên
truyền trùyên
thuyết thúyêt
tuyển tủyên
duyệt dụyêt
quyển qủyên
nguyện ngụyên
yêu
yếu ýêu
yến ýên
ý
của cuả
múa muá
mía miá
kìa kià
hữu hưũ
cứu cưú
mưu
lưu
sửa sưả
mưa
được đựơc
trước trứơc
bước bứơc
mười mừơi
cười cừơi
đời
tới
với
mới
hỏi hoỉ
rồi rôì
tội tôị
cũng
những
chỉ
đạo đaọ
Đảng
tạo
báo baó
cáo
sẽ
hiện hịên
tiếp tíêp
việc vịêc
biết bíêt
liệu lịêu
tiêu
điều đìêu
hiểu hỉêu
nhiều nhìêu
Lạng
Sơn
Bắc
Giang
Hà
Nội
Hải Haỉ
Phòng
Ninh
Thuận Thụân
Côn
Đảo Đaỏ
Bình
Yên
Bái Baí
thường thừơng
vụ
kết
luận lụân
kỳ
họp
thứ
ngày ngaỳ
tháng
năm
thành
phố
địa điạ
giới
hành
chính
mở
rộng
kiến kíên
đồng
chí
phó
bí
thư
trực
Mặt
trận
tổ
xoay
xoáy xóay
ngoáy ngóay
khoái khóai
quai
quái qúai
loại lọai
thoại thọai
hoạch họach
oà òa
oản ỏan
oái óai
uý úy
uỵch ụych
huỳnh hùynh
quýnh qúynh
muối múôi
chuối chúôi
buổi bủôi
suối súôi
gửi gưỉ
gỡ
gốc
gieo
giao
nghĩa nghiã
nghị
nghiệp nghịêp
nghiêm
nhiệm nhịêm
triển trỉên
kiểm kỉêm
khuyên
xuân
uyên
Quảng Qủang
Khoa
Hoá Hóa
";

/// Words that are not one Vietnamese syllable: only case changes, the marks stay as written.
const NOT_SYLLABLES: &str = "TTr COVID BCSĐ logistics Yagi café Pokémon UBND iPhone Wi Fi \
    Krông Đắk Lắk Ea H'Leo Éclair naïve hóà aáà 2022 48 x2á";

fn spellings() -> Vec<(String, String)> {
    let mut pairs = Vec::new();
    for line in TABLE.lines().filter(|l| !l.trim().is_empty()) {
        let mut words = line.split_whitespace();
        let Some(canonical) = words.next() else {
            continue;
        };
        pairs.push((canonical.to_string(), canonical.to_string()));
        for variant in words {
            pairs.push((canonical.to_string(), variant.nfc().collect()));
        }
    }
    pairs
}

#[test]
fn table_has_at_least_150_distinct_syllables() {
    let distinct: HashSet<String> = spellings()
        .into_iter()
        .map(|(c, _)| c.to_lowercase())
        .collect();
    assert!(distinct.len() >= 150, "{}", distinct.len());
}

#[test]
fn every_spelling_gets_the_canonical_tone_placement() {
    for (canonical, variant) in spellings() {
        let nfd: String = variant.nfd().collect();
        let upper = variant.to_uppercase();
        assert_eq!(canonical_tone(&variant), canonical, "{variant}");
        assert_eq!(canonical_tone(&nfd), canonical, "{variant} in NFD");
        assert_eq!(canonical_tone(&upper), canonical.to_uppercase(), "{upper}");
        assert_eq!(exact_form(&upper), canonical.to_lowercase(), "{upper}");
        let upper_nfd: String = upper.nfd().collect();
        assert_eq!(
            exact_form(&upper_nfd),
            canonical.to_lowercase(),
            "{upper} in NFD"
        );
        assert_eq!(fold(&variant), fold(&canonical), "{variant}");
    }
}

#[test]
fn canonical_spellings_are_fixed_points() {
    for (canonical, _) in spellings() {
        assert_eq!(canonical_tone(&canonical), canonical);
    }
}

#[test]
fn words_that_are_not_syllables_pass_through() {
    for word in NOT_SYLLABLES.split_whitespace() {
        let word: String = word.nfc().collect();
        assert_eq!(canonical_tone(&word), word);
        assert_eq!(exact_form(&word), word.to_lowercase());
        let nfd: String = word.nfd().collect();
        assert_eq!(exact_form(&nfd), word.to_lowercase(), "{word} in NFD");
    }
    assert_eq!(fold("BCSĐ"), "bcsd");
    assert_eq!(fold("Éclair naïve"), "eclair naive");
}

#[test]
fn sentences_mixing_both_styles_agree() {
    let old = "Ban Thường vụ Tỉnh ủy, Ủy ban nhân dân tỉnh, đô thị hóa, thủy lợi, sức khỏe";
    let new = "Ban Thường vụ Tỉnh uỷ, Uỷ ban nhân dân tỉnh, đô thị hoá, thuỷ lợi, sức khoẻ";
    assert_eq!(canonical_tone(old), new);
    assert_eq!(canonical_tone(new), new);
}
