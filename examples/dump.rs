fn main() {
    for p in std::env::args().skip(1) {
        match ketluan::Document::from_file(&p) {
            Ok(d) => println!("{}", serde_json::to_string_pretty(&d).unwrap()),
            Err(e) => println!("ERR {e}"),
        }
    }
}
