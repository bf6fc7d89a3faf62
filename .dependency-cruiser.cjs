// The layers of src/ (issue #17), checked by `npm run check:layers` in CI. Each rule says which way imports may go:
//   domain ← db ← server ← jobs, seed ← start.ts ← cli      web → domain + shared only (API types come from the generated src/web/api/schema.ts)
// and feature modules (src/server/modules/<feature>/) never import each other in a circle, nor do jobs.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'src/domain holds the rules of the register without I/O: it imports only other domain files.',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: { path: '^src/', pathNot: '^src/domain/' },
    },
    {
      name: 'domain-no-packages',
      comment:
        'src/domain runs in the browser too: no node: builtins and no packages (a type-only import of a package is erased), but for a short allow-list of pure, browser-safe ones: dayjs (with its plugins, e.g. dayjs/plugin/utc) and punycode (the npm package, not node:punycode).',
      severity: 'error',
      from: { path: '^src/domain/' },
      to: {
        dependencyTypes: ['core', 'npm', 'npm-dev', 'npm-optional', 'npm-peer', 'npm-no-pkg', 'npm-unknown'],
        // The allow-list (lead's decision, issue #17): exactly these packages and their subpaths. A builtin resolves
        // to its bare name (`punycode`, `node:punycode`), never under node_modules/, so it stays forbidden.
        pathNot: '^node_modules/(dayjs|punycode)/',
      },
    },
    {
      name: 'db-below-server',
      comment: 'src/db (connection, schema, migrations, seed) is below the server: it never imports server, jobs or cli.',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: ['^src/(server|jobs|cli|seed)/', '^src/start\\.ts$'] },
    },
    {
      name: 'server-below-jobs',
      comment: 'Jobs are thin schedule entries that call server modules; the server never imports jobs or cli.',
      severity: 'error',
      from: { path: '^src/server/' },
      to: { path: ['^src/(jobs|cli|seed)/', '^src/start\\.ts$'] },
    },
    {
      name: 'jobs-are-thin-entries',
      comment: 'A job file is a schedule entry that calls a server module: it never imports cli, seed or start.ts.',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { path: ['^src/(cli|seed)/', '^src/start\\.ts$'] },
    },
    {
      name: 'shared-server-below-modules',
      comment:
        'src/server/*.ts and plugins/ serve every feature module, so they import none (app.ts, the composition root, registers them).',
      severity: 'error',
      from: { path: ['^src/server/[^/]+\\.ts$', '^src/server/plugins/'], pathNot: '^src/server/app\\.ts$' },
      to: { path: '^src/server/modules/' },
    },
    {
      name: 'web-browser-safe',
      comment:
        'The web UI imports only itself, src/domain and src/shared; it reads the API through the generated contract (src/web/api/schema.ts), never a server file.',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { path: '^src/', pathNot: ['^src/(web|domain|shared)/'] },
    },
    {
      name: 'shared-browser-safe',
      comment: 'src/shared holds browser-safe constants for the server and the web: it imports only src/domain.',
      severity: 'error',
      from: { path: '^src/shared/' },
      to: { path: '^src/', pathNot: ['^src/(domain|shared)/'] },
    },
    {
      name: 'web-no-node-builtins',
      severity: 'error',
      from: { path: '^src/web/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'contracts-browser-safe',
      comment: 'A schema.ts is the contract the web client is generated from: it imports only zod, src/domain, src/shared and other schema.ts files.',
      severity: 'error',
      from: { path: '^src/server/modules/[^/]+/schema\\.ts$' },
      to: { path: '^src/', pathNot: ['^src/(domain|shared)/', '^src/server/modules/[^/]+/schema\\.ts$'] },
    },
    {
      name: 'no-cycles-between-modules',
      comment: 'Feature modules form a directed graph: move the shared piece to the module that owns it, or lower.',
      severity: 'error',
      scope: 'folder',
      from: { path: '^src/server/modules/[^/]+/?$' },
      to: { path: '^src/server/modules/[^/]+/?$', circular: true },
    },
    {
      name: 'no-cycles-in-jobs',
      severity: 'error',
      from: { path: '^src/jobs/' },
      to: { circular: true },
    },
    {
      name: 'no-cycles',
      comment: 'No import loops anywhere in src (type-only imports included: they couple the files all the same).',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/jobs/' },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
    parser: 'swc',
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
