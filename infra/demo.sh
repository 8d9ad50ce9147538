#!/usr/bin/env bash
# The main job until the workflow runtime lands: the data pipeline on generated data.
# Sets up a fresh machine, builds hyenaflow, then synthesises GRCh38/DepMap-format inputs and runs
# import → Table 3.1 → mutation import → Table 3.2 → balanced datasets at L=1,024 and L=32,768,
# then a short fine-tuning run of the 1K model. Rerunning resumes the fine-tuning from its checkpoint.
# Usage: bash infra/demo.sh [OUT_DIR]   (default: demo-out; HYENAFLOW_SEED overrides the seed 42)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-demo-out}
seed=${HYENAFLOW_SEED:-42}
bash infra/setup.sh
dotnet build src/HyenaFlow.Cli --configuration Release --no-restore --verbosity quiet --output build/cli
hf() { dotnet build/cli/hyenaflow.dll "$@"; }

mkdir -p "$out"
echo "== 1. generated inputs in the real formats (NCBI FASTA, DepMap CSVs)"
hf data synth --out "$out/raw" --seed "$seed" --profile demo
echo "== 2. clean reference: autosomes, upper case, IUPAC → N (Table 3.1)"
hf genome import --fasta "$out/raw/genome.fna.gz" --out "$out/genome.hfg"
hf genome stats --genome "$out/genome.hfg"
echo "== 3. somatic mutations of Lung vs Lymphoid lines above the median (Table 3.2)"
hf mutations import --mutations "$out/raw/OmicsSomaticMutations.csv" --models "$out/raw/Model.csv" \
  --genome "$out/genome.hfg" --out "$out/mutations"
hf mutations stats "$out/mutations"
for length in 1024 32768; do
  echo "== 4. balanced dataset, Algorithm 1 windows, L=$length"
  hf dataset build --genome "$out/genome.hfg" --mutations "$out/mutations" --length "$length" --seed "$seed" \
    --train-lines 14 --test-lines 4 --out "$out/dataset-$length"
done
echo "== 5. audit: the first samples as TSV (reference coordinates + applied mutations)"
hf dataset inspect "$out/dataset-1024" --format tsv --limit 3 | cut -c1-240
echo "== 6. HyenaDNA configurations (thesis Table 2.2) and a short 1K fine-tuning run"
hf model info
# A CPU-sized slice of the 1K data (8 windows per cell line), random arm, one epoch: it shows the
# engine end to end in about a minute; the thesis-sized runs belong on a GPU host.
hf dataset build --genome "$out/genome.hfg" --mutations "$out/mutations" --length 1024 --seed "$seed" \
  --train-lines 14 --test-lines 4 --max-per-line 8 --out "$out/dataset-1024-slice"
hf model finetune --dataset "$out/dataset-1024-slice" --arm random --epochs 1 --warmup-steps 5 --seed "$seed" \
  --checkpoint-dir "$out/finetune-1k-random" --metrics "$out/finetune-1k-random/metrics.jsonl" --threads "${HYENAFLOW_THREADS:-2}"
echo "done: outputs in $out/"
