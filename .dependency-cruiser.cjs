/**
 * The import directions of DESIGN.md: arrows point down the folder table, never up, never in a circle.
 * `allowed` lists, for each folder of src/, the folders of ours it may import.
 */
const allowed = {
  core: [],
  io: ['core'],
  schema: ['core', 'io'],
  generate: ['core', 'schema'],
  templates: ['core', 'schema'],
  describe: ['core', 'schema', 'templates'],
  pii: ['core', 'schema'],
  privacy: ['core'],
  learn: ['core', 'schema', 'generate', 'pii', 'privacy'],
  evaluate: ['core', 'schema', 'privacy', 'pii'],
  visualize: ['core', 'evaluate'],
  store: ['core'],
  pipeline: ['core', 'io', 'schema', 'generate', 'templates', 'describe', 'pii', 'privacy', 'learn', 'evaluate', 'visualize', 'store'],
  server: ['pipeline', 'store', 'core'],
  mcp: ['pipeline', 'store', 'core'],
  cli: ['pipeline', 'store', 'core'],
};
const folders = Object.keys(allowed);

const folderRules = folders.map((from) => {
  const forbidden = folders.filter((to) => to !== from && !allowed[from].includes(to));
  return {
    name: `${from}-imports`,
    comment: `src/${from}/ may import only: ${allowed[from].join(', ') || 'nothing of ours'} (DESIGN.md)`,
    severity: 'error',
    from: { path: `^src/${from}/` },
    to: { path: `^src/(${forbidden.join('|')})/` },
  };
});

const onlyIn = (pkgPattern, folder) => ({
  name: `only-${folder}-imports-${pkgPattern.replace(/[^a-z]/gi, '')}`,
  comment: `only src/${folder}/ may import ${pkgPattern}`,
  severity: 'error',
  from: { path: '^src/', pathNot: `^src/${folder}/` },
  to: { path: `node_modules/(${pkgPattern})/` },
});

module.exports = {
  forbidden: [
    ...folderRules,
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
    onlyIn('fastify|@fastify', 'server'),
    onlyIn('@modelcontextprotocol', 'mcp'),
    onlyIn('commander', 'cli'),
    {
      name: 'db-drivers-only-in-store',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/store/' },
      to: { path: 'node_modules/(better-sqlite3|pg)/' },
    },
    {
      name: 'public-entry-only',
      comment: 'another folder is imported only through its index.ts',
      severity: 'error',
      from: { path: '^src/([^/]+)/' },
      to: { path: '^src/([^/]+)/.+', pathNot: ['^src/$1/', '^src/[^/]+/index\\.ts$', '^src/[^/]+\\.ts$'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$|\\.contract\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
