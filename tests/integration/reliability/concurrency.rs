//! Concurrent searches while one writer commits.
