//! ketluan itself, through its public API only.

use std::path::Path;

use ketluan::{Document, Index, Level, SearchRequest, WriterOptions};

use super::queries::{Answer, Granularity, LIMIT, MixQuery};

/// Creates the index in `dir` and adds `docs`; returns the documents in the index.
///
/// # Errors
/// Any ketluan error.
pub fn build(
    dir: &Path,
    docs: &[(String, Document)],
    options: WriterOptions,
) -> ketluan::Result<u64> {
    let index = Index::create_in_dir(dir)?;
    let mut writer = index.writer_with(options)?;
    for (key, doc) in docs {
        writer.add(key, doc)?;
    }
    writer.commit()?;
    writer.close()?;
    Ok(index.stats()?.documents)
}

/// An open ketluan index.
pub struct Ours {
    index: Index,
}

impl Ours {
    /// Opens the index built by [`build`].
    ///
    /// # Errors
    /// Any ketluan error.
    pub fn open(dir: &Path) -> ketluan::Result<Ours> {
        Ok(Ours {
            index: Index::open(dir)?,
        })
    }

    /// (documents, items) in the index.
    ///
    /// # Errors
    /// Any ketluan error.
    pub fn counts(&self) -> ketluan::Result<(u64, u64)> {
        let stats = self.index.stats()?;
        Ok((stats.documents, stats.items))
    }

    /// Runs one query of the mix. Facets are off: the peers compute none.
    ///
    /// # Errors
    /// Any ketluan error.
    pub fn run(&self, q: &MixQuery) -> ketluan::Result<Answer> {
        let mut request = SearchRequest::new(q.ours_text)
            .limit(LIMIT)
            .facets(false)
            .level(match q.granularity {
                Granularity::Item => Level::Item,
                Granularity::Document => Level::Document,
            });
        if let Some(body) = q.ours_body {
            request = request.body(body);
        }
        if let Some((from, to)) = q.dates {
            request = request.date_range(Some(from), Some(to));
        }
        let results = self.index.search(&request)?;
        Ok(Answer {
            total: results.total,
            exact: results.total_exact,
            top: results.hits.into_iter().map(|h| h.key).collect(),
        })
    }
}
