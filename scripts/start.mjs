// `npm start`: builds the client if it is missing or older than its sources, then runs the server.
import { execFileSync, spawn } from 'node:child_process';
import { clientBuildIsStale } from './clientSources.mjs';

if (clientBuildIsStale('.', 'dist/client/index.html')) {
  console.log('Building the client…');
  execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/index.ts'], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
