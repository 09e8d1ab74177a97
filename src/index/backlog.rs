//! The backlog of records waiting for tantivy's indexing threads, kept within
//! a byte limit.
//!
//! tantivy hands added documents to its indexing threads through a queue of
//! 10,000 sends, whatever their size. A caller that adds faster than the
//! threads index (a batch of documents parsed in advance, say) fills it: with
//! one send per conclusion document, 10,000 documents' worth of records wait in
//! memory, several hundred megabytes beyond the writer's budget. Every record
//! therefore carries a [`Ticket`] for its size; the ticket is returned when
//! tantivy drops the record after indexing it, and [`Backlog::admit`] holds the
//! caller back while the tickets out exceed the limit.

use std::sync::{Arc, Condvar, Mutex, PoisonError};
use std::time::Duration;

use tantivy::TantivyDocument;
use tantivy::schema::Value;
use tantivy::schema::document::Document as TantivyDocumentTrait;

/// How long [`Backlog::admit`] waits for the indexing threads to take records
/// before it lets the caller go on regardless. Indexing threads free records
/// every few microseconds while they work; a silence this long means they have
/// stopped (a failed writer), and the caller then learns that from tantivy
/// instead of waiting forever.
const STALL: Duration = Duration::from_secs(2);

/// Bytes of records handed to tantivy and not yet indexed.
#[derive(Debug)]
pub(crate) struct Backlog {
    limit: usize,
    bytes: Mutex<usize>,
    freed: Condvar,
}

impl Backlog {
    /// A backlog that holds callers back beyond `limit` bytes.
    pub(crate) fn new(limit: usize) -> Arc<Backlog> {
        Arc::new(Backlog {
            limit,
            bytes: Mutex::new(0),
            freed: Condvar::new(),
        })
    }

    /// Bytes currently waiting.
    #[cfg(test)]
    pub(crate) fn waiting(&self) -> usize {
        *self.bytes.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits until `bytes` more fit under the limit (a batch larger than the
    /// limit goes through alone once the backlog is empty), then takes a ticket
    /// for them.
    pub(crate) fn admit(self: &Arc<Backlog>, bytes: usize) -> Ticket {
        // A poisoned lock only means a thread panicked while holding it; the
        // count itself is always whole, so go on with it.
        let mut waiting = self.bytes.lock().unwrap_or_else(PoisonError::into_inner);
        while *waiting > 0 && *waiting + bytes > self.limit {
            let before = *waiting;
            let (guard, timeout) = self
                .freed
                .wait_timeout(waiting, STALL)
                .unwrap_or_else(PoisonError::into_inner);
            waiting = guard;
            if timeout.timed_out() && *waiting >= before {
                break;
            }
        }
        *waiting += bytes;
        Ticket {
            bytes,
            backlog: Arc::clone(self),
        }
    }
}

/// A claim on the backlog for some bytes of records, returned when dropped.
#[derive(Debug)]
pub(crate) struct Ticket {
    bytes: usize,
    backlog: Arc<Backlog>,
}

impl Ticket {
    /// Splits off a ticket for `bytes` of this one's (at most all of them).
    pub(crate) fn split(&mut self, bytes: usize) -> Ticket {
        let bytes = bytes.min(self.bytes);
        self.bytes -= bytes;
        Ticket {
            bytes,
            backlog: Arc::clone(&self.backlog),
        }
    }
}

impl Drop for Ticket {
    fn drop(&mut self) {
        if self.bytes == 0 {
            return;
        }
        let mut waiting = self
            .backlog
            .bytes
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        *waiting = waiting.saturating_sub(self.bytes);
        drop(waiting);
        self.backlog.freed.notify_all();
    }
}

/// A record as handed to tantivy: the document and its ticket, returned when
/// tantivy drops the record after indexing it (or discards it on rollback).
#[derive(Debug)]
pub(crate) struct Record {
    doc: TantivyDocument,
    _ticket: Ticket,
}

impl Record {
    pub(crate) fn new(doc: TantivyDocument, ticket: Ticket) -> Record {
        Record {
            doc,
            _ticket: ticket,
        }
    }
}

/// Approximate bytes a record holds: its text and a word for every other value.
pub(crate) fn record_size(doc: &TantivyDocument) -> usize {
    doc.field_values()
        .map(|(_, value)| value.as_str().map_or(0, str::len) + 16)
        .sum::<usize>()
        + 64
}

impl TantivyDocumentTrait for Record {
    type Value<'a> = <TantivyDocument as TantivyDocumentTrait>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as TantivyDocumentTrait>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tickets_return_their_bytes_when_dropped() {
        let backlog = Backlog::new(100);
        let mut a = backlog.admit(60);
        let b = a.split(20);
        assert_eq!(backlog.waiting(), 60);
        drop(b);
        assert_eq!(backlog.waiting(), 40);
        drop(a);
        assert_eq!(backlog.waiting(), 0);
    }

    #[test]
    fn a_batch_larger_than_the_limit_goes_through_alone() {
        let backlog = Backlog::new(10);
        let big = backlog.admit(1_000);
        assert_eq!(backlog.waiting(), 1_000);
        drop(big);
        assert_eq!(backlog.waiting(), 0);
    }

    #[test]
    fn admit_waits_until_another_thread_frees_room() {
        let backlog = Backlog::new(100);
        let held = backlog.admit(80);
        let (sent, received) = std::sync::mpsc::channel();
        let other = Arc::clone(&backlog);
        let thread = std::thread::spawn(move || {
            let ticket = other.admit(50);
            sent.send(()).ok();
            ticket
        });
        // Not admitted while 80 + 50 > 100 …
        assert!(received.recv_timeout(Duration::from_millis(100)).is_err());
        // … admitted once the first ticket is back.
        drop(held);
        received
            .recv_timeout(STALL)
            .expect("admitted after the drop");
        let ticket = thread.join().expect("thread");
        assert_eq!(backlog.waiting(), 50);
        drop(ticket);
    }

    #[test]
    fn a_stalled_backlog_lets_the_caller_go_on() {
        let backlog = Backlog::new(10);
        let _stuck = backlog.admit(10);
        // Nothing will ever free room: after a stall it goes on regardless.
        let _next = backlog.admit(5);
        assert_eq!(backlog.waiting(), 15);
    }
}
