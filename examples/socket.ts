import { WebSocket } from 'ws';
import { leancloud } from 'faultline/catalog/leancloud';
import { ReconnectingSocket } from 'faultline/ws';

export function main(url = 'wss://xxxx.lc-cn-n1-shared.com/im') {
  const socket = new ReconnectingSocket(url, {
    WebSocket, // leave it out in browsers and Node 22+
    provider: leancloud, // so 4107, 4111… and IM's in-band kicks mean what LeanCloud says they mean
    heartbeat: { intervalMs: 30_000, timeoutMs: 10_000 },
  });

  socket.on('reconnecting', ({ attempt, delayMs, error }) => {
    console.log(`${error.closeCode ?? error.code} ${error.kind}: reconnecting (attempt ${attempt}) in ${Math.round(delayMs)} ms`);
  });
  socket.on('stopped', ({ error }) => {
    // 4111: signed in elsewhere. Reconnecting would kick the other device, so it stops.
    console.log(`stopped: ${error.name} ${error.closeCode}: ${error.advice.en}`);
  });
  socket.on('message', ({ data }) => console.log('received', String(data)));

  // Queued until the socket is open (through reconnects if need be); rejected if it stops for good.
  // Resolves once handed to an open socket, not once delivered: see outbox.ack below.
  void socket.send(JSON.stringify({ cmd: 'direct', msg: 'hello' }));
  return socket;
}
