//! The app's effect hook, `use_effect_on`: Yew's `use_effect_with` with its dependencies' type erased.
//!
//! Why: every `use_effect_with` call is its own copy of Yew's effect machinery (the dependencies' comparison,
//! the runner, the tear-down, their drops: ~600 bytes of Wasm each, for some twenty effects). Here Yew's hook
//! is instantiated once, on [`ErasedDeps`] and boxed closures, and each call site only adds its comparison
//! function and two small boxes. Effects run, compare and tear down exactly as with `use_effect_with`.

use std::any::Any;

use yew::functional::{Hook, TearDown};
use yew::use_effect_with;

/// An effect's dependencies of any type, compared through the function made for that type.
pub struct ErasedDeps {
    value: Box<dyn Any>,
    same: fn(&dyn Any, &dyn Any) -> bool,
}

impl PartialEq for ErasedDeps {
    fn eq(&self, other: &Self) -> bool {
        (self.same)(self.value.as_ref(), other.value.as_ref())
    }
}

/// Whether `a` and `b` are both a `T` and equal.
fn same<T: PartialEq + 'static>(a: &dyn Any, b: &dyn Any) -> bool {
    matches!((a.downcast_ref::<T>(), b.downcast_ref::<T>()), (Some(a), Some(b)) if a == b)
}

/// An effect given its dependencies (erased), giving back its tear-down.
type Runner = Box<dyn FnOnce(&dyn Any) -> Box<dyn FnOnce()>>;

/// Runs `effect` after a render whose `deps` differ from the last run's (and after the first render), first
/// tearing down what the last run gave back; the last tear-down runs when the component goes away. As Yew's
/// `use_effect_with`.
pub fn use_effect_on<T, D>(deps: T, effect: impl FnOnce(&T) -> D + 'static) -> impl Hook<Output = ()>
where
    T: PartialEq + 'static,
    D: TearDown,
{
    let runner: Runner = Box::new(move |deps: &dyn Any| match deps.downcast_ref::<T>() {
        Some(deps) => {
            let tear_down = effect(deps);
            Box::new(move || tear_down.tear_down())
        }
        // Never taken: the runner is only ever given the `T` it came with.
        None => Box::new(|| ()),
    });
    use_erased_effect(ErasedDeps { value: Box::new(deps), same: same::<T> }, runner)
}

/// The one instance of Yew's effect hook.
fn use_erased_effect(deps: ErasedDeps, runner: Runner) -> impl Hook<Output = ()> {
    use_effect_with(deps, move |deps| runner(deps.value.as_ref()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn erased<T: PartialEq + 'static>(value: T) -> ErasedDeps {
        ErasedDeps { value: Box::new(value), same: same::<T> }
    }

    #[test]
    fn erased_dependencies_compare_as_their_type_does() {
        assert!(erased((1u64, true)) == erased((1u64, true)));
        assert!(erased((1u64, true)) != erased((1u64, false)));
        assert!(erased(Some(3usize)) != erased(None::<usize>));
        assert!(erased(()) == erased(()));
        // Values of two types are never the same dependencies, even when they look alike.
        assert!(erased(1u32) != erased(1u64));
    }
}
