// Our codec against socket.io-parser, the one socket.io's server and client use: what we encode
// it decodes to the same packet, and what it encodes we decode.
import { Decoder, Encoder, PacketType, type Packet } from 'socket.io-parser';
import { describe, expect, it } from 'vitest';
import {
  ACK,
  CONNECT,
  CONNECT_ERROR,
  DISCONNECT,
  EVENT,
  decodeSocketPacket,
  encodeSocketPacket,
} from './socket-packet.js';

function referenceDecode(text: string): Packet {
  const decoder = new Decoder();
  let decoded: Packet | undefined;
  decoder.on('decoded', (packet: Packet) => (decoded = packet));
  decoder.add(text);
  return decoded!;
}

const referenceEncode = (packet: Packet): string => new Encoder().encode(packet)[0] as string;

describe('encodeSocketPacket', () => {
  it('writes the wire format of socket.io v5', () => {
    expect(encodeSocketPacket({ type: CONNECT, nsp: '/visitor', data: { token: 't' } })).toBe(
      '0/visitor,{"token":"t"}',
    );
    expect(
      encodeSocketPacket({ type: EVENT, nsp: '/visitor', id: 12, data: ['message:send', { text: 'hi' }] }),
    ).toBe('2/visitor,12["message:send",{"text":"hi"}]');
    expect(encodeSocketPacket({ type: EVENT, nsp: '/', data: ['typing', { on: true }] })).toBe(
      '2["typing",{"on":true}]',
    );
    expect(encodeSocketPacket({ type: DISCONNECT, nsp: '/agent' })).toBe('1/agent,');
  });

  it.each([
    { type: CONNECT, nsp: '/visitor', data: { token: 'a"b', pid: 'p', offset: '0-1' } },
    { type: EVENT, nsp: '/visitor', id: 0, data: ['conversation:join', { conversationId: 'c' }] },
    { type: EVENT, nsp: '/', data: ['typing', { text: 'ünïcødé, "quotes" and \\ and 12' }] },
    { type: DISCONNECT, nsp: '/visitor' },
  ])('encodes $type on $nsp so that socket.io-parser reads the same packet', (packet) => {
    const decoded = referenceDecode(encodeSocketPacket(packet));
    expect(decoded).toEqual({ ...packet, ...(packet.id === undefined ? {} : { id: packet.id }) });
  });
});

describe('decodeSocketPacket', () => {
  it.each<Packet>([
    { type: PacketType.CONNECT, nsp: '/visitor', data: { sid: 's1', pid: 'p1' } },
    { type: PacketType.EVENT, nsp: '/visitor', data: ['message:created', { seq: 3 }, '1700000000000-4'] },
    { type: PacketType.EVENT, nsp: '/', data: ['typing', 'a,b/c'] },
    { type: PacketType.ACK, nsp: '/visitor', id: 41, data: [{ ok: true, data: { id: 'm1' } }] },
    { type: PacketType.DISCONNECT, nsp: '/visitor' },
    { type: PacketType.CONNECT_ERROR, nsp: '/visitor', data: { message: 'x', data: { code: 'forbidden' } } },
  ])('reads what socket.io-parser writes: type $type', (packet) => {
    expect(decodeSocketPacket(referenceEncode(packet))).toEqual({
      id: undefined,
      data: undefined,
      ...packet,
    });
  });

  it('reads a refusal with its message and data', () => {
    expect(decodeSocketPacket('4/visitor,{"message":"expired","data":{"code":"unauthorized"}}')).toEqual({
      type: CONNECT_ERROR,
      nsp: '/visitor',
      id: undefined,
      data: { message: 'expired', data: { code: 'unauthorized' } },
    });
  });

  it('reads an ack id of several digits apart from its data', () => {
    expect(decodeSocketPacket('3/agent,1234[null]')).toMatchObject({ type: ACK, id: 1234, data: [null] });
  });

  it.each([
    ['an empty string', ''],
    ['an unknown type', '9/visitor,'],
    ['a binary event', '51-/visitor,["upload",{"_placeholder":true,"num":0}]'],
    ['broken JSON', '2/visitor,["message:created",{'],
    ['a CONNECT without an object', '0/visitor,"sid"'],
    ['a DISCONNECT with data', '1/visitor,{}'],
    ['an event that is not an array', '2/visitor,{"a":1}'],
    ['an event without a name', '2/visitor,[]'],
    ['an event named like a reserved one', '2/visitor,["connect"]'],
    ['an ack without an id', '3/visitor,[{}]'],
    ['a CONNECT_ERROR without data', '4/visitor,'],
  ])('refuses %s', (_what, text) => {
    expect(decodeSocketPacket(text)).toBeNull();
  });
});
