import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';

/** What the app sends back for an envelope: its id, and any payload it acknowledged with. */
export interface SocketAck {
  envelope_id: string;
  payload?: unknown;
}

/**
 * A fake of Slack's Socket Mode server on 127.0.0.1: greets each connection with `hello`, delivers
 * envelopes, and hands back the app's acknowledgement of each.
 */
export class FakeSocketGateway {
  private socket: WebSocket | undefined;
  private readonly connectedWaiters: (() => void)[] = [];
  private readonly acks = new Map<string, (ack: SocketAck) => void>();
  private nextEnvelope = 1;

  private constructor(
    private readonly server: WebSocketServer,
    readonly url: string,
  ) {
    server.on('connection', (socket) => {
      this.socket = socket;
      socket.on('message', (data) => {
        const ack = JSON.parse(String(data)) as SocketAck;
        this.acks.get(ack.envelope_id)?.(ack);
      });
      socket.send(
        JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A0TWIN' } }),
      );
      for (const resolve of this.connectedWaiters.splice(0)) resolve();
    });
  }

  static async start(): Promise<FakeSocketGateway> {
    const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const { port } = server.address() as AddressInfo;
    return new FakeSocketGateway(server, `ws://127.0.0.1:${port}/link`);
  }

  /**
   * Delivers one envelope and resolves with the app's acknowledgement. `retry` makes it a redelivery,
   * as Slack sends an event again when its acknowledgement was late.
   */
  deliver(
    type: 'slash_commands' | 'events_api' | 'interactive',
    payload: unknown,
    retry?: { attempt: number; reason: string },
  ): Promise<SocketAck> {
    const socket = this.socket;
    if (!socket) throw new Error('no app connected to the fake Socket Mode server');
    const envelopeId = `env-${this.nextEnvelope++}`;
    const acked = new Promise<SocketAck>((resolve) => this.acks.set(envelopeId, resolve));
    socket.send(
      JSON.stringify({
        envelope_id: envelopeId,
        type,
        payload,
        accepts_response_payload: true,
        ...(retry && { retry_attempt: retry.attempt, retry_reason: retry.reason }),
      }),
    );
    return acked;
  }

  /** Resolves once an app is connected (at once when one already is). */
  connected(): Promise<void> {
    if (this.socket) return Promise.resolve();
    return new Promise((resolve) => this.connectedWaiters.push(resolve));
  }

  async close(): Promise<void> {
    for (const client of this.server.clients) client.terminate();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
