//! `skillplan --version` names the workspace's one version, the one every package carries.

use std::process::Command;

#[test]
fn version_is_the_workspace_version() {
    let out =
        Command::new(env!("CARGO_BIN_EXE_skillplan")).arg("--version").output().expect("the skillplan binary runs");
    assert!(out.status.success());
    let manifest = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../Cargo.toml")).expect("Cargo.toml");
    let workspace = manifest
        .lines()
        .skip_while(|l| *l != "[workspace.package]")
        .find_map(|l| l.strip_prefix("version = \""))
        .and_then(|v| v.strip_suffix('"'))
        .expect("[workspace.package] version");
    assert_eq!(String::from_utf8(out.stdout).expect("UTF-8"), format!("skillplan {workspace}\n"));
    assert_eq!(skillplan::VERSION, workspace);
}
