import { connect } from 'node:net';

/** What came back for bytes written straight to the server's TCP port. */
export interface RawResponse {
  /** The final status (informational 1xx other than 101 skipped); 0 if the connection ended with no answer. */
  status: number;
  head: string;
  body: Buffer;
  /** After a 101: the code of the server's close frame (its first frame, or any with `untilClose`). */
  closeCode?: number;
  /** After a 101: the opcode of the server's first frame (8 = close, 2 = binary). */
  firstOpcode?: number;
  /** No complete answer within the time allowed (the status may still be known). */
  timedOut: boolean;
}

const HEAD_END = Buffer.from('\r\n\r\n');

/**
 * Writes `request` as is (no client library normalises the path, headers or
 * framing) and reads one response. Returns as soon as the response is
 * complete (by Content-Length, chunked end, connection end, or the first
 * websocket frame after a 101), so streams such as server-sent events do
 * not hold it: after `timeoutMs`, whatever was read is returned. With
 * `untilClose`, a 101 is followed up to the server's close frame.
 */
export function rawRequest(port: number, request: Buffer | string, timeoutMs = 5000, untilClose = false): Promise<RawResponse> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const bytes = typeof request === 'string' ? Buffer.from(request, 'latin1') : request;
    // A HEAD answer declares a length but carries no body.
    const headOnly = bytes.subarray(0, 5).toString('latin1') === 'HEAD ';
    let data = Buffer.alloc(0);
    let done = false;
    const finish = (timedOut: boolean): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...parse(data, untilClose), timedOut });
    };
    const timer = setTimeout(() => finish(true), timeoutMs);
    socket.on('error', () => finish(false));
    socket.on('close', () => finish(false));
    socket.on('data', (chunk: Buffer) => {
      data = Buffer.concat([data, chunk]);
      if (complete(data, untilClose, headOnly)) finish(false);
    });
    socket.write(bytes);
  });
}

/** Skips informational answers (100 Continue) to the final one. */
function finalStart(data: Buffer): number {
  let start = 0;
  for (;;) {
    const end = data.indexOf(HEAD_END, start);
    if (end === -1) return start;
    const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(data.subarray(start, end).toString('latin1'))?.[1] ?? 0);
    if (status < 100 || status >= 200 || status === 101) return start;
    start = end + HEAD_END.length;
  }
}

function split(data: Buffer): { head: string; body: Buffer } | undefined {
  const start = finalStart(data);
  const end = data.indexOf(HEAD_END, start);
  if (end === -1) return undefined;
  return { head: data.subarray(start, end).toString('latin1'), body: data.subarray(end + HEAD_END.length) };
}

function complete(data: Buffer, untilClose: boolean, headOnly: boolean): boolean {
  const parts = split(data);
  if (!parts) return false;
  const { head, body } = parts;
  if (headOnly) return true;
  if (/^HTTP\/1\.[01] 101/.test(head)) return untilClose ? closeFrameCode(body) !== undefined : frameLength(body) !== undefined;
  const length = /\r\ncontent-length: *(\d+)/i.exec(head)?.[1];
  if (length !== undefined) return body.length >= Number(length);
  if (/\r\ncontent-type: *text\/event-stream/i.test(head)) return true; // a stream that never ends
  if (/\r\ntransfer-encoding: *chunked/i.test(head)) return body.includes(Buffer.from('0\r\n\r\n'));
  return /^HTTP\/1\.[01] (204|304)/.test(head);
}

/** Byte length of the first (unmasked, server-sent) websocket frame in `buf`, if it is all there. */
function frameLength(buf: Buffer): number | undefined {
  if (buf.length < 2) return undefined;
  const short = (buf[1] ?? 0) & 0x7f;
  let headerLength = 2;
  let payload = short;
  if (short === 126) {
    if (buf.length < 4) return undefined;
    payload = buf.readUInt16BE(2);
    headerLength = 4;
  } else if (short === 127) {
    if (buf.length < 10) return undefined;
    payload = Number(buf.readBigUInt64BE(2));
    headerLength = 10;
  }
  return buf.length >= headerLength + payload ? headerLength + payload : undefined;
}

/** The code of the first close frame among complete server frames (0 for a close without a code). */
function closeFrameCode(buf: Buffer): number | undefined {
  let at = 0;
  for (;;) {
    const rest = buf.subarray(at);
    const length = frameLength(rest);
    if (length === undefined) return undefined;
    if (((rest[0] ?? 0) & 0x0f) === 8) return length >= 4 ? rest.readUInt16BE(2) : 0;
    at += length;
  }
}

function parse(data: Buffer, untilClose: boolean): Omit<RawResponse, 'timedOut'> {
  const parts = split(data);
  if (!parts) return { status: 0, head: '', body: data };
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(parts.head)?.[1] ?? 0);
  if (status !== 101 || frameLength(parts.body) === undefined) return { status, ...parts };
  const firstOpcode = (parts.body[0] ?? 0) & 0x0f;
  const closeCode = untilClose || firstOpcode === 8 ? closeFrameCode(parts.body) : undefined;
  return { status, ...parts, firstOpcode, closeCode };
}
