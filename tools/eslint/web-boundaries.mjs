// @ts-check
/**
 * Import direction inside the web app (apps/ioc-web/src): app → features → shared, one way only.
 *
 * - `shared/**` is what more than one feature uses; it never imports a feature or the app shell.
 * - `features/<name>/**` imports shared code and its own files, never another feature (what two
 *   features need moves to shared) and never the app shell.
 * - The app shell (`app/**`, `main.tsx`) reaches a feature only through its `index.ts`.
 *
 * Relative specifiers are resolved against the importing file, so a path is judged by where it
 * lands, not by how it is spelled. Bare specifiers are left to `no-restricted-imports` and the
 * Nx boundaries rule (backend packages, deep imports of libs).
 */
import { dirname, relative, resolve, sep } from 'node:path';

const WEB_SRC = 'apps/ioc-web/src';

/**
 * The layer of a path inside the web source tree, or null outside it.
 * @param {string} rel path relative to apps/ioc-web/src, with forward slashes
 * @returns {{ layer: 'app' | 'feature' | 'shared', name: string, rest: string } | null}
 */
function layerOf(rel) {
  if (rel.startsWith('..') || rel === '') return null;
  const [top = '', name = '', ...rest] = rel.split('/');
  if (top === 'features') return { layer: 'feature', name, rest: rest.join('/') };
  if (top === 'shared') return { layer: 'shared', name, rest: rest.join('/') };
  return { layer: 'app', name: top, rest: '' };
}

/** A feature's public face: `features/<name>` itself or its `index` module. */
function isFeatureIndex(rest) {
  return rest === '' || /^index(\.tsx?)?$/.test(rest);
}

/** @type {import('eslint').Rule.RuleModule} */
const importDirection = {
  meta: {
    type: 'problem',
    docs: { description: 'Web imports go app → features → shared only.' },
    schema: [],
    messages: {
      sharedUp:
        'shared/ code may not import {{target}}: it serves every feature. Move what both need into shared/.',
      crossFeature:
        "Feature '{{from}}' may not import feature '{{to}}'. Move what both need into shared/.",
      featureToApp: 'A feature may not import the app shell ({{target}}).',
      appDeep:
        "Import feature '{{to}}' through its index (features/{{to}}), not its internals ({{target}}).",
    },
  },
  create(context) {
    const file = context.filename.split(sep).join('/');
    const at = file.lastIndexOf(`/${WEB_SRC}/`);
    if (at < 0) return {};
    const srcRoot = file.slice(0, at + WEB_SRC.length + 1);
    const from = layerOf(file.slice(srcRoot.length + 1));
    if (from === null) return {};

    /** @param {import('estree').Node & { value?: unknown }} source */
    function check(source) {
      if (source.type !== 'Literal' || typeof source.value !== 'string') return;
      const spec = source.value;
      if (!spec.startsWith('./') && !spec.startsWith('../')) return;
      const target = relative(srcRoot, resolve(dirname(file), spec))
        .split(sep)
        .join('/');
      const to = layerOf(target);
      if (to === null || from === null) return;
      const data = { target, from: from.name, to: to.name };
      if (from.layer === 'shared' && to.layer !== 'shared') {
        context.report({ node: source, messageId: 'sharedUp', data });
      } else if (from.layer === 'feature' && to.layer === 'feature' && to.name !== from.name) {
        context.report({ node: source, messageId: 'crossFeature', data });
      } else if (from.layer === 'feature' && to.layer === 'app') {
        context.report({ node: source, messageId: 'featureToApp', data });
      } else if (from.layer === 'app' && to.layer === 'feature' && !isFeatureIndex(to.rest)) {
        context.report({ node: source, messageId: 'appDeep', data });
      }
    }

    return {
      ImportDeclaration: (node) => check(node.source),
      ExportNamedDeclaration: (node) => node.source && check(node.source),
      ExportAllDeclaration: (node) => check(node.source),
      ImportExpression: (node) => check(node.source),
    };
  },
};

/** Flat-config objects spread into eslint.config.mjs. */
export default [
  {
    files: [`${WEB_SRC}/**/*.{ts,tsx}`],
    plugins: { web: { rules: { 'import-direction': importDirection } } },
    rules: { 'web/import-direction': 'error' },
  },
];
