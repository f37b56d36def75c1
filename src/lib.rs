//! The Sidenote web app: renders [`state::State`] and dispatches [`state::Action`]s.
//!
//! Rules for maintainers: components render and dispatch, nothing else; every state change is a reducer
//! arm in `state.rs` (tested natively); everything that touches the browser beyond rendering — files,
//! downloads, storage, selection, timing — lives in `services/`.

pub mod app;
pub mod components;
pub mod exports;
pub mod history;
pub mod hooks;
pub mod journal;
pub mod records;
pub mod sample;
pub mod services;
pub mod state;
pub mod stored_records;
pub mod view_model;
pub mod wire;
pub mod worker_protocol;
