//! Native functions of the simulated CPython: the entry points the interpreter calls as values
//! of native modules, forwarded to the machine by name ([`Host::call`]), and the machine's side
//! of them (`_venvlab`: venv, pip and the console scripts of bundled packages).

use super::host::Machine;
use super::lang::{Exception, Host, NativeFn, Value};

/// Defines native functions that forward to [`Host::call`] under their Python name.
macro_rules! forwarders {
    ($($fn_name:ident => $name:literal),* $(,)?) => {
        $(
            #[doc = concat!("`", $name, "`, run by the machine.")]
            pub fn $fn_name(host: &mut dyn Host, args: &[Value], kwargs: &[(String, Value)]) -> Result<Value, Exception> {
                host.call($name, args, kwargs)
            }
        )*
    };
}

forwarders! {
    os_getcwd => "os.getcwd",
    os_listdir => "os.listdir",
    path_exists => "os.path.exists",
    path_isdir => "os.path.isdir",
    path_isfile => "os.path.isfile",
    path_abspath => "os.path.abspath",
    re_sub => "re.sub",
    re_search => "re.search",
    re_match => "re.match",
    site_getsitepackages => "site.getsitepackages",
    venv_main => "_venvlab.venv_main",
    ensurepip_main => "_venvlab.ensurepip_main",
    pip_main => "_venvlab.pip_main",
    cowsay_cli => "_venvlab.cowsay_cli",
    f2py_main => "_venvlab.f2py_main",
    numpy_config_main => "_venvlab.numpy_config_main",
}

/// A named native function value.
pub fn function(name: &'static str, f: NativeFn) -> (String, Value) {
    (name.rsplit('.').next().unwrap_or(name).to_string(), Value::NativeFunction(name, f))
}

/// `os.path.join(a, *p)`: an absolute part discards what came before.
pub fn path_join(_: &mut dyn Host, args: &[Value], _: &[(String, Value)]) -> Result<Value, Exception> {
    let mut out = String::new();
    for (i, arg) in args.iter().enumerate() {
        let part = arg.as_str().ok_or_else(|| {
            Exception::new("TypeError", format!("join() argument must be str, bytes, or os.PathLike object, not '{}'", type_name(arg)))
        })?;
        if part.starts_with('/') || i == 0 {
            out = part.to_string();
        } else if out.is_empty() || out.ends_with('/') {
            out.push_str(part);
        } else {
            out.push('/');
            out.push_str(part);
        }
    }
    Ok(Value::str(&out))
}

fn type_name(v: &Value) -> &'static str {
    match v {
        Value::None => "NoneType",
        Value::Int(_) => "int",
        Value::Float(_) => "float",
        Value::Bool(_) => "bool",
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Dict(_) => "dict",
        _ => "object",
    }
}

/// The `_venvlab` module: the native side of venv, pip and packages' console scripts.
pub fn venvlab_module() -> Vec<(String, Value)> {
    vec![
        function("_venvlab.venv_main", venv_main),
        function("_venvlab.ensurepip_main", ensurepip_main),
        function("_venvlab.pip_main", pip_main),
        function("_venvlab.cowsay_cli", cowsay_cli),
        function("_venvlab.f2py_main", f2py_main),
        function("_venvlab.numpy_config_main", numpy_config_main),
    ]
}

/// Runs a machine-side function that [`Machine::call`] does not handle itself.
pub fn call(machine: &mut Machine, name: &str, args: &[Value], kwargs: &[(String, Value)]) -> Result<Value, Exception> {
    // A keyword argument that Debian's copy of a module passes as `True`.
    let flag = |name: &str| kwargs.iter().any(|(k, v)| k == name && matches!(v, Value::Bool(true)));
    let status = match name {
        "site.getsitepackages" => {
            return Ok(Value::list(machine.paths.site_packages.iter().map(|s| Value::str(s)).collect()));
        }
        "_venvlab.venv_main" => super::venv::main(machine, flag("debian_python3_venv_hint")),
        "_venvlab.ensurepip_main" => {
            super::ensurepip::main(machine, flag("debian_system_python")).map_err(|message| Exception::new("ValueError", message))?
        }
        "_venvlab.pip_main" => super::pip::main(machine),
        "_venvlab.cowsay_cli" => super::packages::cowsay(machine),
        "_venvlab.f2py_main" => super::packages::f2py(machine),
        "_venvlab.numpy_config_main" => super::packages::numpy_config(machine),
        other => {
            let _ = args;
            return Err(Exception::new("NotImplementedError", format!("venvlab: {other} is not available in this simulation")));
        }
    };
    Err(Exception::system_exit(Value::Int(i128::from(status))))
}
