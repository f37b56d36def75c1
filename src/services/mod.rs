//! Browser side effects: the only modules that touch files, downloads, timing or the selection.
//! Components call these; the reducer never does.

pub mod download;
pub mod files;
pub mod timing;
