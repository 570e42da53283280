#!/usr/bin/env bash
# Builds the Android AAR of skillplan: libskillplan_mobile.so for each ABI with cargo-ndk into
# bindings-mobile/android/src/main/jniLibs/<abi>/, then the AAR with Gradle.
# Needs ANDROID_NDK_HOME (an NDK, r26 or newer) and an Android SDK with Gradle ≥ 8.9 (for AGP 8.7).
# NOT RUN IN THIS PROJECT'S CI: there is no Android SDK or NDK on its machines.
set -euo pipefail
cd "$(dirname "$0")/.."
: "${ANDROID_NDK_HOME:?set ANDROID_NDK_HOME to an Android NDK}"
rustup target add aarch64-linux-android armv7-linux-androideabi x86_64-linux-android
command -v cargo-ndk >/dev/null || cargo install --locked cargo-ndk
cargo ndk -t arm64-v8a -t armeabi-v7a -t x86_64 --platform 26 \
  -o bindings-mobile/android/src/main/jniLibs build --profile mobile-release -p skillplan-mobile
(cd bindings-mobile/android && gradle assembleRelease)
ls -l bindings-mobile/android/build/outputs/aar/
