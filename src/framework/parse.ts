/**
 * Reading a framework from untrusted JSON: the schema with its defaults, and Vietnamese messages
 * that name the bad field by its path AND by the code of the node it sits in (users think in
 * codes: "tiêu chí 1.2.3", not "tree[0].children[1].children[2]").
 */
import { z } from 'zod';
import { FrameworkError } from './errors';
import { frameworkMessage } from './messages.vi';
import { frameworkSchema, type Framework } from './schema';

const viErrors = z.locales.vi().localeError;

/** "tree.0.children.1.max" plus, when the path runs through the tree, the code of that node. */
function describePath(json: unknown, path: readonly PropertyKey[]): string {
  const dotted = path.map(String).join('.') || '(gốc)';
  let cursor: unknown = json;
  let code: string | null = null;
  for (const key of path) {
    if (cursor === null || typeof cursor !== 'object') break;
    cursor = (cursor as Record<PropertyKey, unknown>)[key as string];
    if (cursor && typeof cursor === 'object' && typeof (cursor as { code?: unknown }).code === 'string') {
      code = (cursor as { code: string }).code;
    }
  }
  return code && path[0] === 'tree' ? `"${dotted}" (mục ${code})` : `"${dotted}"`;
}

/**
 * Real frameworks are 3 or 4 levels deep (lĩnh vực, tiêu chí, tiêu chí thành phần, sometimes one
 * more); every walk over a tree, the schema's included, recurses once per level.
 */
export const MAX_TREE_DEPTH = 8;

/**
 * Measured without recursion, before the schema (which recurses per level and would overflow the
 * stack on a tree thousands of levels deep): the schema problem when the tree is deeper than allowed.
 */
export function treeDepthProblem(json: unknown): ReturnType<typeof frameworkMessage<'schema'>> | null {
  const tree = json && typeof json === 'object' ? (json as { tree?: unknown }).tree : undefined;
  if (!Array.isArray(tree)) return null;
  const pending: Array<{ nodes: unknown[]; depth: number }> = [{ nodes: tree, depth: 1 }];
  while (pending.length) {
    const { nodes, depth } = pending.pop() as { nodes: unknown[]; depth: number };
    for (const node of nodes) {
      const children =
        node && typeof node === 'object' ? (node as { children?: unknown }).children : undefined;
      if (!Array.isArray(children) || !children.length) continue;
      if (depth + 1 > MAX_TREE_DEPTH) {
        const code = (node as { code?: unknown }).code;
        return frameworkMessage('schema', {
          why: 'tooDeep',
          levels: MAX_TREE_DEPTH,
          at: typeof code === 'string' ? `${code.slice(0, 40)}${code.length > 40 ? '…' : ''}` : null,
        });
      }
      pending.push({ nodes: children, depth: depth + 1 });
    }
  }
  return null;
}

/**
 * Validates the SHAPE of a framework and applies defaults. Whether it adds up is `checkFramework`'s
 * job. Throws FrameworkError naming `source` (a file name) and the first problems found.
 */
export function parseFramework(json: unknown, source = 'khung tiêu chí'): Framework {
  const tooDeep = treeDepthProblem(json);
  if (tooDeep) throw new FrameworkError(`${source}: ${tooDeep.message}`, [{ code: '', ...tooDeep }]);
  const result = frameworkSchema.safeParse(json, { error: viErrors });
  if (result.success) return result.data;
  const issues = result.error.issues;
  const shown = issues.slice(0, 5).map((i) => `  - trường ${describePath(json, i.path)}: ${i.message}`);
  const more = issues.length > shown.length ? [`  … và ${issues.length - shown.length} lỗi khác`] : [];
  throw new FrameworkError(
    `${source}: không phải bộ tiêu chí hợp lệ (${issues.length} lỗi):\n${[...shown, ...more].join('\n')}`,
    issues.map((i) => ({
      code: '',
      ...frameworkMessage('schema', { why: 'shape', path: describePath(json, i.path), detail: i.message }),
    })),
  );
}

/** Parses JSON text first, so a syntax error is reported with the file name too. */
export function parseFrameworkText(text: string, source = 'khung tiêu chí'): Framework {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new FrameworkError(`${source}: không đọc được JSON (${(e as Error).message}).`);
  }
  return parseFramework(json, source);
}
