#!/usr/bin/env bash
# npm test: unit tests of the engine in Node, then the real-VS-Code suites.
set -euo pipefail
cd "$(dirname "$0")/.."
npm run build
npm run test:unit
