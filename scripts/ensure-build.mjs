// `npm start` (prestart): builds the server and the web UI only when dist/ is missing or older than the sources, so
// `npm install && npm start` works on a fresh clone and a restart after no change starts at once.
import { buildServer, buildWeb, serverStale, webStale } from './build.mjs';

if (serverStale()) {
  console.log('正在编译服务端…');
  await buildServer();
}
if (webStale()) {
  console.log('正在构建前端界面（首次启动约需半分钟）…');
  buildWeb();
}
