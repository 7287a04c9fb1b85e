//! Shell variables: values, the export flag, and `local` scopes of functions.

use im::OrdMap;
use std::collections::BTreeMap;

/// One shell variable.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Var {
    /// Its value.
    pub value: String,
    /// Whether it is passed to programs (`export`).
    pub exported: bool,
}

/// The variable table with a stack of function scopes for `local`.
#[derive(Debug, Clone, Default)]
pub struct Vars {
    map: OrdMap<String, Var>,
    /// For each running function, the variables it made local and what they were before.
    frames: Vec<Vec<(String, Option<Var>)>>,
}

impl Vars {
    /// A variable's value, if set.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.map.get(name).map(|v| v.value.as_str())
    }

    /// Whether the variable is exported.
    pub fn is_exported(&self, name: &str) -> bool {
        self.map.get(name).is_some_and(|v| v.exported)
    }

    /// Sets a value, keeping the export flag.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.map.get_mut(name) {
            Some(var) => var.value = value,
            None => {
                self.map.insert(name.to_string(), Var { value, exported: false });
            }
        }
    }

    /// Marks a variable exported, creating it (empty) when `value` is given and it is missing.
    pub fn export(&mut self, name: &str, value: Option<String>) {
        match (self.map.get_mut(name), value) {
            (Some(var), value) => {
                var.exported = true;
                if let Some(value) = value {
                    var.value = value;
                }
            }
            (None, Some(value)) => {
                self.map.insert(name.to_string(), Var { value, exported: true });
            }
            (None, None) => {}
        }
    }

    /// Removes a variable.
    pub fn unset(&mut self, name: &str) {
        self.map.remove(name);
    }

    /// Every variable, by name.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &Var)> {
        self.map.iter()
    }

    /// The exported variables: the environment programs receive.
    pub fn environment(&self) -> BTreeMap<String, String> {
        // Inserted one by one: `collect` into a BTreeMap would link a sort for these pairs.
        let mut env = BTreeMap::new();
        for (k, v) in self.map.iter().filter(|(_, v)| v.exported) {
            env.insert(k.clone(), v.value.clone());
        }
        env
    }

    /// Enters a function: later `local` calls are undone by [`Vars::pop_frame`].
    pub fn push_frame(&mut self) {
        self.frames.push(Vec::new());
    }

    /// Leaves a function, restoring what its locals shadowed.
    pub fn pop_frame(&mut self) {
        if let Some(frame) = self.frames.pop() {
            for (name, old) in frame.into_iter().rev() {
                match old {
                    Some(var) => {
                        self.map.insert(name, var);
                    }
                    None => {
                        self.map.remove(&name);
                    }
                }
            }
        }
    }

    /// Makes a variable local to the running function; false outside any function.
    pub fn make_local(&mut self, name: &str) -> bool {
        let Some(frame) = self.frames.last_mut() else { return false };
        if !frame.iter().any(|(n, _)| n == name) {
            frame.push((name.to_string(), self.map.get(name).cloned()));
        }
        true
    }
}
