//! Undo and redo as a bounded history of states.
//!
//! Each entry is a whole state (the app keeps `Rc<Annotations>`, so an entry costs a pointer, not a copy).
//! The oldest entry is dropped once `limit` are kept, so a long session's memory stays bounded; a new change
//! after undoing drops what could have been redone.

use std::collections::VecDeque;

/// Earlier states (for undo) and undone states (for redo).
#[derive(Debug, Clone, PartialEq)]
pub struct History<T> {
    /// Earlier states, most recent last; at most `limit`.
    past: VecDeque<T>,
    /// Undone states, most recent last.
    future: Vec<T>,
    /// How many earlier states are kept.
    limit: usize,
}

impl<T: Clone> History<T> {
    /// An empty history keeping at most `limit` earlier states.
    pub fn new(limit: usize) -> Self {
        History { past: VecDeque::new(), future: Vec::new(), limit }
    }

    /// Records `previous`, the state a change just replaced: it becomes the one undo returns to, and the
    /// undone states can no longer be redone.
    pub fn record(&mut self, previous: T) {
        if self.limit == 0 {
            self.future.clear();
            return;
        }
        if self.past.len() == self.limit {
            self.past.pop_front();
        }
        self.past.push_back(previous);
        self.future.clear();
    }

    /// The state before `current`, if any; `current` is kept for redo.
    pub fn undo(&mut self, current: &T) -> Option<T> {
        let previous = self.past.pop_back()?;
        self.future.push(current.clone());
        Some(previous)
    }

    /// The state undone from `current`, if any; `current` is kept for undo.
    pub fn redo(&mut self, current: &T) -> Option<T> {
        let later = self.future.pop()?;
        self.past.push_back(current.clone());
        Some(later)
    }

    /// Replaces every state kept, for undo and for redo, by what `f` makes of it (another tab's changes
    /// folded into each, so that undoing never removes them).
    pub fn map(&mut self, mut f: impl FnMut(&T) -> T) {
        for state in self.past.iter_mut().chain(self.future.iter_mut()) {
            *state = f(state);
        }
    }

    /// How many earlier states undo can return to.
    pub fn undo_steps(&self) -> usize {
        self.past.len()
    }

    /// Whether there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }

    /// Whether nothing was ever changed (nothing to undo or redo).
    pub fn is_empty(&self) -> bool {
        self.past.is_empty() && self.future.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn undo_and_redo_walk_back_and_forth() {
        let mut history = History::new(10);
        let mut current = 0;
        for next in 1..=3 {
            history.record(current);
            current = next;
        }
        assert!(history.can_undo() && !history.can_redo());
        current = history.undo(&current).expect("an earlier state");
        assert_eq!(current, 2);
        current = history.undo(&current).expect("an earlier state");
        assert_eq!(current, 1);
        current = history.redo(&current).expect("an undone state");
        assert_eq!(current, 2);
        current = history.redo(&current).expect("an undone state");
        assert_eq!(current, 3);
        assert_eq!(history.redo(&current), None, "nothing left to redo");
    }

    #[test]
    fn a_new_change_after_undo_drops_the_redo_states() {
        let mut history = History::new(10);
        history.record(0);
        let current = history.undo(&1).expect("an earlier state");
        assert!(history.can_redo());
        history.record(current);
        assert!(!history.can_redo());
        assert_eq!(history.redo(&5), None);
    }

    #[test]
    fn only_the_most_recent_states_are_kept() {
        let mut history = History::new(3);
        for previous in 0..10 {
            history.record(previous);
        }
        let mut current = 10;
        let mut seen = Vec::new();
        while let Some(previous) = history.undo(&current) {
            seen.push(previous);
            current = previous;
        }
        assert_eq!(seen, [9, 8, 7], "the oldest states were dropped at the bound");
        assert_eq!(history.undo(&current), None);
    }

    #[test]
    fn an_empty_history_has_nothing_to_undo_or_redo() {
        let mut history: History<u8> = History::new(0);
        assert!(history.is_empty());
        history.record(1);
        assert!(history.is_empty(), "a zero bound keeps nothing");
        assert_eq!(history.undo(&2), None);
        assert_eq!(history.redo(&2), None);
    }

    #[test]
    fn map_changes_every_kept_state_for_undo_and_redo() {
        let mut history = History::new(10);
        history.record(1);
        history.record(2);
        let current = history.undo(&3).unwrap_or_default();
        assert_eq!(current, 2);
        history.map(|state| state * 10);
        // The caller maps the current state the same way (another tab's changes folded in).
        let current = current * 10;
        assert_eq!(history.undo_steps(), 1);
        assert_eq!(history.undo(&current), Some(10), "undo returns to the mapped earlier state");
        assert_eq!(history.redo(&10), Some(20), "redo returns to the mapped undone state");
        assert_eq!(history.redo(&20), Some(30));
    }
}
