// The image's production install (`npm ci --omit=dev`) without extracting any tarball. npm ci lays out exactly the lock
// file's packages that are not dev-only, each at its path in the lock; the same directories are hard-linked here from
// this checkout's full install (copied where the file system cannot link). Running npm ci itself cost the suite about
// 10 s of wall time and 15 s of CPU on a 2-core machine, most of it writing 120 MB of files. Compared once with a real
// `npm ci --omit=dev` of the same lock file: the same 212 packages and files, less npm's own record of the install
// (node_modules/.package-lock.json) and the command links of node_modules/.bin, which nothing at run time uses.
import { copyFile, link, mkdir, readdir, readFile, readlink, stat, symlink } from 'node:fs/promises';
import { join } from 'node:path';

interface LockPackage {
  readonly dev?: boolean;
  readonly link?: boolean;
}

/** Lay out `root`'s production dependencies under `app`/node_modules as npm ci --omit=dev would; returns their paths. */
export async function linkProductionInstall(root: string, app: string): Promise<string[]> {
  const lock = JSON.parse(await readFile(join(root, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, LockPackage>;
  };
  const installed: string[] = [];
  for (const [path, entry] of Object.entries(lock.packages)) {
    if (path === '' || entry.dev || entry.link) continue;
    const from = join(root, path);
    // An optional package for another platform is not in the checkout, and npm ci would skip it too.
    if (!(await stat(from).catch(() => undefined))) continue;
    await linkTree(from, join(app, path));
    installed.push(path);
  }
  return installed;
}

/**
 * `from`'s files linked under `to`, without the package's own node_modules: nested packages are lock entries of their
 * own. A folder of that name deeper down is the package's content (pino ships test fixtures in one).
 */
async function linkTree(from: string, to: string, depth = 0): Promise<void> {
  await mkdir(to, { recursive: true });
  for (const entry of await readdir(from, { withFileTypes: true })) {
    if (depth === 0 && entry.name === 'node_modules') continue;
    const source = join(from, entry.name);
    const target = join(to, entry.name);
    if (entry.isDirectory()) await linkTree(source, target, depth + 1);
    else if (entry.isSymbolicLink()) await symlink(await readlink(source), target);
    else await link(source, target).catch(() => copyFile(source, target));
  }
}
