#!/usr/bin/env bash
# Builds llama.cpp's `llama-bench` (CPU only) from the exact llama.cpp source that node-llama-cpp ships, so the
# fidelity check (bench/llamacpp-fidelity.ts) compares Rigmark's in-process figures with the reference tool built
# from the same release. Offline: node-llama-cpp carries the source as a git bundle (llama/gitRelease.bundle).
#
# Usage: bench/llama-bench/build.sh [native|native-noomp]
#   native        GGML_NATIVE=ON, OpenMP as llama.cpp defaults (what a user building llama-bench gets)  [default]
#   native-noomp  GGML_NATIVE=ON, GGML_OPENMP=OFF (ggml's own thread pool, like node-llama-cpp's prebuilt binaries)
# Output: .cache/llama-bench/<variant>/bin/llama-bench (git-ignored). Re-running reuses the source and build dirs.
set -euo pipefail

variant="${1:-native}"
case "$variant" in
  native) openmp=ON ;;
  native-noomp) openmp=OFF ;;
  *) echo "unknown variant '$variant' (native | native-noomp)" >&2; exit 2 ;;
esac

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
nlc="$root/node_modules/node-llama-cpp/llama"
cache="$root/.cache/llama-bench"
src="$cache/src"
build="$cache/$variant"

for tool in git cmake g++; do
  command -v "$tool" >/dev/null || { echo "llama-bench build needs '$tool' on PATH" >&2; exit 1; }
done
if [[ ! -f "$nlc/gitRelease.bundle" ]]; then
  echo "node-llama-cpp's llama.cpp source bundle is missing: $nlc/gitRelease.bundle" >&2
  exit 1
fi

release="$(node -p "require('$nlc/llama.cpp.info.json').tag" 2>/dev/null || echo unknown)"
mkdir -p "$cache"
if [[ ! -f "$src/CMakeLists.txt" ]]; then
  echo "extracting llama.cpp $release from node-llama-cpp's bundle"
  rm -rf "$src"
  git clone --quiet "$nlc/gitRelease.bundle" "$src"
fi

generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
jobs="${LLAMA_BENCH_JOBS:-$(nproc)}"

start=$(date +%s)
cmake -S "$src" -B "$build" "${generator[@]}" \
  -DCMAKE_BUILD_TYPE=Release \
  -DGGML_NATIVE=ON \
  -DGGML_OPENMP="$openmp" \
  -DLLAMA_OPENSSL=OFF \
  -DLLAMA_BUILD_TESTS=OFF \
  -DLLAMA_BUILD_EXAMPLES=OFF \
  -DLLAMA_BUILD_SERVER=OFF \
  -DLLAMA_BUILD_APP=OFF \
  -DBUILD_SHARED_LIBS=OFF >"$cache/$variant-configure.log"
cmake --build "$build" --target llama-bench -j "$jobs" >"$cache/$variant-build.log"
echo "$release" >"$build/llama-cpp-release.txt"
echo "built $build/bin/llama-bench (llama.cpp $release, $variant) in $(( $(date +%s) - start )) s"
