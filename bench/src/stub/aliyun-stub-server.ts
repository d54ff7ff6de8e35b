// A process of its own: a keep-alive node:http server that answers every request with
// SendSms's success, so that the server's work is not counted in a client's CPU time. It reads
// each request body whole first, as a real server does. Prints `{"port":N}` when listening;
// stops on SIGTERM or when its parent goes away.
import { createServer } from 'node:http';

const body = JSON.stringify({
  RequestId: 'F655A8D5-B967-440B-8683-DAD6FF8DE990',
  Message: 'OK',
  BizId: '900619746936498440^0',
  Code: 'OK',
});
const headers = {
  'content-type': 'application/json;charset=utf-8',
  'content-length': String(Buffer.byteLength(body)),
  'x-acs-request-id': 'F655A8D5-B967-440B-8683-DAD6FF8DE990',
};

const server = createServer((request, response) => {
  request.resume();
  request.on('end', () => {
    response.writeHead(200, headers);
    response.end(body);
  });
});
// Longer than any pause of the harness between rounds, so that no client reconnects mid-run.
server.keepAliveTimeout = 120_000;
server.headersTimeout = 121_000;
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  process.stdout.write(`${JSON.stringify({ port: address.port })}\n`);
});

// Nothing to save: stop at once, also when the parent goes away (its end of stdin closes).
const stop = () => process.exit(0);
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
