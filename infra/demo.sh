#!/usr/bin/env bash
# The main job: the thesis's graph on generated data (workflows/demo.json), run durably by the workflow
# runtime on this machine's CPU. Sets up a fresh machine, builds hyenaflow, runs the workflow and prints
# the comparison table (thesis Table 4.1 shape). A second invocation is served from the cache in seconds.
# Usage: bash infra/demo.sh [--param seed=N]...
# State: .hyenaflow/ (runs database, artifacts) and mlruns/ (MLflow file store) in the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
bash infra/setup.sh
dotnet build src/HyenaFlow.Cli --configuration Release --no-restore --verbosity quiet --output build/cli
hf() { dotnet build/cli/hyenaflow.dll "$@"; }

export HYENAFLOW_THREADS=${HYENAFLOW_THREADS:-2}
hf run workflows/demo.json "$@"
cat <<'INFO'

Browse the results:
  dotnet build/cli/hyenaflow.dll runs list                 # every run; runs show RUN, runs logs RUN STAGE, runs why RUN STAGE
  mlflow ui --backend-store-uri ./mlruns                   # MLflow (a parent run per workflow run, a child run per stage)
  dotnet build/cli/hyenaflow.dll serve                     # REST API on http://127.0.0.1:5080 (/api-reference)
The data-layer stages one by one (Tables 3.1 and 3.2 and the dataset statistics): see README, "Command line".
INFO
