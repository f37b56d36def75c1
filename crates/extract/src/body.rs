//! stub
use crate::tokens::Segmented;
use crate::Span;
use serde::{Deserialize, Serialize};
/// x
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct LineHint {}
pub(crate) fn find_body(_seg: &Segmented<'_>, _hints: &[LineHint]) -> Vec<Span> { Vec::new() }
