#!/usr/bin/env node
// Import boundaries between features, checked from the source files (run by `npm run lint`).
//
//   node scripts/check-boundaries.mjs [--root <dir>] [--only web|domain]
//
// --root is the repository to check (default: this repository); --only limits the check to one
// tree (default: both). Prints one `file:line: message` per violation and exits 1 if there is any.
//
// Web (apps/web/src): a feature is a folder features/<name>/. Another folder reaches a feature
// only through its public surface features/<name>/index.ts, never a deep path. src/components and
// src/lib are the shared layer under the features: they import no feature and not src/app.
//
// Domain (packages/domain/src): a feature is a top-level folder (intake, training, calendars,
// audit, …); inside it, sub-folders included, anything goes. Another folder reaches a feature only
// through <feature>/index.ts (client-safe surface) or <feature>/server/index.ts (server surface).
// shared and i18n are the kernel: every folder may import them, they import no feature. demo and
// the top-level index.ts / server.ts are composition roots: they import public surfaces, and no
// feature imports them.
//
// Both trees: no import cycle between folders (web: each feature, components, lib, app; domain:
// each feature, the kernel folders, demo). Every cycle is reported with the imports behind each
// of its edges.
//
// Test code is left out of every check: *.test.ts(x) files and anything under a testing/ folder
// may import what a test needs. Imports are read with TypeScript's pre-processor (static, type-only,
// re-exports and dynamic import()), so comments and strings are not mistaken for imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;
const TEST_FILE = /\.test\.(ts|tsx|mts|cts)$/;
const MAX_CYCLES_PER_GROUP = 50;

/** Workspace packages whose entry points lie in a checked tree; their specifiers resolve there. */
const WORKSPACE_PACKAGES = ['packages/domain'];

const webTree = {
  name: 'web',
  dir: 'apps/web/src',
  /** The folder (graph node) a path inside the tree belongs to. */
  folderOf(path) {
    const [first, second] = path.split('/');
    if (first === 'features' && second !== undefined && path.includes('/', 'features/'.length)) {
      return `features/${second}`;
    }
    return path.includes('/') ? first : '(root)';
  },
  isFeature: (folder) => folder.startsWith('features/'),
  publicSurfaces: (feature) => [`${feature}/index.ts`],
  /** A message when `from` may not import `to` at all (whatever the path), or null. */
  forbidden(from, to) {
    if ((from === 'components' || from === 'lib') && (this.isFeature(to) || to === 'app')) {
      return `src/${from} is shared by the features and must not import ${to === 'app' ? 'src/app' : `the feature '${featureName(to)}'`}; move what it needs into src/components or src/lib`;
    }
    return null;
  },
};

const KERNEL = new Set(['shared', 'i18n']);
const COMPOSITION_ROOTS = new Set(['demo', '(root)']);

const domainTree = {
  name: 'domain',
  dir: 'packages/domain/src',
  folderOf(path) {
    return path.includes('/') ? path.slice(0, path.indexOf('/')) : '(root)';
  },
  isFeature: (folder) => !KERNEL.has(folder) && !COMPOSITION_ROOTS.has(folder),
  publicSurfaces: (feature) => [`${feature}/index.ts`, `${feature}/server/index.ts`],
  forbidden(from, to) {
    if (KERNEL.has(from) && !KERNEL.has(to)) {
      return `the kernel folder '${from}' must not import ${COMPOSITION_ROOTS.has(to) ? 'a composition root' : `the feature '${to}'`}; move what both need into shared`;
    }
    if (!COMPOSITION_ROOTS.has(from) && COMPOSITION_ROOTS.has(to)) {
      return `'${from}' must not import the composition root ${to === '(root)' ? 'index.ts/server.ts' : `'${to}'`}; import the feature's public surface`;
    }
    return null;
  },
};

const TREES = { web: webTree, domain: domainTree };

function featureName(folder) {
  return folder.startsWith('features/') ? folder.slice('features/'.length) : folder;
}

function toPosix(path) {
  return path.split(sep).join('/');
}

function isTestCode(path) {
  return TEST_FILE.test(path) || path.split('/').includes('testing');
}

function listSourceFiles(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...listSourceFiles(path));
    else if (SOURCE_FILE.test(entry.name)) files.push(path);
  }
  return files;
}

function isFile(path) {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * `@refugio/domain` → packages/domain/src/index.ts, and so on: the entry points that the packages'
 * package.json `exports` declare, as repository-relative paths.
 */
function packageEntries(root) {
  const entries = new Map();
  for (const dir of WORKSPACE_PACKAGES) {
    const manifest = join(root, dir, 'package.json');
    if (!isFile(manifest)) continue;
    const { name, exports } = JSON.parse(readFileSync(manifest, 'utf8'));
    const map = typeof exports === 'string' ? { '.': exports } : (exports ?? {});
    for (const [subpath, target] of Object.entries(map)) {
      if (typeof target !== 'string') continue;
      entries.set(subpath === '.' ? name : `${name}${subpath.slice(1)}`, posix.join(dir, target));
    }
  }
  return entries;
}

/** The repository-relative path an import specifier points to, or null when outside the repo. */
function resolveSpecifier(root, entries, fromFile, specifier) {
  if (entries.has(specifier)) return entries.get(specifier);
  if (!specifier.startsWith('.')) return null;
  const target = resolve(dirname(join(root, fromFile)), specifier);
  const candidates = [target, `${target}.ts`, `${target}.tsx`, join(target, 'index.ts'), join(target, 'index.tsx')];
  const found = candidates.find(isFile) ?? target;
  return toPosix(relative(root, found));
}

/** Every import of a file: the specifier, what it resolves to, and its 1-based line. */
function importsOf(root, entries, file) {
  const source = readFileSync(join(root, file), 'utf8');
  const { importedFiles } = ts.preProcessFile(source, true, true);
  const lineStarts = ts.computeLineStarts(source);
  return importedFiles.map(({ fileName, pos }) => ({
    specifier: fileName,
    target: resolveSpecifier(root, entries, file, fileName),
    line: ts.computeLineAndCharacterOfPosition(lineStarts, pos).line + 1,
  }));
}

/** Boundary violations and the folder graph (edges with the imports behind them) of one tree. */
function checkTree(root, tree) {
  const violations = [];
  /** @type {Map<string, Map<string, string[]>>} from folder → to folder → ["file:line", …] */
  const edges = new Map();
  const treeDir = join(root, tree.dir);
  if (!isDirectory(treeDir)) return { violations, edges };
  const entries = packageEntries(root);

  for (const absolute of listSourceFiles(treeDir)) {
    const file = toPosix(relative(root, absolute));
    const inTree = file.slice(tree.dir.length + 1);
    if (isTestCode(inTree)) continue;
    const from = tree.folderOf(inTree);
    for (const { specifier, target, line } of importsOf(root, entries, file)) {
      if (target === null || !target.startsWith(`${tree.dir}/`)) continue;
      const targetInTree = target.slice(tree.dir.length + 1);
      const to = tree.folderOf(targetInTree);
      if (to === from) continue;
      const where = `${file}:${line}`;
      if (!edges.has(from)) edges.set(from, new Map());
      const byTarget = edges.get(from);
      if (!byTarget.has(to)) byTarget.set(to, []);
      byTarget.get(to).push(where);

      const forbidden = tree.forbidden(from, to);
      if (forbidden !== null) {
        violations.push({ file, line, message: `${forbidden} ('${specifier}')` });
      } else if (tree.isFeature(to) && !tree.publicSurfaces(to).includes(targetInTree)) {
        const surfaces = tree.publicSurfaces(to).map((path) => `${tree.dir}/${path}`).join(' or ');
        violations.push({
          file,
          line,
          message: `deep import into the feature '${featureName(to)}' ('${specifier}'); import it through ${surfaces}`,
        });
      }
    }
  }
  return { violations, edges };
}

function isDirectory(path) {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/** Strongly connected components with more than one folder (Tarjan). */
function cyclicGroups(nodes, successors) {
  let index = 0;
  const indices = new Map();
  const lowLinks = new Map();
  const stack = [];
  const onStack = new Set();
  const groups = [];
  const visit = (node) => {
    indices.set(node, index);
    lowLinks.set(node, index);
    index += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of successors(node)) {
      if (!indices.has(next)) {
        visit(next);
        lowLinks.set(node, Math.min(lowLinks.get(node), lowLinks.get(next)));
      } else if (onStack.has(next)) {
        lowLinks.set(node, Math.min(lowLinks.get(node), indices.get(next)));
      }
    }
    if (lowLinks.get(node) === indices.get(node)) {
      const group = [];
      let member;
      do {
        member = stack.pop();
        onStack.delete(member);
        group.push(member);
      } while (member !== node);
      if (group.length > 1) groups.push(group.toSorted());
    }
  };
  for (const node of nodes) if (!indices.has(node)) visit(node);
  return groups;
}

/** The elementary cycles of one group, each starting at its smallest folder, at most `limit`. */
function cyclesIn(group, successors, limit) {
  const members = new Set(group);
  const cycles = [];
  let more = 0;
  for (const start of group) {
    const path = [start];
    const onPath = new Set(path);
    const walk = (node) => {
      for (const next of successors(node)) {
        if (!members.has(next) || next < start) continue;
        if (next === start) {
          if (cycles.length < limit) cycles.push([...path]);
          else more += 1;
        } else if (!onPath.has(next)) {
          path.push(next);
          onPath.add(next);
          walk(next);
          onPath.delete(next);
          path.pop();
        }
      }
    };
    walk(start);
  }
  return { cycles, more };
}

function cycleViolations(tree, edges) {
  const successors = (node) => [...(edges.get(node)?.keys() ?? [])].toSorted();
  const nodes = [...new Set([...edges.keys(), ...[...edges.values()].flatMap((byTarget) => [...byTarget.keys()])])].toSorted();
  const violations = [];
  for (const group of cyclicGroups(nodes, successors)) {
    const { cycles, more } = cyclesIn(group, successors, MAX_CYCLES_PER_GROUP);
    for (const cycle of cycles) {
      const steps = cycle.map((from, i) => [from, cycle[(i + 1) % cycle.length]]);
      const firstImport = edges.get(steps[0][0]).get(steps[0][1])[0];
      const [file, line] = splitWhere(firstImport);
      const details = steps.map(([from, to]) => `\n    ${from} → ${to}: ${edges.get(from).get(to).join(', ')}`).join('');
      violations.push({
        file,
        line,
        message: `${tree.name} folder import cycle ${[...cycle, cycle[0]].join(' → ')}${details}`,
      });
    }
    if (more > 0) {
      const [file, line] = splitWhere(edges.get(group[0]).values().next().value[0]);
      violations.push({ file, line, message: `${more} more ${tree.name} folder cycles among ${group.join(', ')}` });
    }
  }
  return violations;
}

function splitWhere(where) {
  const colon = where.lastIndexOf(':');
  return [where.slice(0, colon), Number(where.slice(colon + 1))];
}

/**
 * Checks the trees under `root` and returns every violation, boundary rules first, sorted by file.
 * @param {{ root: string, only?: 'web' | 'domain' }} options
 */
export function checkBoundaries({ root, only }) {
  const trees = only === undefined ? Object.values(TREES) : [TREES[only]];
  const violations = [];
  for (const tree of trees) {
    const { violations: boundaries, edges } = checkTree(root, tree);
    boundaries.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
    violations.push(...boundaries, ...cycleViolations(tree, edges));
  }
  return violations;
}

function parseArguments(args) {
  const options = { root: fileURLToPath(new URL('..', import.meta.url)), only: undefined };
  for (let i = 0; i < args.length; i += 1) {
    const value = args[i + 1];
    if (args[i] === '--root' && value !== undefined) {
      options.root = resolve(value);
      i += 1;
    } else if (args[i] === '--only' && (value === 'web' || value === 'domain')) {
      options.only = value;
      i += 1;
    } else {
      throw new Error(`usage: node scripts/check-boundaries.mjs [--root <dir>] [--only web|domain] (got '${args[i]}')`);
    }
  }
  return options;
}

function main() {
  let options;
  try {
    options = parseArguments(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    process.exit(2);
  }
  const violations = checkBoundaries(options);
  for (const { file, line, message } of violations) console.log(`${file}:${line}: ${message}`);
  const scope = options.only ?? 'web and domain';
  if (violations.length > 0) {
    console.error(`check-boundaries (${scope}): ${violations.length} violation${violations.length === 1 ? '' : 's'}`);
    process.exit(1);
  }
  console.log(`check-boundaries (${scope}): no violations`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
