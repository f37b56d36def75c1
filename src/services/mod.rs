//! Browser side effects: the only modules that touch storage, files, downloads, the selection, scrolling,
//! timing or the extractor's worker. Components call these; the reducer never does.

pub mod dom;
pub mod download;
pub mod extractor;
pub mod files;
pub mod selection;
pub mod storage;
pub mod timing;
