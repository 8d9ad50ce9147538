// Runs umap-js on a float32 matrix file and writes the embedding back, for HyenaFlow.Analysis.Bench.
// Usage: node run-umap.js <input.bin> <output.bin> <json options>
// Files: int32 rows, int32 columns, then rows × columns float32 values (little-endian, row-major).
'use strict';
const fs = require('fs');
const { UMAP } = require('umap-js');

function readMatrix(path) {
  const buffer = fs.readFileSync(path);
  const rows = buffer.readInt32LE(0);
  const columns = buffer.readInt32LE(4);
  const values = new Float32Array(buffer.buffer.slice(buffer.byteOffset + 8, buffer.byteOffset + 8 + rows * columns * 4));
  const data = new Array(rows);
  for (let r = 0; r < rows; r++) data[r] = Array.from(values.subarray(r * columns, (r + 1) * columns));
  return data;
}

function writeMatrix(path, rows) {
  const columns = rows.length ? rows[0].length : 0;
  const buffer = Buffer.alloc(8 + rows.length * columns * 4);
  buffer.writeInt32LE(rows.length, 0);
  buffer.writeInt32LE(columns, 4);
  let offset = 8;
  for (const row of rows) for (const v of row) { buffer.writeFloatLE(v, offset); offset += 4; }
  fs.writeFileSync(path + '.tmp', buffer);
  fs.renameSync(path + '.tmp', path);
}

// Mulberry32: a seeded generator, so the umap-js run is repeatable.
function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6D2B79F5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const [input, output, optionsJson] = process.argv.slice(2);
const options = JSON.parse(optionsJson || '{}');
const data = readMatrix(input);
const started = process.hrtime.bigint();
const umap = new UMAP({
  nComponents: options.nComponents ?? 2,
  nNeighbors: options.nNeighbors ?? 15,
  minDist: options.minDist ?? 0.1,
  spread: options.spread ?? 1.0,
  nEpochs: options.nEpochs ?? 0,
  random: mulberry32(options.seed ?? 42),
});
const embedding = umap.fit(data);
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
writeMatrix(output, embedding);
process.stdout.write(JSON.stringify({ fitSeconds: seconds }) + '\n');
