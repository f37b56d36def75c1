//! Precision, recall and F1 counts shared by the suites that score whole texts against their gold
//! (`org_misc_suite.rs`, `pages_suite.rs`): one definition, so both suites' figures mean the same.

/// Matches, predictions and gold entries of one kind (or of several, added up).
#[derive(Default, Clone, Copy)]
pub struct Counts {
    pub true_positive: usize,
    pub predicted: usize,
    pub gold: usize,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.true_positive += other.true_positive;
        self.predicted += other.predicted;
        self.gold += other.gold;
    }
    pub fn precision(self) -> f64 {
        ratio(self.true_positive, self.predicted)
    }
    pub fn recall(self) -> f64 {
        ratio(self.true_positive, self.gold)
    }
    pub fn f1(self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

fn ratio(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}
