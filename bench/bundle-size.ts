/**
 * Client JavaScript a route loads on first visit, from a finished `next build` (Turbopack):
 * raw and gzip bytes and file count per route, and optionally how many of those bytes come from
 * given source folders (e.g. the fuzzy anchoring matcher in lib/anchoring/).
 *
 *   NEXT_DIST_DIR=.next-m npx next build
 *   npm run bench:bundle -- --dist .next-m [--routes /articles/[articleId],/articles] [--attribute lib/anchoring/]
 *
 * Per-route chunks come from <dist>/diagnostics/route-bundle-stats.json, which Next 16 writes at the
 * end of a build (the chunks of a route's first load: framework, shared and the route's own; not
 * chunks loaded later by dynamic import()). Attribution reads the chunks' source maps, so it needs a
 * build with browser source maps: `BUNDLE_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-maps npx next build`
 * (next.config.js turns on productionBrowserSourceMaps); without them it says so. Folders are
 * matched from the repository root (lib/anchoring/, node_modules/@tiptap/).
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { z } from 'zod';
import { bytesPerSource } from './source-map-bytes';

const DEFAULT_ROUTES = ['/articles/[articleId]', '/articles', '/account', '/sign-in'];

const RouteBundleStats = z.array(
  z.object({
    route: z.string(),
    firstLoadUncompressedJsBytes: z.number(),
    firstLoadChunkPaths: z.array(z.string()),
  }),
);

const Args = z.object({
  dist: z.string().min(1),
  routes: z.array(z.string().startsWith('/')).min(1),
  attribute: z.array(z.string().min(1)),
});
type Args = z.infer<typeof Args>;

function parseArgs(argv: string[]): Args {
  const value = (flag: string) => {
    const index = argv.indexOf(flag);
    return index >= 0 ? argv[index + 1] : undefined;
  };
  const list = (text: string | undefined) => (text ? text.split(',').map((s) => s.trim()).filter(Boolean) : undefined);
  return Args.parse({
    dist: value('--dist') ?? process.env.NEXT_DIST_DIR ?? '.next',
    routes: list(value('--routes')) ?? DEFAULT_ROUTES,
    attribute: list(value('--attribute')) ?? [],
  });
}

interface ChunkSize {
  file: string;
  raw: number;
  gzip: number;
}

function chunkSize(file: string): ChunkSize {
  const bytes = fs.readFileSync(file);
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

/** Bytes of `file` generated from sources whose path contains one of `folders`, or null without a source map. */
function attributedBytes(file: string, folders: string[]): Map<string, number> | null {
  const code = fs.readFileSync(file, 'utf8');
  // Turbopack names a chunk's map after its own hash, so follow the chunk's sourceMappingURL comment.
  const mapName = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(code)?.[1];
  const mapFile = mapName ? path.join(path.dirname(file), mapName) : `${file}.map`;
  if (!fs.existsSync(mapFile)) return null;
  const perSource = bytesPerSource(code, JSON.parse(fs.readFileSync(mapFile, 'utf8')));
  const totals = new Map<string, number>(folders.map((folder) => [folder, 0]));
  for (const [source, bytes] of perSource) {
    // Turbopack names sources "turbopack:///[project]/lib/…"; match folders from the repository root.
    const fromRoot = source.replace(/^.*\[project\]\//, '');
    for (const folder of folders) if (fromRoot.startsWith(folder)) totals.set(folder, totals.get(folder)! + bytes);
  }
  return totals;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

function main(): void {
  const args = parseArgs(process.argv.slice(2));
  const statsFile = path.join(args.dist, 'diagnostics', 'route-bundle-stats.json');
  if (!fs.existsSync(statsFile)) {
    throw new Error(`${statsFile} not found: run \`NEXT_DIST_DIR=${args.dist} npx next build\` first (from the repository root).`);
  }
  const stats = RouteBundleStats.parse(JSON.parse(fs.readFileSync(statsFile, 'utf8')));
  // Chunk paths in the stats start with the dist dir's name, relative to the directory the build ran in.
  const root = path.resolve(args.dist, '..');
  const buildId = fs.readFileSync(path.join(args.dist, 'BUILD_ID'), 'utf8').trim();
  console.log(`Build ${buildId} in ${path.resolve(args.dist)} — first-load client JS per route (gzip -9 per file, summed)\n`);
  console.log('| route | files | raw | gzip |' + args.attribute.map((folder) => ` ${folder} raw |`).join(''));
  console.log('|---|---|---|---|' + args.attribute.map(() => '---|').join(''));
  const missingMaps = new Set<string>();
  for (const route of args.routes) {
    const entry = stats.find((s) => s.route === route);
    if (!entry) {
      console.log(`| ${route} | not in the build (routes: ${stats.map((s) => s.route).join(', ')}) |`);
      continue;
    }
    const chunks = entry.firstLoadChunkPaths.map((chunk) => chunkSize(path.join(root, chunk)));
    const raw = chunks.reduce((sum, c) => sum + c.raw, 0);
    const gzip = chunks.reduce((sum, c) => sum + c.gzip, 0);
    const attributed = new Map<string, number>(args.attribute.map((folder) => [folder, 0]));
    let mapped = true;
    for (const chunk of args.attribute.length > 0 ? chunks : []) {
      const bytes = attributedBytes(chunk.file, args.attribute);
      if (bytes === null) {
        mapped = false;
        missingMaps.add(path.relative(root, chunk.file));
      }
      for (const [folder, n] of bytes ?? []) attributed.set(folder, attributed.get(folder)! + n);
    }
    const attributedCells = args.attribute.map((folder) => ` ${mapped ? kb(attributed.get(folder)!) : 'n/a'} |`).join('');
    console.log(`| ${route} | ${chunks.length} | ${kb(raw)} (${raw} B) | ${kb(gzip)} (${gzip} B) |${attributedCells}`);
  }
  if (missingMaps.size > 0) {
    console.log(`\nNo source maps for ${missingMaps.size} chunk(s), so nothing is attributed: build with BUNDLE_SOURCE_MAPS=1 (productionBrowserSourceMaps) to attribute bytes to ${args.attribute.join(', ')}.`);
  }
}

main();
