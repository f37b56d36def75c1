//! Browser side effects: the only modules that touch storage, files, downloads, the selection, scrolling,
//! timing, share links, page captures, the service worker or the extractor's worker. Components call these;
//! the reducer never does.

pub mod capture;
pub mod dom;
pub mod download;
pub mod extractor;
pub mod files;
pub mod idb;
pub mod offline;
pub mod selection;
pub mod share;
pub mod storage;
pub mod tabs;
pub mod timing;
