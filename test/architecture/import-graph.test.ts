/**
 * The layering rules of docs/architecture.md ("Code layout and conventions"), checked on the real
 * import graph of app/, components/, lib/ and db/: every import counts, `import type` included.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url)).replace(/\/$/, '');
const SCANNED = ['app', 'components', 'lib', 'db'];
const EXTENSIONS = ['.ts', '.tsx', '/index.ts', '/index.tsx'];

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'migrations') out.push(...sourceFiles(rel));
    } else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) {
      out.push(rel);
    }
  }
  return out;
}

/** The project file an import names, or null for packages (and Node built-ins). */
function resolveImport(from: string, specifier: string): string | null {
  let base: string;
  if (specifier.startsWith('@/')) base = specifier.slice(2);
  else if (specifier.startsWith('.')) base = path.posix.normalize(path.posix.join(path.posix.dirname(from), specifier));
  else return null;
  // A file named with its extension (a .ts file, or CSS and JSON, which import nothing).
  if (/\.\w+$/.test(base) && fs.existsSync(path.join(ROOT, base))) return base;
  for (const ext of EXTENSIONS) if (fs.existsSync(path.join(ROOT, base + ext))) return base + ext;
  throw new Error(`${from}: cannot resolve "${specifier}"`);
}

/** file → the project files it imports (static imports, `import type`, re-exports, dynamic import()). */
function buildImportGraph(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of SCANNED.flatMap(sourceFiles)) {
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(path.join(ROOT, file), 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t): t is string => t !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Every cycle as a path a → b → … → a, one per strongly connected component (Tarjan). */
function findCycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const lowlink = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const strongConnect = (node: string) => {
    indices.set(node, index);
    lowlink.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!indices.has(next)) {
        strongConnect(next);
        lowlink.set(node, Math.min(lowlink.get(node)!, lowlink.get(next)!));
      } else if (onStack.has(next)) {
        lowlink.set(node, Math.min(lowlink.get(node)!, indices.get(next)!));
      }
    }
    if (lowlink.get(node) === indices.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) components.push(component);
    }
  };
  for (const node of [...graph.keys()].sort()) if (!indices.has(node)) strongConnect(node);
  return components.map((component) => cyclePath(graph, new Set(component)));
}

/** A shortest way from the component's first file (sorted) back to itself, inside the component. */
function cyclePath(graph: Map<string, string[]>, component: Set<string>): string[] {
  const start = [...component].sort()[0]!;
  const previous = new Map<string, string>();
  const queue = [start];
  while (queue.length > 0) {
    const node = queue.shift()!;
    for (const next of graph.get(node) ?? []) {
      if (!component.has(next)) continue;
      if (next === start) {
        const route = [node];
        while (route[0] !== start) route.unshift(previous.get(route[0]!)!);
        return [...route, start];
      }
      if (!previous.has(next)) {
        previous.set(next, node);
        queue.push(next);
      }
    }
  }
  return [start, start];
}

const graph = buildImportGraph();
const edges = [...graph].flatMap(([from, targets]) => targets.map((to) => ({ from, to })));
const inFolder = (file: string, folder: string) => file.startsWith(`${folder}/`);
const describeEdges = (list: Array<{ from: string; to: string }>) => list.map(({ from, to }) => `${from} → ${to}`);

describe('import graph', () => {
  it('sees the whole tree (a broken scan would pass every rule)', () => {
    expect(graph.size).toBeGreaterThan(200);
    expect(edges.length).toBeGreaterThan(500);
    expect(graph.get('lib/server/session.ts')).toContain('db/queries/sessions.ts');
  });

  it('lib/ outside lib/server/ imports nothing from db/, app/, components/ or lib/server/', () => {
    const bad = edges.filter(({ from, to }) => inFolder(from, 'lib') && !inFolder(from, 'lib/server') && ['db', 'app', 'components', 'lib/server'].some((f) => inFolder(to, f)));
    expect(describeEdges(bad)).toEqual([]);
  });

  it('components/ imports no value and no type from db/, and nothing from lib/server/', () => {
    const bad = edges.filter(({ from, to }) => inFolder(from, 'components') && (inFolder(to, 'db') || inFolder(to, 'lib/server')));
    expect(describeEdges(bad)).toEqual([]);
  });

  it('db/ imports nothing from app/ or components/', () => {
    const bad = edges.filter(({ from, to }) => inFolder(from, 'db') && (inFolder(to, 'app') || inFolder(to, 'components')));
    expect(describeEdges(bad)).toEqual([]);
  });

  it('has no import cycles', () => {
    expect(findCycles(graph).map((cycle) => cycle.join(' → '))).toEqual([]);
  });
});

describe('findCycles', () => {
  it('reports each cycle as a path back to its start, and nothing for a tree', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c', 'd']],
      ['c', ['a']],
      ['d', []],
      ['e', ['e']],
    ]);
    expect(findCycles(g).sort()).toEqual([
      ['a', 'b', 'c', 'a'],
      ['e', 'e'],
    ]);
    expect(findCycles(new Map([['a', ['b']], ['b', []]]))).toEqual([]);
  });
});
