#!/usr/bin/env bash
# Builds SkillplanFFI.xcframework for the Swift package (bindings-mobile/Package.swift): the static
# library for iOS devices and for the simulators (arm64 and x86_64, joined with lipo), with the
# uniffi-generated C header and module map.
# Needs macOS with Xcode.
# NOT RUN IN THIS PROJECT'S CI: there is no Swift toolchain or Xcode on its machines.
set -euo pipefail
cd "$(dirname "$0")/.."
rustup target add aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios
for target in aarch64-apple-ios aarch64-apple-ios-sim x86_64-apple-ios; do
  cargo build --profile mobile-release -p skillplan-mobile --target "$target"
done
out=target/xcframework
rm -rf "$out" bindings-mobile/ios/SkillplanFFI.xcframework
mkdir -p "$out/headers" "$out/simulator"
cp bindings-mobile/generated/swift/SkillplanFFI.h "$out/headers/"
# Xcode looks for a module map named module.modulemap in the headers folder.
cp bindings-mobile/generated/swift/SkillplanFFI.modulemap "$out/headers/module.modulemap"
lipo -create target/aarch64-apple-ios-sim/mobile-release/libskillplan_mobile.a \
  target/x86_64-apple-ios/mobile-release/libskillplan_mobile.a -output "$out/simulator/libskillplan_mobile.a"
xcodebuild -create-xcframework \
  -library target/aarch64-apple-ios/mobile-release/libskillplan_mobile.a -headers "$out/headers" \
  -library "$out/simulator/libskillplan_mobile.a" -headers "$out/headers" \
  -output bindings-mobile/ios/SkillplanFFI.xcframework
echo "now: xcodebuild -scheme Skillplan -destination 'generic/platform=iOS Simulator' build (in bindings-mobile), or add bindings-mobile as a local package in Xcode"
