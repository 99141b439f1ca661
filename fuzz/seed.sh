#!/usr/bin/env bash
# Seeds both fuzz targets' corpora with the articles the project already has.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
for target in ingest extract; do
  mkdir -p "corpus/$target"
  cp ../tests/fixtures/articles/* ../tests/fixtures/holdout/articles/* ../input/* "corpus/$target/"
done
