#!/usr/bin/env node
// Budget check run after `vite build`: the JavaScript a customer's page downloads for the
// widget (the loader plus everything widget.html loads statically) must stay <= 80 KB gzipped.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 80 * 1024;
const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');

function gzipSize(file) {
  return gzipSync(readFileSync(join(dist, file))).length;
}

const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'widget-manifest.json'), 'utf8'));
const entry = manifest['widget.html'];
if (!entry) {
  console.error('bundle size: widget.html is missing from the widget manifest');
  process.exit(1);
}

// Static imports only: dynamically imported chunks are not needed for the widget to start.
const files = new Set(['widget.js']);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(chunk.file)) return;
  files.add(chunk.file);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('widget.html');

let total = 0;
for (const file of files) {
  const size = gzipSize(file);
  total += size;
  console.log(`  ${file.padEnd(40)} ${(size / 1024).toFixed(1).padStart(6)} KB gzipped`);
}
const css = (entry.css ?? []).reduce((sum, file) => sum + gzipSize(file), 0);
const kb = (total / 1024).toFixed(1);
console.log(
  `widget JavaScript: ${kb} KB gzipped (budget ${BUDGET_BYTES / 1024} KB); CSS ${(css / 1024).toFixed(1)} KB`,
);
if (total > BUDGET_BYTES) {
  console.error(
    `bundle size: the widget is over budget by ${((total - BUDGET_BYTES) / 1024).toFixed(1)} KB`,
  );
  process.exit(1);
}
