import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection, createServer, type AddressInfo } from 'node:net';

/** A real `redis-server` on 127.0.0.1, started by the test, nothing persisted. */
export interface RedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** SIGKILL, as a crash would: clients see the connection drop, nothing is saved. */
  kill(): Promise<void>;
  /** Starts it again on the same port (empty, as a crashed server without persistence comes back). */
  restart(): Promise<void>;
  /** Stops it for good. */
  stop(): Promise<void>;
}

const MISSING =
  'faultline tests: `redis-server` was not found on PATH. Install Debian\'s package (apt-get install -y redis-server); ' +
  'CI (.ci/run) installs it when missing.';

const running = new Set<ChildProcess>();
// A test worker that dies must not leave servers behind.
process.once('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/** A port nobody listens on right now: the kernel's pick for port 0, released at once. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Resolves when the server logs that it accepts connections; rejects with its output if it exits first. */
function launch(port: number): Promise<ChildProcess> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--loglevel', 'notice'];
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString('utf8');
      if (output.includes('Ready to accept connections')) {
        child.stdout?.off('data', onData);
        // Keep draining its output so a chatty server never blocks on a full pipe.
        child.stdout?.resume();
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new Error(MISSING) : error);
    });
    child.once('exit', (code, signal) => {
      running.delete(child);
      reject(new Error(`redis-server on port ${port} exited (${signal ?? code}) before it was ready:\n${output}`));
    });
    running.add(child);
  });
}

/** Sends PING on a raw connection and resolves on +PONG: the server answers commands, not only listens. */
function ping(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('utf8');
      if (reply.includes('\r\n')) {
        socket.destroy();
        if (reply.startsWith('+PONG')) resolve();
        else reject(new Error(`redis-server on port ${port} answered PING with ${JSON.stringify(reply)}`));
      }
    });
    socket.write('PING\r\n');
  });
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

async function startOn(port: number): Promise<ChildProcess> {
  const child = await launch(port);
  await ping(port);
  return child;
}

export async function startRedisServer(): Promise<RedisServer> {
  let port = 0;
  let child: ChildProcess | undefined;
  // The port found free may be taken before redis-server binds it (other suites run in parallel).
  for (let attempt = 1; !child; attempt++) {
    port = await freePort();
    try {
      child = await startOn(port);
    } catch (error) {
      if (attempt >= 3 || !String(error).includes('Address already in use')) throw error;
    }
  }
  let current: ChildProcess | undefined = child;

  const end = async (signal: NodeJS.Signals): Promise<void> => {
    const target = current;
    current = undefined;
    if (!target) return;
    const done = exited(target);
    target.kill(signal);
    await done;
    running.delete(target);
  };

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    kill: () => end('SIGKILL'),
    async restart() {
      await end('SIGKILL');
      current = await startOn(port);
    },
    stop: () => end('SIGTERM'),
  };
}
